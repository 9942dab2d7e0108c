using System.Net;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// A request body that sends its first half, then waits for the gate before sending the rest: the server has
/// the request (and has recorded the upload) while its file is still arriving, as over a slow field link.
/// </summary>
public sealed class GatedContent(byte[] bytes, Task gate) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = bytes.Length / 2;
        await stream.WriteAsync(bytes.AsMemory(0, half));
        await stream.FlushAsync();
        await gate;
        await stream.WriteAsync(bytes.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
