using System.Globalization;
using System.Text;
using LandRelease.Data.Reports;
using MiniExcelLibs;

namespace LandRelease.Web.Reports;

/// <summary>The dashboard's table (and its trend, in the workbook) as CSV and XLSX.</summary>
public static class RegionalDownloads
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(int year, string extension) => $"landrelease-asean-{year}.{extension}";

    public static string Csv(RegionalFigures figures)
    {
        var csv = new StringBuilder();
        Line(csv, ["Year", "Code", "State", "Reported", .. RegionalTable.Columns.Select(c => c.Heading)]);
        foreach (var row in RegionalTable.Rows(figures))
        {
            Line(csv, [figures.Year.ToString(CultureInfo.InvariantCulture), row.Code, row.Name, row.Reported ? "yes" : Figures.NoData,
                .. RegionalTable.Columns.Select(c => row.Values is null ? "" : Number(c.Read(row.Values)))]);
        }

        return csv.ToString();
    }

    public static byte[] Xlsx(RegionalFigures figures)
    {
        var states = RegionalTable.Rows(figures).Select(row =>
        {
            var line = new Dictionary<string, object?>
            {
                ["Year"] = figures.Year, ["Code"] = row.Code, ["State"] = row.Name, ["Reported"] = row.Reported ? "yes" : Figures.NoData,
            };
            foreach (var c in RegionalTable.Columns)
            {
                line[c.Heading] = row.Values is null ? null : c.Read(row.Values);
            }

            return line;
        }).ToList();
        var trend = figures.Trend.Select(t =>
        {
            var line = new Dictionary<string, object?> { ["Year"] = t.Year, ["States reporting"] = t.CountriesReporting };
            foreach (var c in RegionalTable.Columns)
            {
                line[c.Heading] = t.Values is null ? null : c.Read(t.Values);
            }

            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [$"ASEAN {figures.Year}"] = states, ["Trend"] = trend });
        return stream.ToArray();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");

    /// <summary>Quotes what needs quoting; names of states never start like a formula, but a cell is defused all the same.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
