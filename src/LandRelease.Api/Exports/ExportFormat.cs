namespace LandRelease.Api.Exports;

/// <summary>A file format an export is offered in: its query value, media type and file extension.</summary>
internal sealed record ExportFormat(string Name, string MediaType, string Extension, bool Geometry)
{
    public static readonly ExportFormat GeoPackage = new("gpkg", "application/geopackage+sqlite3", "gpkg", true);
    public static readonly ExportFormat Shapefile = new("shp", "application/zip", "zip", true);
    public static readonly ExportFormat Csv = new("csv", "text/csv; charset=utf-8", "csv", true);
    public static readonly ExportFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", true);

    public static readonly IReadOnlyList<ExportFormat> Features = [GeoPackage, Shapefile, Csv, Xlsx];

    public static readonly IReadOnlyList<ExportFormat> Reports = [Csv, Xlsx];

    /// <summary>The format named by <paramref name="value"/> among <paramref name="offered"/>, or an error naming them.</summary>
    public static ExportFormat? Read(string? value, IReadOnlyList<ExportFormat> offered, Dictionary<string, string[]> errors)
    {
        var names = string.Join(", ", offered.Select(f => f.Name));
        var found = offered.FirstOrDefault(f => string.Equals(f.Name, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors["format"] = [value is null ? $"format is required: one of {names}." : $"'{value}' is not an export format: use one of {names}."];
        }

        return found;
    }
}
