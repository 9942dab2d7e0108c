using System.Globalization;
using System.Text;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports;

/// <summary>Reports as CSV (RFC 4180): one figure per row under its dotted name, so a spreadsheet or a script reads it alike.</summary>
internal static class ReportCsv
{
    /// <param name="byAdminArea">Whether the reader may see where in the country land lies (the country's own users).</param>
    public static string Country(StoredReport report, string countryName, bool byAdminArea = false)
    {
        var csv = new StringBuilder("figure,value\r\n");
        Row(csv, "report.country", report.CountryCode);
        Row(csv, "report.countryName", countryName);
        Row(csv, "report.from", Date(report.From));
        Row(csv, "report.to", Date(report.To));
        Row(csv, "report.asAt", report.AsAt is { } a ? Date(a) : "");
        Row(csv, "report.dataVersion", report.DataVersion.ToString(CultureInfo.InvariantCulture));
        Row(csv, "report.computedAt", report.ComputedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        foreach (var (name, value) in FigureValues.Published(report.Document.Values))
        {
            Row(csv, name, FigureValues.Text(value, name));
        }

        // By administrative area: adminArea.<code>.<figure> (adminArea.outside.<level>.<figure> for land outside every area).
        foreach (var area in byAdminArea ? PublishedAdminAreas.Of(report.Document.AdminAreas, FigureValues.Published(report.Document.Values)) : [])
        {
            var key = area.Code is { } code ? $"adminArea.{code}" : $"adminArea.outside.{area.Level}";
            Row(csv, $"{key}.name", area.Name);
            Row(csv, $"{key}.level", area.Level.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in area.Values)
            {
                Row(csv, $"{key}.{name}", FigureValues.Text(value, name));
            }
        }

        foreach (var year in report.Document.Trend ?? [])
        {
            foreach (var (name, value) in FigureValues.Published(year.Values))
            {
                Row(csv, $"trend.{year.Year}.{name}", FigureValues.Text(value, name));
            }
        }

        return csv.ToString();
    }

    public static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");

    /// <summary>Quotes what needs quoting, and defuses cells a spreadsheet would run as a formula.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
