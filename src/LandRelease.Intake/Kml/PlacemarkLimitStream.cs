namespace LandRelease.Intake.Kml;

/// <summary>
/// Counts the bytes read while one placemark is loaded and stops past the limit, so that a placemark of a
/// gigabyte is refused as it arrives rather than held whole (the XML reader reads ahead a few KB; the count is close).
/// </summary>
internal sealed class PlacemarkLimitStream(Stream inner, int maxPlacemarkBytes) : WatchedStream(inner)
{
    private long _counted = -1;

    public int Placemark { get; private set; }

    public void Start(int placemark) => (_counted, Placemark) = (0, placemark);

    public void Stop() => _counted = -1;

    protected override void Inspect(ReadOnlySpan<byte> read)
    {
        if (_counted >= 0 && (_counted += read.Length) > maxPlacemarkBytes)
        {
            throw new UploadFormatException(UploadFormatErrors.FeatureTooLarge,
                $"Placemark {Placemark} is larger than {Common.Text.Size(maxPlacemarkBytes)}; split it or simplify its geometry.");
        }
    }
}
