using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LandRelease.Migrations
{
    /// <summary>
    /// The audit trail is append-only in the database itself: UPDATE, DELETE and TRUNCATE on audit_log raise an
    /// error for every role. The table's owner (the role that runs migrations) could still disable the triggers,
    /// so production runs the API as a role that owns nothing (see README, "Configuration").
    /// </summary>
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_log_no_truncate ON audit_log;
                DROP TRIGGER audit_log_no_update_or_delete ON audit_log;
                DROP FUNCTION audit_log_refuse_change();
                """);
        }
    }
}
