using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The key ring every API node shares (sign-in cookies, antiforgery tokens); read and added to by
            // LandRelease.Data.Operations.DataProtectionKeyRows, outside the EF model. IF NOT EXISTS: databases migrated
            // before this migration had the table made by the migrate step.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS data_protection_keys (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    friendly_name text NOT NULL,
                    xml text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS data_protection_keys;");
        }
    }
}
