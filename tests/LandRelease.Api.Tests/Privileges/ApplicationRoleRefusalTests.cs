using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.Roles;
using Npgsql;

namespace LandRelease.Api.Tests.Privileges;

/// <summary>
/// What the API's own database role is refused, tried on its own connection: it owns nothing, so it can neither switch
/// off the audit trail's protections nor rewrite any history table. (Every other test runs the API as this role, which
/// shows it can still do its whole job.)
/// </summary>
public sealed class ApplicationRoleRefusalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AppendOnlyTables
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var table in TableClasses.AppendOnly.Order(StringComparer.Ordinal))
            {
                data.Add(table);
            }

            return data;
        }
    }

    [Theory]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER ALL")]
    [InlineData("DROP TRIGGER audit_log_no_update_or_delete ON audit_log")]
    [InlineData("DROP TRIGGER audit_log_time_from_database ON audit_log")]
    [InlineData("DROP FUNCTION audit_log_refuse_change() CASCADE")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_log_stamp_time() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$")]
    [InlineData("ALTER FUNCTION audit_log_refuse_change() RENAME TO gone")]
    [InlineData("DROP TABLE audit_log")]
    [InlineData("ALTER TABLE audit_log RENAME TO audit_log_old")]
    [InlineData("ALTER TABLE hazard_areas ADD COLUMN note text")]
    [InlineData("CREATE INDEX ON hazard_areas (name)")]
    [InlineData("DROP TABLE hazard_areas CASCADE")]
    [InlineData("CREATE TABLE audit_log_copy (id bigint)")]
    [InlineData("CREATE SCHEMA shadow")]
    [InlineData("DROP SCHEMA public CASCADE")]
    [InlineData("DROP TABLE hangfire.job CASCADE")]
    [InlineData("SELECT setval('audit_log_id_seq', 1)")]
    [InlineData("TRUNCATE hazard_areas CASCADE")]
    [InlineData("TRUNCATE report_dirty")]
    [InlineData("INSERT INTO countries (code, name, iso_numeric) VALUES ('XXX', 'Nowhere', '999')")]
    public async Task DefinitionsAndOwnerOnlyStatementsAreRefused(string sql) => await AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(AppendOnlyTables))]
    public async Task AnAppendOnlyTableCannotBeUpdatedDeletedTruncatedOrDropped(string table)
    {
        await AssertRefusedAsync($"UPDATE {table} SET {await AnyColumnAsync(table)} = {await AnyColumnAsync(table)}");
        await AssertRefusedAsync($"DELETE FROM {table}");
        await AssertRefusedAsync($"TRUNCATE {table}");
        await AssertRefusedAsync($"DROP TABLE {table} CASCADE");
        await AssertRefusedAsync($"ALTER TABLE {table} DISABLE TRIGGER ALL");
    }

    [Fact]
    public async Task AnAuditRowDatedInThePastIsStampedWithTheDatabasesTime()
    {
        var entity = Guid.NewGuid();
        Assert.Equal(1L, await api.ScalarAsync<long>("""
            WITH forged AS (
                INSERT INTO audit_log (at, actor, actor_organisation, country_code, entity_type, entity_id, action, reason)
                VALUES ('2001-01-01Z', 'someone-else', 'CMAA', 'KHM', 'HAZARD_AREA', $1, 'REVISE', 'back-dated') RETURNING 1)
            SELECT count(*) FROM forged
            """, entity));

        var at = await api.ScalarAsync<DateTime>("SELECT at FROM audit_log WHERE entity_id = $1", entity);
        Assert.InRange(at, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task TheApplicationRoleOwnsNothingAndIsNoSuperuser()
    {
        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        var powers = await RolePowers.ReadAsync(dataSource, Ct);

        Assert.Equal(TestDatabases.ApplicationRole, powers.Role);
        Assert.False(powers.OwnsAnything, powers.Describe());
    }

    private async Task<string> AnyColumnAsync(string table) => await api.ScalarAsync<string>(
        "SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND is_identity = 'NO' ORDER BY ordinal_position LIMIT 1",
        table);

    private async Task AssertRefusedAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.True(refusal.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refusal.SqlState} {refusal.MessageText}");
    }
}
