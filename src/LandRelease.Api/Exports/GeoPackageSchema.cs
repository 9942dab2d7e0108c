using LandRelease.Data.Exports;

namespace LandRelease.Api.Exports;

/// <summary>The SQL of a GeoPackage: its required tables, one feature table in EPSG:4326 and its R-tree index.</summary>
internal static class GeoPackageSchema
{
    private const string Wgs84 = """
        GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]
        """;

    public static string Tables(string table, IReadOnlyList<ExportColumn> columns) => $$"""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES
            ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, '{{Wgs84}}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
            description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
            scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        CREATE TABLE "{{table}}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON{{string.Concat(columns.Select(c => $", \"{c.Name}\" {Type(c.Type)}"))}});
        INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('{{table}}', 'features', '{{table}}', 'LandRelease export', 4326);
        INSERT INTO gpkg_geometry_columns VALUES ('{{table}}', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
        INSERT INTO gpkg_extensions VALUES ('{{table}}', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
        CREATE VIRTUAL TABLE "rtree_{{table}}_geom" USING rtree(id, minx, maxx, miny, maxy);
        """;

    /// <summary>The triggers that keep the index in step when a GIS user edits the layer (GeoPackage 1.3, annex F.3).</summary>
    public static string IndexTriggers(string table)
    {
        var rtree = $"\"rtree_{table}_geom\"";
        var box = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
        const string Present = "(NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))";
        const string Absent = "(NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))";
        return $"""
            CREATE TRIGGER "rtree_{table}_geom_insert" AFTER INSERT ON "{table}" WHEN {Present}
            BEGIN INSERT OR REPLACE INTO {rtree} VALUES ({box}); END;
            CREATE TRIGGER "rtree_{table}_geom_update1" AFTER UPDATE OF geom ON "{table}" WHEN OLD.fid = NEW.fid AND {Present}
            BEGIN INSERT OR REPLACE INTO {rtree} VALUES ({box}); END;
            CREATE TRIGGER "rtree_{table}_geom_update2" AFTER UPDATE OF geom ON "{table}" WHEN OLD.fid = NEW.fid AND {Absent}
            BEGIN DELETE FROM {rtree} WHERE id = OLD.fid; END;
            CREATE TRIGGER "rtree_{table}_geom_update3" AFTER UPDATE ON "{table}" WHEN OLD.fid != NEW.fid AND {Present}
            BEGIN DELETE FROM {rtree} WHERE id = OLD.fid; INSERT OR REPLACE INTO {rtree} VALUES ({box}); END;
            CREATE TRIGGER "rtree_{table}_geom_update4" AFTER UPDATE ON "{table}" WHEN OLD.fid != NEW.fid AND {Absent}
            BEGIN DELETE FROM {rtree} WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER "rtree_{table}_geom_delete" AFTER DELETE ON "{table}" WHEN OLD.geom NOT NULL
            BEGIN DELETE FROM {rtree} WHERE id = OLD.fid; END;
            """;
    }

    private static string Type(ExportType type) => type switch
    {
        ExportType.Date => "DATE",
        ExportType.Real => "REAL",
        ExportType.WholeNumber => "INTEGER",
        _ => "TEXT",
    };
}
