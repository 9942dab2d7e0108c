using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AdminAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.CreateTable(
                name: "admin_areas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_areas", x => x.id);
                    table.CheckConstraint("ck_admin_areas_geometry_valid", "ST_IsValid(geometry)");
                    table.CheckConstraint("ck_admin_areas_level", "level IN (1, 2) AND (level = 1) = (parent_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_admin_areas_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "admin_area_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    admin_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_area_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_admin_area_versions_admin_areas_admin_area_id",
                        column: x => x.admin_area_id,
                        principalTable: "admin_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('ACTIVITIES', 'ADMIN_AREAS', 'HAZARD_AREAS')");

            migrationBuilder.CreateIndex(
                name: "ix_admin_area_versions_admin_area_id_version",
                table: "admin_area_versions",
                columns: new[] { "admin_area_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admin_areas_country_code_code",
                table: "admin_areas",
                columns: new[] { "country_code", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admin_areas_geometry",
                table: "admin_areas",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_area_versions");

            migrationBuilder.DropTable(
                name: "admin_areas");

            migrationBuilder.DropCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads");

            migrationBuilder.AddCheckConstraint(
                name: "ck_uploads_kind",
                table: "uploads",
                sql: "kind IN ('ACTIVITIES', 'HAZARD_AREAS')");
        }
    }
}
