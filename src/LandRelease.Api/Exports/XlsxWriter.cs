using LandRelease.Data.Exports;
using MiniExcelLibs;
using NetTopologySuite.IO;

namespace LandRelease.Api.Exports;

/// <summary>
/// A workbook (MiniExcel, rows written as they are read) of the attributes under the API's names, dates and numbers as
/// typed cells, and the outline as WKT when it fits a cell: Excel holds at most 32,767 characters in one.
/// </summary>
internal static class XlsxWriter
{
    public const int MaxCellCharacters = 32_767;

    public const string TooLong = "(outline longer than a spreadsheet cell holds: export as GeoPackage, Shapefile or CSV)";

    public static async Task<long> WriteAsync(string path, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        long count = 0;
        var wkb = new WKBReader();
        var wkt = new WKTWriter();
        IEnumerable<Dictionary<string, object?>> Lines()
        {
            foreach (var row in rows.ToBlockingEnumerable(ct))
            {
                var line = new Dictionary<string, object?>(layout.Columns.Count + 1, StringComparer.Ordinal);
                for (var i = 0; i < layout.Columns.Count; i++)
                {
                    line[layout.Columns[i].Name] = row.Values[i] is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : row.Values[i];
                }

                var outline = row.Wkb is null ? null : wkt.Write(wkb.Read(row.Wkb));
                line["wkt"] = outline is { Length: > MaxCellCharacters } ? TooLong : outline;
                count++;
                yield return line;
            }
        }

        // MiniExcel enumerates synchronously; the rows still come from the database one at a time, on a pool thread.
        await Task.Run(() => MiniExcel.SaveAs(path, Lines(), sheetName: layout.Layer, overwriteFile: true), ct);
        return count;
    }
}
