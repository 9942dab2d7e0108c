using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Kml;

public sealed class KmlReadingTests
{
    private const string Document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2">
          <Document>
            <name>MAG survey, Banteay Meanchey</name>
            <Style id="red"><PolyStyle><color>7f0000ff</color></PolyStyle></Style>
            <Folder>
              <name>Hazards</name>
              <Placemark id="pm-1">
                <name>Ou Beichoan canal bank</name>
                <ExtendedData>
                  <Data name="localId"><value>KHM-BMC-U401</value></Data>
                  <Data name="classification"><value>SHA</value></Data>
                </ExtendedData>
                <Polygon>
                  <outerBoundaryIs><LinearRing><coordinates>
                    102.80,13.70,0 102.81,13.70,0 102.81,13.71,0 102.80,13.71,0 102.80,13.70,0
                  </coordinates></LinearRing></outerBoundaryIs>
                  <innerBoundaryIs><LinearRing><coordinates>102.803,13.703 102.806,13.703 102.806,13.706 102.803,13.703</coordinates></LinearRing></innerBoundaryIs>
                </Polygon>
              </Placemark>
              <Placemark><name>Twin plots</name>
                <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="localId">KHM-BMC-U402</SimpleData></SchemaData></ExtendedData>
                <MultiGeometry>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>102.9,13.8 102.91,13.8 102.91,13.81 102.9,13.8</coordinates></LinearRing></outerBoundaryIs></Polygon>
                  <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>102.95,13.8 102.96,13.8 102.96,13.81 102.95,13.8</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry>
                </MultiGeometry>
              </Placemark>
            </Folder>
            <Placemark><name>Benchmark</name><Point><coordinates>102.85,13.75</coordinates></Point></Placemark><Placemark><name>Track</name><LineString><coordinates>102.8,13.7 102.9,13.8</coordinates></LineString></Placemark>
            <Placemark><name>Typo</name><Point><coordinates>102.85;13.75</coordinates></Point></Placemark>
          </Document>
        </kml>
        """;

    [Fact]
    public async Task ReadsPlacemarksNamesExtendedDataAndPolygonsWithInnerRings()
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Document), "survey.kml");

        Assert.Equal((UploadFormats.Kml, "EPSG:4326"), (result.Format, result.DeclaredCrs));
        Assert.Equal(5, result.Features.Count);
        var first = result.Features[0];
        Assert.Equal("Ou Beichoan canal bank", first.Attributes["name"]);
        Assert.Equal("KHM-BMC-U401", first.Attributes["localId"]);
        Assert.Equal("SHA", first.Attributes["classification"]);
        Assert.Equal("pm-1", first.Attributes["id"]);
        var polygon = Assert.IsType<Polygon>(first.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(new Coordinate(102.81, 13.71), polygon.ExteriorRing.GetCoordinateN(2));
        Assert.Equal("KHM-BMC-U402", result.Features[1].Attributes["localId"]);
        Assert.Equal(2, Assert.IsType<MultiPolygon>(result.Features[1].Geometry).NumGeometries);
        Assert.Equal(new Coordinate(102.85, 13.75), Assert.IsType<Point>(result.Features[2].Geometry).Coordinate);
    }

    [Fact]
    public async Task ReportsALineAndAnUnreadableCoordinateAsFeatureProblems()
    {
        var features = (await Uploads.ReadAsync(Uploads.Utf8(Document), "survey.kml")).Features;

        Assert.Contains("LineString", features[3].Problem);
        Assert.Contains("'102.85;13.75' is not longitude,latitude", features[4].Problem);
        Assert.Equal(4, features[4].Index);
    }

    [Fact]
    public async Task ReadsAKmz()
    {
        var result = await Uploads.ReadAsync(Uploads.Zip(("doc.kml", Uploads.Utf8(Document))), "survey.kmz");

        Assert.Equal(UploadFormats.Kml, result.Format);
        Assert.Equal(5, result.Features.Count);
    }

    [Fact]
    public async Task RefusesADocumentTypeDefinition()
    {
        const string Entity = """
            <?xml version="1.0"?>
            <!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <kml><Placemark><name>&secret;</name></Placemark></kml>
            """;

        var error = await Uploads.FailsAsync(Uploads.Utf8(Entity), "evil.kml");

        Assert.Equal(UploadFormatErrors.InvalidKml, error.Code);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public async Task RejectsXmlThatIsNotKml()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8("<gpx><wpt/></gpx>"), "track.xml");

        Assert.Equal(UploadFormatErrors.InvalidKml, error.Code);
        Assert.Contains("<gpx>", error.Message);
    }

    [Fact]
    public async Task RejectsKmlCutShortSayingWhere()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8(Document[..(Document.Length / 2)]), "cut.kml");

        Assert.Equal(UploadFormatErrors.InvalidKml, error.Code);
        Assert.Contains("in or after placemark 1", error.Message);
    }
}
