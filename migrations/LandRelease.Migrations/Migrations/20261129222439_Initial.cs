using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LandRelease.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    entity_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "countries",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    iso_numeric = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_countries", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    countries = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.UniqueConstraint("ak_organisations_code", x => x.code);
                    table.CheckConstraint("ck_organisations_kind", "kind IN ('NATIONAL_AUTHORITY', 'OPERATOR', 'REGIONAL_BODY')");
                });

            migrationBuilder.CreateTable(
                name: "quality_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    overlapping_decision_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    overlap_sqm = table.Column<double>(type: "double precision", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quality_incidents", x => x.id);
                    table.CheckConstraint("ck_quality_incidents_kind", "kind IN ('CANCELLED_LAND_REWORKED', 'OVERLAPPING_RELEASE')");
                });

            migrationBuilder.CreateTable(
                name: "hazard_areas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    local_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    classification = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    contamination = table.Column<string[]>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    remaining_geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    remaining_area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(remaining_geometry::geography)", stored: true),
                    released_area_sqm = table.Column<double>(type: "double precision", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazard_areas", x => x.id);
                    table.CheckConstraint("ck_hazard_areas_classification", "classification IN ('CHA', 'SHA')");
                    table.CheckConstraint("ck_hazard_areas_contamination", "contamination <@ ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'OTHER_ERW']::text[]");
                    table.CheckConstraint("ck_hazard_areas_geometry_valid", "ST_IsValid(geometry)");
                    table.CheckConstraint("ck_hazard_areas_status", "status IN ('CLOSED', 'HANDED_OVER', 'OPEN', 'WORKED_ON')");
                    table.ForeignKey(
                        name: "fk_hazard_areas_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hazard_areas_organisations_organisation_code",
                        column: x => x.organisation_code,
                        principalTable: "organisations",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hazard_area_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    local_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    classification = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    contamination = table.Column<string[]>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazard_area_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_hazard_area_versions_hazard_areas_hazard_area_id",
                        column: x => x.hazard_area_id,
                        principalTable: "hazard_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "release_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    credited_area_sqm = table.Column<double>(type: "double precision", nullable: false, defaultValue: 0.0),
                    entered_area = table.Column<string>(type: "jsonb", nullable: true),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    attachments = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_from = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_decisions", x => x.id);
                    table.CheckConstraint("ck_release_decisions_geometry_valid", "ST_IsValid(geometry)");
                    table.CheckConstraint("ck_release_decisions_kind", "kind IN ('CANCELLED', 'CLEARED', 'REDUCED')");
                    table.CheckConstraint("ck_release_decisions_state", "state IN ('APPROVED', 'CERTIFIED', 'DRAFT', 'HANDED_OVER', 'REJECTED', 'REVOKED', 'SUBMITTED')");
                    table.ForeignKey(
                        name: "fk_release_decisions_hazard_areas_hazard_area_id",
                        column: x => x.hazard_area_id,
                        principalTable: "hazard_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_release_decisions_organisations_organisation_code",
                        column: x => x.organisation_code,
                        principalTable: "organisations",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_events_release_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "release_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id_id",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_countries_boundary",
                table: "countries",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_decision_events_decision_id",
                table: "decision_events",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_hazard_area_versions_hazard_area_id_date_of_information",
                table: "hazard_area_versions",
                columns: new[] { "hazard_area_id", "date_of_information" });

            migrationBuilder.CreateIndex(
                name: "ix_hazard_area_versions_hazard_area_id_version",
                table: "hazard_area_versions",
                columns: new[] { "hazard_area_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hazard_areas_country_code_local_id",
                table: "hazard_areas",
                columns: new[] { "country_code", "local_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hazard_areas_country_code_status_id",
                table: "hazard_areas",
                columns: new[] { "country_code", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_hazard_areas_geometry",
                table: "hazard_areas",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_hazard_areas_organisation_code",
                table: "hazard_areas",
                column: "organisation_code");

            migrationBuilder.CreateIndex(
                name: "ix_quality_incidents_country_code_date_of_information",
                table: "quality_incidents",
                columns: new[] { "country_code", "date_of_information" });

            migrationBuilder.CreateIndex(
                name: "ix_quality_incidents_decision_id",
                table: "quality_incidents",
                column: "decision_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quality_incidents_hazard_area_id",
                table: "quality_incidents",
                column: "hazard_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_country_code_state_date_of_information",
                table: "release_decisions",
                columns: new[] { "country_code", "state", "date_of_information" });

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_geometry",
                table: "release_decisions",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_hazard_area_id_state",
                table: "release_decisions",
                columns: new[] { "hazard_area_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_organisation_code",
                table: "release_decisions",
                column: "organisation_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "decision_events");

            migrationBuilder.DropTable(
                name: "hazard_area_versions");

            migrationBuilder.DropTable(
                name: "quality_incidents");

            migrationBuilder.DropTable(
                name: "release_decisions");

            migrationBuilder.DropTable(
                name: "hazard_areas");

            migrationBuilder.DropTable(
                name: "countries");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
