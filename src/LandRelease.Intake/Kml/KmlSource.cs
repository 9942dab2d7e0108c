using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

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

    private KmlSource(XmlReader reader)
    {
        _reader = reader;
        Own(reader);
        DeclaredCrs = "EPSG:4326";
    }

    public override string Format => UploadFormats.Kml;

    public static async Task<FeatureSource> OpenAsync(Stream stream, string? entryName, CancellationToken ct)
    {
        var reader = XmlReader.Create(stream, Settings);
        try
        {
            await reader.MoveToContentAsync();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "kml")
            {
                throw new UploadFormatException(
                    UploadFormatErrors.InvalidKml,
                    $"The XML is not KML: its root element is <{reader.LocalName}>, not <kml>.");
            }

            return new KmlSource(reader) { Layer = entryName };
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
                var placemark = (XElement)await XNode.ReadFromAsync(_reader, ct);
                // ReadFrom leaves the reader on the node after the placemark, which may be the next placemark.
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
