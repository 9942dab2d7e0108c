namespace LandRelease.Intake.Detection;

/// <summary>
/// A zip entry read straight from the archive, stopped once it has expanded past the limit: a small zip of blank
/// space can otherwise keep a reader busy for minutes.
/// </summary>
internal sealed class LimitedStream(Stream inner, long maxBytes, string what) : WatchedStream(inner)
{
    private long _read;

    protected override void Inspect(ReadOnlySpan<byte> read)
    {
        _read += read.Length;
        if (_read > maxBytes)
        {
            throw new UploadFormatException(
                UploadFormatErrors.TooLarge,
                $"{what} expands to more than {Common.Text.Size(maxBytes)}; that is more than an upload may hold.");
        }
    }
}
