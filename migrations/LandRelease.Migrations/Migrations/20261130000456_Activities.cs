using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    local_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reference_point = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    worked_area = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true),
                    worked_area_sqm = table.Column<double>(type: "double precision", nullable: true, computedColumnSql: "ST_Area(worked_area::geography)", stored: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.CheckConstraint("ck_activities_completed_has_end_date", "status <> 'COMPLETED' OR end_date IS NOT NULL");
                    table.CheckConstraint("ck_activities_end_not_before_start", "end_date IS NULL OR end_date >= start_date");
                    table.CheckConstraint("ck_activities_status", "status IN ('COMPLETED', 'ONGOING', 'PLANNED', 'SUSPENDED')");
                    table.CheckConstraint("ck_activities_type", "type IN ('BAC', 'CLEARANCE', 'EOD_SPOT_TASK', 'NTS', 'POST_CLEARANCE_INSPECTION', 'TS')");
                    table.CheckConstraint("ck_activities_worked_area_valid", "worked_area IS NULL OR ST_IsValid(worked_area)");
                    table.ForeignKey(
                        name: "fk_activities_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_hazard_areas_hazard_area_id",
                        column: x => x.hazard_area_id,
                        principalTable: "hazard_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_organisations_organisation_code",
                        column: x => x.organisation_code,
                        principalTable: "organisations",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity_devices",
                columns: table => new
                {
                    device_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    found = table.Column<int>(type: "integer", nullable: false),
                    destroyed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_devices", x => new { x.activity_id, x.device_type });
                    table.CheckConstraint("ck_activity_devices_counts", "found >= 0 AND destroyed >= 0");
                    table.CheckConstraint("ck_activity_devices_device_type", "device_type IN ('AP_MINE', 'AV_MINE', 'OTHER_ERW', 'SUBMUNITION')");
                    table.ForeignKey(
                        name: "fk_activity_devices_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_outcomes",
                columns: table => new
                {
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    release_decision_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_outcomes", x => new { x.activity_id, x.ordinal });
                    table.CheckConstraint("ck_activity_outcomes_geometry_valid", "ST_IsValid(geometry)");
                    table.CheckConstraint("ck_activity_outcomes_kind", "kind IN ('CANCELLED', 'CLEARED', 'REDUCED')");
                    table.ForeignKey(
                        name: "fk_activity_outcomes_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_activity_outcomes_release_decisions_release_decision_id",
                        column: x => x.release_decision_id,
                        principalTable: "release_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    feature = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_versions_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_activity_id",
                table: "release_decisions",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_country_code_local_id",
                table: "activities",
                columns: new[] { "country_code", "local_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_activities_country_code_status_end_date",
                table: "activities",
                columns: new[] { "country_code", "status", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_hazard_area_id",
                table: "activities",
                column: "hazard_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_organisation_code",
                table: "activities",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_activities_reference_point",
                table: "activities",
                column: "reference_point")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_activities_worked_area",
                table: "activities",
                column: "worked_area")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_activity_outcomes_geometry",
                table: "activity_outcomes",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_activity_outcomes_release_decision_id",
                table: "activity_outcomes",
                column: "release_decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_versions_activity_id_version",
                table: "activity_versions",
                columns: new[] { "activity_id", "version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_release_decisions_activities_activity_id",
                table: "release_decisions",
                column: "activity_id",
                principalTable: "activities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_release_decisions_activities_activity_id",
                table: "release_decisions");

            migrationBuilder.DropTable(
                name: "activity_devices");

            migrationBuilder.DropTable(
                name: "activity_outcomes");

            migrationBuilder.DropTable(
                name: "activity_versions");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropIndex(
                name: "ix_release_decisions_activity_id",
                table: "release_decisions");
        }
    }
}
