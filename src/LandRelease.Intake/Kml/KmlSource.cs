using System.Runtime.CompilerServices;
using System.Xml;

namespace LandRelease.Intake.Kml;

/// <summary>
/// KML read with an XmlReader, one Placemark at a time (each loaded alone, so memory follows the largest
/// placemark, not the file). Folders and documents are walked through; styles and the rest are skipped.
/// DTDs are refused and nothing external is resolved: the file comes from outside.
/// </summary>
internal sealed class KmlSource : FeatureSource
{
    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly XmlReader _reader;
    private readonly PlacemarkLimitStream _limit;

    private KmlSource(XmlReader reader, PlacemarkLimitStream limit)
    {
        _reader = reader;
        _limit = limit;
        Own(reader);
        DeclaredCrs = "EPSG:4326";
    }

    public override string Format => UploadFormats.Kml;

    public static async Task<FeatureSource> OpenAsync(Stream stream, string? entryName, IntakeOptions options, CancellationToken ct)
    {
        var limit = new PlacemarkLimitStream(stream, options.MaxFeatureBytes);
        var reader = XmlReader.Create(limit, Settings);
        try
        {
            await reader.MoveToContentAsync();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "kml")
            {
                throw new UploadFormatException(
                    UploadFormatErrors.InvalidKml,
                    $"The XML is not KML: its root element is <{reader.LocalName}>, not <kml>.");
            }

            return new KmlSource(reader, limit) { Layer = entryName };
        }
        catch (XmlException e)
        {
            reader.Dispose();
            throw Invalid(e, null);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    protected override async IAsyncEnumerable<SourceFeature> ReadFeaturesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var index = 0;
        bool onNextNode = false;
        while (onNextNode || await _reader.ReadAsync())
        {
            onNextNode = false;
            if (_reader.NodeType == XmlNodeType.Element && _reader.LocalName == "Placemark")
            {
                ct.ThrowIfCancellationRequested();
                _limit.Start(index);
                var placemark = await PlacemarkBuilder.ReadAsync(_reader, index);
                _limit.Stop();
                // The builder leaves the reader on the node after the placemark, which may be the next placemark.
                onNextNode = true;
                yield return KmlPlacemark.Read(placemark, index++);
            }
        }
    }

    protected override UploadFormatException? Translate(Exception exception, int featureIndex) =>
        exception is XmlException e ? Invalid(e, featureIndex) : base.Translate(exception, featureIndex);


    private static UploadFormatException Invalid(XmlException e, int? featureIndex) =>
        new(
            UploadFormatErrors.InvalidKml,
            $"The KML is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}"
            + (featureIndex is { } i ? $" (in or after placemark {i})" : "") + $": {e.Message}",
            e);
}
