namespace LandRelease.Intake.Kml;

/// <summary>
/// Counts the bytes read while one placemark is loaded and stops past the limit, so that a placemark of a
/// gigabyte is refused as it arrives rather than held whole (the XML reader reads ahead a few KB; the count is close).
/// </summary>
internal sealed class PlacemarkLimitStream(Stream inner, int maxPlacemarkBytes) : ForwardOnlyStream
{
    private long _counted = -1;

    public int Placemark { get; private set; }

    public void Start(int placemark) => (_counted, Placemark) = (0, placemark);

    public void Stop() => _counted = -1;

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
        if (_counted >= 0 && (_counted += read) > maxPlacemarkBytes)
        {
            throw new UploadFormatException(UploadFormatErrors.FeatureTooLarge,
                $"Placemark {Placemark} is larger than {Common.Text.Size(maxPlacemarkBytes)}; split it or simplify its geometry.");
        }

        return read;
    }
}
