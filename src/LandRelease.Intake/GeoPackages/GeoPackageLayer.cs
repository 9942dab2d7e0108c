using Microsoft.Data.Sqlite;

namespace LandRelease.Intake.GeoPackages;

/// <param name="Table">The feature table.</param>
/// <param name="GeometryColumn">Its geometry column, from gpkg_geometry_columns.</param>
/// <param name="Crs">"EPSG:nnnn", the definition WKT for another organisation, or null when undefined.</param>
internal sealed record GeoPackageLayer(string Table, string GeometryColumn, string? Crs);

/// <summary>Reads the GeoPackage's own tables that say which feature tables exist and in which CRS.</summary>
internal static class GeoPackageCatalog
{
    public static List<string> FeatureTables(SqliteConnection connection)
    {
        var tables = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public static GeoPackageLayer Describe(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT g.column_name, s.organization, s.organization_coordsys_id, s.definition, g.srs_id
            FROM gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
            WHERE g.table_name = $table
            """;
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new UploadFormatException(
                UploadFormatErrors.InvalidGeoPackage,
                $"The GeoPackage's feature table '{table}' has no entry in gpkg_geometry_columns, so its geometry column is unknown.");
        }

        string column = reader.GetString(0);
        string? organisation = reader.IsDBNull(1) ? null : reader.GetString(1);
        long? code = reader.IsDBNull(2) ? null : reader.GetInt64(2);
        string? definition = reader.IsDBNull(3) ? null : reader.GetString(3);
        long srsId = reader.GetInt64(4);
        return new GeoPackageLayer(table, column, Crs(srsId, organisation, code, definition));
    }

    private static string? Crs(long srsId, string? organisation, long? code, string? definition)
    {
        // srs_id 0 and -1 are the spec's "undefined geographic" and "undefined Cartesian": no CRS is declared.
        if (srsId is 0 or -1)
        {
            return null;
        }

        if (string.Equals(organisation, "EPSG", StringComparison.OrdinalIgnoreCase) && code is { } epsg)
        {
            return $"EPSG:{epsg}";
        }

        return string.IsNullOrWhiteSpace(definition) || definition.Trim() == "undefined" ? null : definition.Trim();
    }
}
