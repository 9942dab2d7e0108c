using System.Globalization;
using System.Text;
using LandRelease.Api.Reports;
using LandRelease.Data.Exports;
using NetTopologySuite.IO;

namespace LandRelease.Api.Exports;

/// <summary>
/// CSV (RFC 4180, UTF-8) as the CSV upload reads it: the outline as WKT in a "wkt" column, "crs" saying EPSG:4326 on
/// every row, then the attributes under the API's names. Written straight to the response as rows arrive.
/// </summary>
internal static class CsvWriter
{
    public static async Task<long> WriteAsync(Stream output, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var line = new StringBuilder();
        ReportCsv.Row(line, ["wkt", "crs", .. layout.Columns.Select(c => c.Name)]);
        await writer.WriteAsync(line, ct);

        var wkb = new WKBReader();
        var wkt = new WKTWriter();
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            var outline = row.Wkb is null ? "" : wkt.Write(wkb.Read(row.Wkb));
            ReportCsv.Row(line, [outline, row.Wkb is null ? "" : "EPSG:4326", .. row.Values.Select(Text)]);
            await writer.WriteAsync(line, ct);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
