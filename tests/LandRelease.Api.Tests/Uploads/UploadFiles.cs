using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>One hazardous area as a file other than GeoJSON holds it: flat attributes, evidence as "KIND: description".</summary>
public sealed record AreaRow(string LocalId, Geometry Geometry)
{
    public string Name { get; init; } = $"Field {LocalId}";
    public string Classification { get; init; } = "CHA";
    public string Contamination { get; init; } = "AP_MINE;AV_MINE";
    public string Status { get; init; } = "OPEN";
    public string Evidence { get; init; } = "DIRECT: PMN-2 found by a farmer";
    public string DateOfInformation { get; init; } = "2024-05-01";
    public string Organisation { get; init; } = "CMAC";
}

/// <summary>Upload files built in the test: zipped shapefiles, KML, KMZ and CSV (GeoPackages in <see cref="GeoPackageFile"/>).</summary>
public static class UploadFiles
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>An axis-aligned square with its south-west corner at (x, y): degrees or metres, as the CRS has it.</summary>
    public static Polygon Square(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    /// <summary>.shp, .shx, .dbf (and .prj when given) written by NetTopologySuite.IO.Esri, zipped as "{name}.*".</summary>
    public static byte[] ShapefileZip(IEnumerable<AreaRow> rows, string? prj, string name = "hazards", params string[] without)
    {
        var folder = Directory.CreateTempSubdirectory("landrelease-upload-test-");
        try
        {
            var features = rows.Select(r => (IFeature)new Feature(r.Geometry, new AttributesTable
            {
                { "LOCAL_ID", r.LocalId }, { "NAME", r.Name }, { "CLASSIF", r.Classification }, { "CONTAMIN", r.Contamination },
                { "STATUS", r.Status }, { "EVIDENCE", r.Evidence }, { "DATE_INFO", r.DateOfInformation }, { "ORG", r.Organisation },
            })).ToList();
            Shapefile.WriteAllFeatures(features, Path.Combine(folder.FullName, "layer.shp"), prj, Encoding.UTF8);
            return Zip([.. folder.GetFiles()
                .Where(f => !without.Contains(f.Extension))
                .Select(f => (name + f.Extension, File.ReadAllBytes(f.FullName)))]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Kml(IEnumerable<AreaRow> rows)
    {
        var kml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>""");
        foreach (var r in rows)
        {
            var coordinates = string.Join(' ', r.Geometry.Coordinates.Select(c => $"{N(c.X)},{N(c.Y)},0"));
            kml.Append(CultureInfo.InvariantCulture, $"<Placemark><name>{r.Name}</name><ExtendedData>")
                .Append(Data("localId", r.LocalId)).Append(Data("classification", r.Classification))
                .Append(Data("contamination", r.Contamination)).Append(Data("status", r.Status))
                .Append(Data("evidence", r.Evidence)).Append(Data("dateOfInformation", r.DateOfInformation))
                .Append(Data("organisation", r.Organisation))
                .Append(CultureInfo.InvariantCulture,
                    $"</ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>{coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>");
        }

        return Encoding.UTF8.GetBytes(kml.Append("</Document></kml>").ToString());
    }

    public static byte[] Kmz(IEnumerable<AreaRow> rows) => Zip(("doc.kml", Kml(rows)));

    /// <summary>CSV with a quoted WKT column, one row per area.</summary>
    public static byte[] WktCsv(IEnumerable<AreaRow> rows, Func<AreaRow, string>? wkt = null) =>
        Csv("wkt", rows, r => Quote(wkt?.Invoke(r) ?? r.Geometry.AsText()));

    /// <summary>CSV with lon and lat columns: each row a point, the first vertex of the row's geometry.</summary>
    public static byte[] PointCsv(IEnumerable<AreaRow> rows) =>
        Csv("lon,lat", rows, r => $"{N(r.Geometry.Coordinates[0].X)},{N(r.Geometry.Coordinates[0].Y)}");

    public static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static byte[] Csv(string geometryHeader, IEnumerable<AreaRow> rows, Func<AreaRow, string> geometry)
    {
        var csv = new StringBuilder($"local_id,name,classification,contamination,status,evidence,dateOfInformation,organisation,{geometryHeader}\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.LocalId},{Quote(r.Name)},{r.Classification},{r.Contamination},{r.Status},{Quote(r.Evidence)},{r.DateOfInformation},{r.Organisation},{geometry(r)}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Data(string name, string value) => $"<Data name=\"{name}\"><value>{value}</value></Data>";
}
