using System.Globalization;
using System.Text;
using LandRelease.Data.Exports;
using LandRelease.Data.Reports;

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

    /// <summary>The table (a row per state and the region) and its trend, by the one workbook writer GDAL and QGIS read.</summary>
    public static Task<byte[]> XlsxAsync(RegionalFigures figures, CancellationToken ct)
    {
        var states = RegionalTable.Rows(figures).Select(row => new object?[]
        {
            figures.Year, row.Code, row.Name, row.Reported ? "yes" : Figures.NoData,
        }.Concat(RegionalTable.Columns.Select(c => row.Values is null ? null : (object?)c.Read(row.Values))).ToArray());
        var trend = figures.Trend.Select(t => new object?[] { t.Year, t.CountriesReporting }
            .Concat(RegionalTable.Columns.Select(c => t.Values is null ? null : (object?)c.Read(t.Values))).ToArray());
        var headings = RegionalTable.Columns.Select(c => c.Heading).ToList();
        return Workbook.ToBytesAsync(
        [
            new WorkbookSheet($"ASEAN {figures.Year}", ["Year", "Code", "State", "Reported", .. headings], states),
            new WorkbookSheet("Trend", ["Year", "States reporting", .. headings], trend),
        ], ct);
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
