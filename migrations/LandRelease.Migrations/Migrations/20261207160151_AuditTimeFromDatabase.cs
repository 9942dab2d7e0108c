using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations.Migrations
{
    /// <summary>
    /// The audit trail's time is the database's: a BEFORE INSERT trigger (owned, like the table, by the owner role) sets
    /// audit_log.at to the inserting transaction's time whatever the client sent, so the application role cannot append a
    /// back-dated row. It can still name any actor: see README, "Database roles".
    /// </summary>
    public partial class AuditTimeFromDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_stamp_time() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.at := pg_catalog.now();
                    RETURN NEW;
                END;
                $$;
                CREATE TRIGGER audit_log_time_from_database BEFORE INSERT ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_time();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_log_time_from_database ON audit_log;
                DROP FUNCTION audit_log_stamp_time();
                """);
        }
    }
}
