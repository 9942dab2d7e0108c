using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Uploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hazard_area_traverses",
                columns: table => new
                {
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    traverse = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazard_area_traverses", x => new { x.hazard_area_id, x.version });
                    table.ForeignKey(
                        name: "fk_hazard_area_traverses_hazard_areas_hazard_area_id",
                        column: x => x.hazard_area_id,
                        principalTable: "hazard_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "upload_features",
                columns: table => new
                {
                    upload_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    local_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    violations = table.Column<string>(type: "jsonb", nullable: true),
                    warnings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_features", x => new { x.upload_id, x.index });
                    table.CheckConstraint("ck_upload_features_action", "action IN ('CREATED', 'UNCHANGED', 'UPDATED')");
                    table.CheckConstraint("ck_upload_features_outcome", "outcome IN ('ACCEPTED', 'NOT_STORED', 'REJECTED')");
                });

            migrationBuilder.CreateTable(
                name: "upload_staged_areas",
                columns: table => new
                {
                    upload_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    local_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    classification = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    contamination = table.Column<string[]>(type: "text[]", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    evidence = table.Column<string>(type: "jsonb", nullable: true),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: true),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true),
                    change_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    existing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    existing_version = table.Column<int>(type: "integer", nullable: true),
                    violations = table.Column<string>(type: "jsonb", nullable: true),
                    warnings = table.Column<string>(type: "jsonb", nullable: true),
                    traverse = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_staged_areas", x => new { x.upload_id, x.index });
                })
                .Annotation("Npgsql:UnloggedTable", true);

            migrationBuilder.CreateTable(
                name: "uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    organisation_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    atomic = table.Column<bool>(type: "boolean", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    crs = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    request_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    accepted = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "jsonb", nullable: true),
                    problem_status = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by_organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_uploads", x => x.id);
                    table.CheckConstraint("ck_uploads_kind", "kind IN ('ACTIVITIES', 'HAZARD_AREAS')");
                    table.CheckConstraint("ck_uploads_state", "state IN ('DONE', 'FAILED', 'PROCESSING', 'QUEUED', 'RECEIVING')");
                    table.ForeignKey(
                        name: "fk_uploads_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_uploads_organisations_organisation_code",
                        column: x => x.organisation_code,
                        principalTable: "organisations",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upload_features_upload_id_outcome_index",
                table: "upload_features",
                columns: new[] { "upload_id", "outcome", "index" });

            migrationBuilder.CreateIndex(
                name: "ix_uploads_country_code_created_at",
                table: "uploads",
                columns: new[] { "country_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_uploads_created_by_idempotency_key",
                table: "uploads",
                columns: new[] { "created_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_uploads_organisation_code",
                table: "uploads",
                column: "organisation_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hazard_area_traverses");

            migrationBuilder.DropTable(
                name: "upload_features");

            migrationBuilder.DropTable(
                name: "upload_staged_areas");

            migrationBuilder.DropTable(
                name: "uploads");
        }
    }
}
