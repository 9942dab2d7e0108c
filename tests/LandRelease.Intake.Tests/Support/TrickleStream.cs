namespace LandRelease.Intake.Tests.Support;

/// <summary>
/// A forward-only body that hands out a few bytes per read, like a request body over a slow link: readers must
/// cope with values split anywhere.
/// </summary>
internal sealed class TrickleStream(byte[] data, int seed = 1) : ForwardOnlyStream
{
    private readonly Random _random = new(seed);
    private int _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, _random.Next(1, 300)), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
