using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <summary>
    /// The geodesic areas of hazardous areas and their versions were stored generated columns: PostgreSQL computes
    /// those again on every update of the row, so moving an area to WORKED_ON measured its two outlines on the
    /// ellipsoid again, and a new area was measured three times (outline, remaining land, version). Now triggers keep
    /// them, measuring an outline only when it is written, the remaining land not at all while it is the outline, and a
    /// version taking the m² its writer copies from the area row or the staged row (where the upload measured the
    /// outline once, while staging, off the merge's critical path). The values stay what ST_Area(geometry::geography)
    /// gives: only when it is computed changes.
    /// </summary>
    public partial class GeodesicAreasOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE hazard_areas ALTER COLUMN area_sqm DROP EXPRESSION, ALTER COLUMN remaining_area_sqm DROP EXPRESSION;
                ALTER TABLE hazard_area_versions ALTER COLUMN area_sqm DROP EXPRESSION;

                -- An outline written is measured unless its writer gives the m² it already measured for this very outline
                -- (only the upload merge does, from the staged row); an outline left alone keeps its m² whatever is set.
                CREATE FUNCTION hazard_areas_geodesic_areas() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND NEW.geometry = OLD.geometry THEN
                        NEW.area_sqm := OLD.area_sqm;
                    ELSIF TG_OP = 'INSERT' OR NEW.area_sqm IS NULL OR NEW.area_sqm IS NOT DISTINCT FROM OLD.area_sqm THEN
                        NEW.area_sqm := COALESCE(CASE WHEN TG_OP = 'INSERT' THEN NEW.area_sqm END, ST_Area(NEW.geometry::geography));
                    END IF;
                    IF TG_OP = 'UPDATE' AND NEW.remaining_geometry = OLD.remaining_geometry AND NEW.geometry = OLD.geometry THEN
                        NEW.remaining_area_sqm := OLD.remaining_area_sqm;
                    ELSIF NEW.remaining_geometry = NEW.geometry THEN
                        NEW.remaining_area_sqm := NEW.area_sqm;
                    ELSE
                        NEW.remaining_area_sqm := ST_Area(NEW.remaining_geometry::geography);
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER hazard_areas_geodesic_areas
                    BEFORE INSERT OR UPDATE OF geometry, remaining_geometry, area_sqm, remaining_area_sqm ON hazard_areas
                    FOR EACH ROW EXECUTE FUNCTION hazard_areas_geodesic_areas();

                CREATE FUNCTION hazard_area_versions_geodesic_area() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.area_sqm := COALESCE(NEW.area_sqm, ST_Area(NEW.geometry::geography));
                    RETURN NEW;
                END $$;
                CREATE TRIGGER hazard_area_versions_geodesic_area BEFORE INSERT ON hazard_area_versions
                    FOR EACH ROW EXECUTE FUNCTION hazard_area_versions_geodesic_area();
                """);

            migrationBuilder.AddColumn<double>(
                name: "area_sqm",
                table: "upload_staged_areas",
                type: "double precision",
                nullable: true,
                computedColumnSql: "ST_Area(geometry::geography)",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "area_sqm",
                table: "upload_staged_areas");

            migrationBuilder.Sql("""
                DROP TRIGGER hazard_areas_geodesic_areas ON hazard_areas;
                DROP FUNCTION hazard_areas_geodesic_areas();
                DROP TRIGGER hazard_area_versions_geodesic_area ON hazard_area_versions;
                DROP FUNCTION hazard_area_versions_geodesic_area();
                ALTER TABLE hazard_areas DROP COLUMN area_sqm, DROP COLUMN remaining_area_sqm;
                ALTER TABLE hazard_areas
                    ADD COLUMN area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
                    ADD COLUMN remaining_area_sqm double precision GENERATED ALWAYS AS (ST_Area(remaining_geometry::geography)) STORED NOT NULL;
                ALTER TABLE hazard_area_versions DROP COLUMN area_sqm;
                ALTER TABLE hazard_area_versions
                    ADD COLUMN area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL;
                CREATE INDEX ix_hazard_area_versions_country_code_date_of_information ON hazard_area_versions (country_code, date_of_information)
                    INCLUDE (id, hazard_area_id, version, recorded_at, classification, status, area_sqm, contamination);
                """);
        }
    }
}
