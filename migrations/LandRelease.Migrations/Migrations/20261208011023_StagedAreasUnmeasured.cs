using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <summary>
    /// Staging measured every outline on the ellipsoid (a generated column), including those the merge then finds
    /// unchanged and never writes: a file sent again paid for 100,000 geodesic areas it did not use. The merge now lets
    /// the areas' trigger measure only the outlines it writes, once, and copies that m² to the version row.
    /// </summary>
    public partial class StagedAreasUnmeasured : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "area_sqm",
                table: "upload_staged_areas");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "area_sqm",
                table: "upload_staged_areas",
                type: "double precision",
                nullable: true,
                computedColumnSql: "ST_Area(geometry::geography)",
                stored: true);
        }
    }
}
