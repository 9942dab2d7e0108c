namespace LandRelease.Intake;

/// <summary>
/// A forward-only stream over another that shows each run of bytes read to <see cref="Inspect"/> before passing them
/// on, so a limit can stop a hostile file as it arrives rather than after it is held whole. Owns the inner stream.
/// </summary>
public abstract class WatchedStream(Stream inner) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Inspect(buffer.AsSpan(offset, read));
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read]);
        return read;
    }

    /// <summary>Sees the bytes just read; throws to stop the reading.</summary>
    protected abstract void Inspect(ReadOnlySpan<byte> read);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
