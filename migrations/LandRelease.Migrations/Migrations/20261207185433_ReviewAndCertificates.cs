using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReviewAndCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "certificate_number",
                table: "release_decisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "submitted_at",
                table: "release_decisions",
                type: "timestamp with time zone",
                nullable: true);

            // Decisions submitted before this column existed: their latest submission, from the event log.
            migrationBuilder.Sql("""
                UPDATE release_decisions d SET submitted_at = e.at
                FROM (SELECT decision_id, max(at) AS at FROM decision_events WHERE to_state = 'SUBMITTED' GROUP BY decision_id) e
                WHERE e.decision_id = d.id;
                """);

            migrationBuilder.CreateTable(
                name: "certificate_sequences",
                columns: table => new
                {
                    country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_sequences", x => new { x.country_code, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_certificate_number",
                table: "release_decisions",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_release_decisions_country_code_state_submitted_at",
                table: "release_decisions",
                columns: new[] { "country_code", "state", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_sequences");

            migrationBuilder.DropIndex(
                name: "ix_release_decisions_certificate_number",
                table: "release_decisions");

            migrationBuilder.DropIndex(
                name: "ix_release_decisions_country_code_state_submitted_at",
                table: "release_decisions");

            migrationBuilder.DropColumn(
                name: "certificate_number",
                table: "release_decisions");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "release_decisions");
        }
    }
}
