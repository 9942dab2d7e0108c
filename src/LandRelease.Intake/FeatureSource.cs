using System.Runtime.CompilerServices;
using LandRelease.Intake.Detection;

namespace LandRelease.Intake;

/// <summary>
/// An opened upload: what it is, the CRS it declares, and its features as a forward-only stream. Dispose it to
/// close the file and delete whatever was spooled to the temp folder.
/// </summary>
public abstract class FeatureSource : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private string? _workspace;
    private int _readStarted;

    /// <summary>One of <see cref="UploadFormats"/>.</summary>
    public abstract string Format { get; }

    /// <summary>
    /// The CRS the file declares: a .prj's WKT text; "EPSG:nnnn" from a GeoPackage srs_id (its WKT definition when the
    /// organisation is not EPSG); "EPSG:4326" for GeoJSON (RFC 7946, unless a legacy "crs" member names another) and
    /// KML; for CSV the crs column of the first row, if any. Null when the file says nothing: the caller must then
    /// be told the CRS (crs=).
    /// </summary>
    public string? DeclaredCrs { get; protected init; }

    /// <summary>The layer read: a GeoPackage table, or a shapefile's name in its zip; null for single-layer formats.</summary>
    public string? Layer { get; protected init; }

    /// <summary>Layers of the same file that were not read (see <see cref="IntakeOptions.Layer"/>).</summary>
    public IReadOnlyList<string> OtherLayers { get; protected init; } = [];

    /// <summary>
    /// The features in file order, one at a time. Can be enumerated once. A damaged file can still throw
    /// <see cref="UploadFormatException"/> part-way (e.g. JSON cut off after feature 5000).
    /// </summary>
    public IAsyncEnumerable<SourceFeature> ReadAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _readStarted, 1) == 1)
        {
            throw new InvalidOperationException("An upload is a forward-only stream: its features can be read once.");
        }

        return ReadOnceAsync(ct);
    }

    /// <summary>The format's own reading; called once.</summary>
    protected abstract IAsyncEnumerable<SourceFeature> ReadFeaturesAsync(CancellationToken ct);

    public ValueTask DisposeAsync()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        Workspace.Delete(_workspace);
        _workspace = null;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposed with the source, last owned first.</summary>
    internal void Own(IDisposable resource) => _owned.Add(resource);

    internal void OwnWorkspace(string? directory) => _workspace = directory;

    /// <summary>See <see cref="IntakeOptions.MaxFeatures"/>.</summary>
    internal int MaxFeatures { get; set; } = IntakeOptions.Default.MaxFeatures;

    /// <summary>
    /// Turns what a format's library throws on damaged input (an XmlException, an InvalidDataException from a zip
    /// entry...) into an <see cref="UploadFormatException"/>; null lets anything else through as a real fault.
    /// </summary>
    protected virtual UploadFormatException? Translate(Exception exception, int featureIndex) =>
        exception is InvalidDataException e
            ? new UploadFormatException(UploadFormatErrors.CorruptZip, $"The zip is damaged in or after feature {featureIndex}: {e.Message}", e)
            : null;

    private async IAsyncEnumerable<SourceFeature> ReadOnceAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var features = ReadFeaturesAsync(ct).GetAsyncEnumerator(ct);
        await using (features)
        {
            var index = 0;
            while (true)
            {
                try
                {
                    if (!await features.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is not (UploadFormatException or OperationCanceledException)
                                          && Translate(e, index) is { } translated)
                {
                    throw translated;
                }

                if (++index > MaxFeatures)
                {
                    throw new UploadFormatException(UploadFormatErrors.TooManyFeatures,
                        $"The file holds more than {MaxFeatures:N0} features, the most one upload may hold; split it.");
                }

                yield return features.Current;
            }
        }
    }
}
