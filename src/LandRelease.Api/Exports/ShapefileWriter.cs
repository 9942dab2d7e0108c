using System.IO.Compression;
using System.Text;
using LandRelease.Data.Exports;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using EsriShapefile = NetTopologySuite.IO.Esri.Shapefile;

namespace LandRelease.Api.Exports;

/// <summary>
/// A zipped polygon shapefile: .shp, .shx and .dbf written by NetTopologySuite.IO.Esri, a .prj in ESRI's WKT for WGS 84
/// and a .cpg saying UTF-8 (so QGIS and ArcGIS read Khmer, Lao and Thai names). Field names are the layout's 10-character
/// dBASE names, which the upload reads back (the README's table).
/// </summary>
internal static class ShapefileWriter
{
    /// <summary>WGS 84 as ArcGIS and QGIS write it in a .prj (ESRI WKT, no EPSG code in it).</summary>
    public const string Wgs84Prj =
        """GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]""";

    private static readonly MultiPolygon NoShape = GeometryFactory.Default.CreateMultiPolygon();

    public static async Task<long> WriteZipAsync(string zipPath, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("landrelease-export-");
        try
        {
            var shp = Path.Combine(folder.FullName, layout.Layer + ".shp");
            var count = await WriteAsync(shp, layout, rows, ct);
            await File.WriteAllTextAsync(Path.ChangeExtension(shp, ".prj"), Wgs84Prj, ct);
            await File.WriteAllTextAsync(Path.ChangeExtension(shp, ".cpg"), "UTF-8", ct);
            await using var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create);
            foreach (var extension in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
            {
                await zip.CreateEntryFromFileAsync(Path.ChangeExtension(shp, extension), layout.Layer + extension, CompressionLevel.Fastest, ct);
            }

            return count;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> WriteAsync(string shp, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var options = new ShapefileWriterOptions(ShapeType.Polygon) { Encoding = new UTF8Encoding(false) };
        foreach (var column in layout.Columns)
        {
            if (column.Type == ExportType.Date)
            {
                options.AddDateField(column.DbfName);
            }
            else if (column.Type == ExportType.Real)
            {
                options.AddNumericDoubleField(column.DbfName);
            }
            else if (column.Type == ExportType.WholeNumber)
            {
                options.AddNumericInt64Field(column.DbfName);
            }
            else
            {
                options.AddCharacterField(column.DbfName, column.Width);
            }
        }

        var wkb = new WKBReader();
        long count = 0;
        using var writer = EsriShapefile.OpenWrite(shp, options);
        await foreach (var row in rows.WithCancellation(ct))
        {
            // No land worked (an activity may have none): the writer stores an empty geometry as a null shape.
            writer.Geometry = row.Wkb is null ? NoShape : wkb.Read(row.Wkb);
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                writer.Fields[layout.Columns[i].DbfName].Value = row.Values[i] switch
                {
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    var v => v,
                };
            }

            writer.Write();
            count++;
        }

        return count;
    }
}
