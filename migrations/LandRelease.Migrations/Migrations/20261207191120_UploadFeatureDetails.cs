using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class UploadFeatureDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "line",
                table: "upload_staged_areas",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refused_attributes",
                table: "upload_staged_areas",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Geometry>(
                name: "refused_geometry",
                table: "upload_staged_areas",
                type: "geometry(Geometry,4326)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reported_name",
                table: "upload_staged_areas",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes",
                table: "upload_features",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<Geometry>(
                name: "geometry",
                table: "upload_features",
                type: "geometry(Geometry,4326)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "line",
                table: "upload_features",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "upload_features",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "line",
                table: "upload_staged_areas");

            migrationBuilder.DropColumn(
                name: "refused_attributes",
                table: "upload_staged_areas");

            migrationBuilder.DropColumn(
                name: "refused_geometry",
                table: "upload_staged_areas");

            migrationBuilder.DropColumn(
                name: "reported_name",
                table: "upload_staged_areas");

            migrationBuilder.DropColumn(
                name: "attributes",
                table: "upload_features");

            migrationBuilder.DropColumn(
                name: "geometry",
                table: "upload_features");

            migrationBuilder.DropColumn(
                name: "line",
                table: "upload_features");

            migrationBuilder.DropColumn(
                name: "name",
                table: "upload_features");
        }
    }
}
