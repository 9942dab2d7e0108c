using LandRelease.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <summary>
    /// Every stored date lies in the range the API accepts (PlausibleDates: 1900-01-01 to 2199-12-31), so none is
    /// infinite: -infinity, which 0001-01-01 became, broke the reports' year arithmetic for the whole country.
    /// Raw SQL, not the model: the constraints guard the data, the model never reads them. NOT VALID, so a register
    /// that already holds such a date still migrates (the reports skip those rows); new and changed rows are
    /// checked. Once the old rows are corrected, <c>ALTER TABLE t VALIDATE CONSTRAINT c</c> checks them too.
    /// </summary>
    [DbContext(typeof(LandReleaseDbContext))]
    [Migration("20261207160000_PlausibleDates")]
    public partial class PlausibleDates : Migration
    {
        private static readonly (string Table, string Column)[] Dates =
        [
            ("hazard_areas", "date_of_information"),
            ("hazard_area_versions", "date_of_information"),
            ("release_decisions", "date_of_information"),
            ("release_decisions", "revoked_from"),
            ("activities", "start_date"),
            ("activities", "end_date"),
            ("quality_incidents", "date_of_information"),
            ("upload_staged_areas", "date_of_information"),
            ("report_credits", "date_of_information"),
            ("report_credits", "revoked_from"),
            ("report_dirty", "since"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Dates)
            {
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} ADD CONSTRAINT ck_{table}_{column}_plausible
                        CHECK (isfinite({column}) AND {column} BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Dates)
            {
                migrationBuilder.Sql($"ALTER TABLE {table} DROP CONSTRAINT ck_{table}_{column}_plausible;");
            }
        }
    }
}
