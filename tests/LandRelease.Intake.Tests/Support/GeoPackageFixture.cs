using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LandRelease.Intake.Tests.Support;

/// <summary>A GeoPackage written the way GDAL writes one: the three gpkg_ tables and one or more feature tables.</summary>
internal sealed class GeoPackageFixture : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "landrelease-intake-fixture-" + Guid.NewGuid().ToString("N") + ".gpkg");
    private readonly SqliteConnection _connection;
    private readonly GeoPackageGeoWriter _writer = new();

    public GeoPackageFixture(bool withCatalog = true)
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        _connection.Open();
        if (withCatalog)
        {
            Execute("""
                PRAGMA application_id = 1196444487;
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian', -1, 'NONE', -1, 'undefined', NULL),
                  ('Undefined geographic', 0, 'NONE', 0, 'undefined', NULL),
                  ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]', NULL),
                  ('Indian 1960 / UTM 48N (CMAA)', 990001, 'CMAA', 1, 'PROJCS["Indian 1960 / UTM zone 48N"]', NULL);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
                """);
        }
    }

    public void AddTable(string table, int srsId)
    {
        Execute($"""
            CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, local_id TEXT, name TEXT, area_ha REAL,
              devices INTEGER, date_info DATE);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{table}', 'features', '{table}', {srsId});
            INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'GEOMETRY', {srsId}, 0, 0);
            """);
    }

    public void Insert(string table, Geometry? geometry, string localId, string name, object areaHa, object devices, string date)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "{table}" (geom, local_id, name, area_ha, devices, date_info) VALUES ($g, $id, $name, $area, $devices, $date)""";
        command.Parameters.AddWithValue("$g", geometry is null ? DBNull.Value : _writer.Write(geometry));
        command.Parameters.AddWithValue("$id", localId);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$area", areaHa);
        command.Parameters.AddWithValue("$devices", devices);
        command.Parameters.AddWithValue("$date", date);
        command.ExecuteNonQuery();
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public byte[] Bytes()
    {
        _connection.Close();
        var bytes = File.ReadAllBytes(_path);
        _connection.Open();
        return bytes;
    }

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }
}
