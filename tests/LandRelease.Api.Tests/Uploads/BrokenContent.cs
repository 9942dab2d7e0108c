using System.Net;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// A request body that sends its first half, waits for <paramref name="breakOff"/>, then breaks off, as when a
/// field team's link drops in the middle of an upload the server has already begun to take in.
/// </summary>
public sealed class BrokenContent(byte[] bytes, Task breakOff) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        await breakOff;
        throw new IOException("The link dropped.");
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
