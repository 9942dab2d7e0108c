using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>A GeoPackage as GDAL writes one: the gpkg_ catalogue tables and feature tables in the given EPSG CRS.</summary>
public static class GeoPackageFile
{
    public static byte[] Write(IEnumerable<AreaRow> rows, int epsg = 4326, string table = "hazard_areas") =>
        WriteLayers([(table, rows)], epsg);

    public static byte[] WriteLayers(IReadOnlyList<(string Table, IEnumerable<AreaRow> Rows)> layers, int epsg = 4326)
    {
        var path = Path.Combine(Path.GetTempPath(), $"landrelease-upload-test-{Guid.NewGuid():N}.gpkg");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                Execute(connection, $"""
                    PRAGMA application_id = 1196444487;
                    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                    INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian', -1, 'NONE', -1, 'undefined', NULL),
                      ('Undefined geographic', 0, 'NONE', 0, 'undefined', NULL),
                      ('EPSG:{epsg}', {epsg}, 'EPSG', {epsg}, 'undefined', NULL);
                    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                      description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
                    """);
                foreach (var (table, rows) in layers)
                {
                    WriteLayer(connection, table, rows, epsg);
                }
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteLayer(SqliteConnection connection, string table, IEnumerable<AreaRow> rows, int epsg)
    {
        Execute(connection, $"""
            CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, local_id TEXT, name TEXT,
              classification TEXT, contamination TEXT, status TEXT, evidence TEXT, date_of_information DATE, organisation TEXT);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{table}', 'features', '{table}', {epsg});
            INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'POLYGON', {epsg}, 0, 0);
            """);
        var writer = new GeoPackageGeoWriter();
        foreach (var r in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                INSERT INTO "{table}" (geom, local_id, name, classification, contamination, status, evidence, date_of_information, organisation)
                VALUES ($g, $id, $name, $class, $contamination, $status, $evidence, $date, $org)
                """;
            var geometry = r.Geometry.Copy();
            geometry.SRID = epsg;
            insert.Parameters.AddWithValue("$g", writer.Write(geometry));
            insert.Parameters.AddWithValue("$id", r.LocalId);
            insert.Parameters.AddWithValue("$name", r.Name);
            insert.Parameters.AddWithValue("$class", r.Classification);
            insert.Parameters.AddWithValue("$contamination", r.Contamination);
            insert.Parameters.AddWithValue("$status", r.Status);
            insert.Parameters.AddWithValue("$evidence", r.Evidence);
            insert.Parameters.AddWithValue("$date", r.DateOfInformation);
            insert.Parameters.AddWithValue("$org", r.Organisation);
            insert.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
