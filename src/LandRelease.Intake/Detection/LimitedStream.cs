namespace LandRelease.Intake.Detection;

/// <summary>
/// A zip entry read straight from the archive, stopped once it has expanded past the limit: a small zip of blank
/// space can otherwise keep a reader busy for minutes.
/// </summary>
internal sealed class LimitedStream(Stream inner, long maxBytes, string what) : ForwardOnlyStream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read <= maxBytes
            ? read
            : throw new UploadFormatException(
                UploadFormatErrors.TooLarge,
                $"{what} expands to more than {Common.Text.Size(maxBytes)}; that is more than an upload may hold.");
    }
}
