using System.Globalization;
using System.Text;
using LandRelease.Data.Exports;

namespace LandRelease.Web.Reports;

/// <summary>
/// The country page's figures for its period as CSV (one figure a line: table, row, column, value, so one file holds every
/// table and any tool can pivot it) and XLSX (a sheet per table, as the page lays them out).
/// </summary>
public static class CountryDownloads
{
    public static string FileName(CountryFigures f, string extension) =>
        $"landrelease-{f.Code.ToLowerInvariant()}-{f.Period.From}-{f.Period.To}.{extension}";

    public static string Csv(CountryFigures f)
    {
        var csv = new StringBuilder();
        string[] lead = [f.Code, f.Name, Year(f.Period.From), Year(f.Period.To)];
        RegionalDownloads.Line(csv, ["Code", "Country", "From", "To", "Table", "Row", "Column", "Value"]);
        foreach (var (item, value) in About(f))
        {
            RegionalDownloads.Line(csv, [.. lead, "About", item, "", value]);
        }

        foreach (var table in CountryTables.Of(f))
        {
            foreach (var row in table.Rows)
            {
                for (var i = 1; i < table.Columns.Count; i++)
                {
                    RegionalDownloads.Line(csv, [.. lead, table.Name, Text(row[0]), table.Columns[i], Text(row[i])]);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// A sheet per table by the one workbook writer GDAL and QGIS read. About opens with its date as a date cell, so
    /// spreadsheet readers (GDAL's XLSX driver) take the first row for headings, as on every other sheet.
    /// </summary>
    public static Task<byte[]> XlsxAsync(CountryFigures f, CancellationToken ct)
    {
        var asAt = "Remaining land as at";
        IEnumerable<object?[]> about = [[asAt, f.Period.ToDate], .. About(f).Where(a => a.Item != asAt).Select(a => new object?[] { a.Item, a.Value })];
        return Workbook.ToBytesAsync(
        [
            new WorkbookSheet("About", ["Item", "Value"], about),
            .. CountryTables.Of(f).Select(t => new WorkbookSheet(t.Name, t.Columns, t.Rows)),
        ], ct);
    }

    private static IEnumerable<(string Item, string Value)> About(CountryFigures f) =>
    [
        ("Country", $"{f.Name} ({f.Code})"),
        ("Period", Invariant($"{f.Period.FromDate:yyyy-MM-dd} to {f.Period.ToDate:yyyy-MM-dd}: land released and devices by date of information")),
        ("Remaining land as at", Invariant($"{f.Period.ToDate:yyyy-MM-dd}")),
        ("Reported", f.Reported ? Invariant($"yes, since {f.ReportedSince}") : $"{Figures.NoData}: zeros here do not mean no contamination"),
        ("Figures", "approved data only; each m² counted once, credited to the earliest approved decision"),
        ("Data version", Invariant($"{f.DataVersion}, computed {f.ComputedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")),
    ];

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
