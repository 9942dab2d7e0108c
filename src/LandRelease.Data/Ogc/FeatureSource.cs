namespace LandRelease.Data.Ogc;

/// <summary>
/// One table published as features: how PostgreSQL renders a row as a GeoJSON Feature, which columns the
/// property filters and the date filter read, and the rows that belong (released land is counted decisions only).
/// </summary>
public sealed class FeatureSource
{
    internal FeatureSource(string table, string alias, Func<string, string> render, string? belongs,
        IReadOnlyDictionary<string, string> filterColumns, string dateFrom, string dateTo, string geometryColumn)
    {
        Table = table;
        Alias = alias;
        Render = render;
        Belongs = belongs;
        FilterColumns = filterColumns;
        DateFrom = dateFrom;
        DateTo = dateTo;
        GeometryColumn = geometryColumn;
    }

    internal string Table { get; }
    internal string Alias { get; }

    /// <summary>Given a GeoJSON geometry text expression, a text expression of the whole Feature.</summary>
    internal Func<string, string> Render { get; }

    internal string? Belongs { get; }

    /// <summary>Property filter name (as the query string names it) to column.</summary>
    public IReadOnlyDictionary<string, string> FilterColumns { get; }

    /// <summary>Text search name to column (the register's local id and name); none on the OGC API.</summary>
    public IReadOnlyDictionary<string, string> SearchColumns { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Properties a vector tile carries beyond the id and the filters: what a map labels a feature by (QGIS and the web
    /// maps label provinces by name, areas by local id). Few, since every one is repeated in every feature of a tile.
    /// </summary>
    internal IReadOnlyDictionary<string, string> TileLabels { get; init; } = new Dictionary<string, string>();

    internal string DateFrom { get; }
    internal string DateTo { get; }
    internal string GeometryColumn { get; }
    internal string Id => $"{Alias}.id";
    internal string Country => $"{Alias}.country_code";
}
