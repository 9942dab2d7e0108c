using System.Globalization;
using System.Text;
using MiniExcelLibs;

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

    public static byte[] Xlsx(CountryFigures f)
    {
        var sheets = new Dictionary<string, object>
        {
            ["About"] = About(f).Select(a => new Dictionary<string, object?> { ["Item"] = a.Item, ["Value"] = a.Value }).ToList(),
        };
        foreach (var table in CountryTables.Of(f))
        {
            sheets[table.Name] = table.Rows.Select(row => table.Columns.Select((c, i) => (c, row[i]))
                .ToDictionary(x => x.c, x => x.Item2)).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
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
