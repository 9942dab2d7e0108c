using LandRelease.Data.Exports;
using NetTopologySuite.IO;

namespace LandRelease.Api.Exports;

/// <summary>
/// A workbook of the attributes under the API's names, dates and numbers as typed cells, and the outline as WKT when it
/// fits a cell: Excel holds at most 32,767 characters in one.
/// </summary>
internal static class XlsxWriter
{
    public const int MaxCellCharacters = 32_767;

    public const string TooLong = "(outline longer than a spreadsheet cell holds: export as GeoPackage, Shapefile or CSV)";

    public static async Task<long> WriteAsync(string path, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var wkb = new WKBReader();
        var wkt = new WKTWriter();
        async IAsyncEnumerable<object?[]> Lines()
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                var outline = row.Wkb is null ? null : wkt.Write(wkb.Read(row.Wkb));
                yield return [.. row.Values, outline is { Length: > MaxCellCharacters } ? TooLong : outline];
            }
        }

        await using var file = File.Create(path);
        return await Workbook.WriteAsync(file, [new WorkbookSheet(layout.Layer, [.. layout.Columns.Select(c => c.Name), "wkt"], Lines())], ct);
    }
}
