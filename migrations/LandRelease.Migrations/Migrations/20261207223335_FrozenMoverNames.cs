using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FrozenMoverNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "by_display_name",
                table: "decision_events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "by_position",
                table: "decision_events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Moves recorded before names were frozen take the account as it reads now: the best record there is.
            migrationBuilder.Sql("""
                UPDATE decision_events e SET by_display_name = a.display_name, by_position = a.position
                FROM accounts a WHERE a.user_name = e.by AND e.by_display_name IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "by_display_name",
                table: "decision_events");

            migrationBuilder.DropColumn(
                name: "by_position",
                table: "decision_events");
        }
    }
}
