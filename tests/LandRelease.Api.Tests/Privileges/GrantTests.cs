using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.Roles;
using Npgsql;

namespace LandRelease.Api.Tests.Privileges;

/// <summary>
/// The grants the migrate step computes from the catalog, as they arrive in a database cloned from the test template:
/// every table its class's privileges and nothing more, tables added later covered by running the step again.
/// </summary>
public sealed class GrantTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] Checked = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryTableGivesTheApplicationRoleExactlyItsClassesPrivileges()
    {
        var tables = await TablesAsync();
        Assert.Contains(tables, t => t.Schema == "hangfire");
        Assert.Contains(tables, t => t.Name == "audit_log");

        var wrong = new List<string>();
        foreach (var (schema, name) in tables)
        {
            var expected = TableClasses.PrivilegesFor(name).Split(", ");
            var held = await HeldAsync($"{schema}.\"{name}\"");
            if (!held.SequenceEqual(Checked.Where(expected.Contains)))
            {
                wrong.Add($"{schema}.{name}: holds {string.Join(",", held)}, expected {string.Join(",", expected)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryTableNamedLikeHistoryIsClassifiedAndEveryClassifiedTableExists()
    {
        var names = (await TablesAsync()).Where(t => t.Schema == "public").Select(t => t.Name).ToHashSet();

        var unclassified = names.Where(TableClasses.LooksLikeHistory)
            .Where(n => !TableClasses.AppendOnly.Contains(n) && !TableClasses.ReadOnly.Contains(n)).ToList();
        Assert.True(unclassified.Count == 0,
            $"Tables named like history but not listed in TableClasses (append-only or read-only): {string.Join(", ", unclassified)}");
        var missing = TableClasses.AppendOnly.Concat(TableClasses.ReadOnly).Where(n => !names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"Listed in TableClasses but not in the database: {string.Join(", ", missing)}");
    }

    /// <summary>
    /// A foreign key's ON DELETE CASCADE (or SET NULL, SET DEFAULT, and the same ON UPDATE) runs with the owner's rights:
    /// a DELETE the application may make on a parent would change history its grants protect.
    /// </summary>
    [Fact]
    public async Task NoForeignKeyLetsAChangeToAnotherTableRewriteAnAppendOnlyTable()
    {
        var tables = TableClasses.AppendOnly.ToArray();

        var cascading = await api.ScalarAsync<string>("""
            SELECT coalesce(string_agg(conrelid::regclass || '.' || conname, ', '), '') FROM pg_constraint
            WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)
              AND (confdeltype NOT IN ('a', 'r') OR confupdtype NOT IN ('a', 'r'))
            """, (object)tables);

        Assert.True(cascading.Length == 0, $"Foreign keys that cascade into append-only tables: {cascading}");
    }

    [Fact]
    public async Task ATableALaterMigrationAddsGetsDmlWhenTheStepRunsAgainAndRunningTwiceChangesNothing()
    {
        await api.OwnerScalarAsync<int>("""CREATE TABLE "AspNetUsers" (id text PRIMARY KEY, name text); SELECT 1""");
        Assert.Empty(await HeldAsync("public.\"AspNetUsers\""));

        await GrantAsync();
        var once = await HeldAsync("public.\"AspNetUsers\"");
        var auditOnce = await HeldAsync("public.audit_log");
        await GrantAsync();

        Assert.Equal(["SELECT", "INSERT", "UPDATE", "DELETE"], once);
        Assert.Equal(once, await HeldAsync("public.\"AspNetUsers\""));
        Assert.Equal(["SELECT", "INSERT"], auditOnce);
        Assert.Equal(auditOnce, await HeldAsync("public.audit_log"));
        Assert.Equal(1, await api.ScalarAsync<int>(
            """INSERT INTO "AspNetUsers" VALUES ('u1', 'a'); UPDATE "AspNetUsers" SET name = 'b'; DELETE FROM "AspNetUsers"; SELECT 1"""));
    }

    [Fact]
    public async Task TheApplicationRoleMayUseButNotCreateInItsSchemas()
    {
        foreach (var schema in new[] { "public", "hangfire" })
        {
            Assert.True(await api.ScalarAsync<bool>("SELECT has_schema_privilege($1, 'USAGE')", schema));
            Assert.False(await api.ScalarAsync<bool>("SELECT has_schema_privilege($1, 'CREATE')", schema));
        }

        Assert.True(await api.ScalarAsync<bool>("SELECT has_database_privilege(current_database(), 'TEMPORARY')"));
        Assert.False(await api.ScalarAsync<bool>("SELECT has_database_privilege(current_database(), 'CREATE')"));
    }

    private async Task GrantAsync()
    {
        await using var owner = new NpgsqlConnection(api.OwnerConnectionString);
        await owner.OpenAsync(Ct);
        await ApplicationGrants.ApplyAsync(owner, TestDatabases.ApplicationRole, Ct);
    }

    private async Task<List<string>> HeldAsync(string table)
    {
        var held = new List<string>();
        foreach (var privilege in Checked)
        {
            if (await api.ScalarAsync<bool>("SELECT has_table_privilege($1, $2)", table, privilege))
            {
                held.Add(privilege);
            }
        }

        return held;
    }

    private async Task<List<(string Schema, string Name)>> TablesAsync()
    {
        var tables = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(api.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'hangfire') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            ORDER BY 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        return tables;
    }
}
