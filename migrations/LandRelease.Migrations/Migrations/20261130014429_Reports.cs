using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_release_decisions_country_code_state_date_of_information",
                table: "release_decisions");

            migrationBuilder.CreateTable(
                name: "report_countries",
                columns: table => new
                {
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    data_version = table.Column<long>(type: "bigint", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refresh_ms = table.Column<int>(type: "integer", nullable: true),
                    rebuilt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rebuild_ms = table.Column<int>(type: "integer", nullable: true),
                    rebuild_differences = table.Column<int>(type: "integer", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_countries", x => x.country_code);
                    table.ForeignKey(
                        name: "fk_report_countries_countries_country_code",
                        column: x => x.country_code,
                        principalTable: "countries",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_credits",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    date_of_information = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_from = table.Column<DateOnly>(type: "date", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_sqm = table.Column<double>(type: "double precision", nullable: false, computedColumnSql: "ST_Area(geometry::geography)", stored: true),
                    credited_sqm = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_credits", x => x.decision_id);
                    table.CheckConstraint("ck_report_credits_kind", "kind IN ('CANCELLED', 'CLEARED', 'REDUCED')");
                    table.ForeignKey(
                        name: "fk_report_credits_release_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "release_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_differences",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    figure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    incremental = table.Column<double>(type: "double precision", nullable: true),
                    rebuilt = table.Column<double>(type: "double precision", nullable: true),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_differences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_dirty",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    hazard_area_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_dirty", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    as_at = table.Column<DateOnly>(type: "date", nullable: true),
                    data_version = table.Column<long>(type: "bigint", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    compute_ms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_snapshots", x => x.id);
                    table.CheckConstraint("ck_report_snapshots_kind", "kind IN ('YEAR', 'PERIOD', 'APMBC', 'CCM')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_country_code_state_date_of_information",
                table: "release_decisions",
                columns: new[] { "country_code", "state", "date_of_information" })
                .Annotation("Npgsql:IndexInclude", new[] { "hazard_area_id", "credited_area_sqm" });

            migrationBuilder.CreateIndex(
                name: "ix_hazard_area_versions_country_code_date_of_information",
                table: "hazard_area_versions",
                columns: new[] { "country_code", "date_of_information" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "hazard_area_id", "version", "recorded_at", "classification", "status", "area_sqm", "contamination" });

            migrationBuilder.CreateIndex(
                name: "ix_report_credits_country_code_date_of_information",
                table: "report_credits",
                columns: new[] { "country_code", "date_of_information" });

            migrationBuilder.CreateIndex(
                name: "ix_report_credits_geometry",
                table: "report_credits",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_report_credits_hazard_area_id",
                table: "report_credits",
                column: "hazard_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_credits_revoked",
                table: "report_credits",
                columns: new[] { "country_code", "hazard_area_id" },
                filter: "revoked_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_report_differences_country_code_found_at",
                table: "report_differences",
                columns: new[] { "country_code", "found_at" });

            migrationBuilder.CreateIndex(
                name: "ix_report_dirty_country_code_id",
                table: "report_dirty",
                columns: new[] { "country_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_report_snapshots_country_code_kind_period_from_period_to_as",
                table: "report_snapshots",
                columns: new[] { "country_code", "kind", "period_from", "period_to", "as_at", "data_version" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_countries");

            migrationBuilder.DropTable(
                name: "report_credits");

            migrationBuilder.DropTable(
                name: "report_differences");

            migrationBuilder.DropTable(
                name: "report_dirty");

            migrationBuilder.DropTable(
                name: "report_snapshots");

            migrationBuilder.DropIndex(
                name: "ix_release_decisions_country_code_state_date_of_information",
                table: "release_decisions");

            migrationBuilder.DropIndex(
                name: "ix_hazard_area_versions_country_code_date_of_information",
                table: "hazard_area_versions");

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_country_code_state_date_of_information",
                table: "release_decisions",
                columns: new[] { "country_code", "state", "date_of_information" });
        }
    }
}
