using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.Roles;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// What a restore must bring back, read through the API and straight from the database: the report figures, the register
/// and every table's row count, the contents of each history table (audit trail included, with its database-stamped
/// times), and the privileges each table and schema grants.
/// </summary>
public sealed record DatabaseSnapshot(
    IReadOnlyDictionary<string, string> ApiReads,
    IReadOnlyDictionary<string, long> RowCounts,
    IReadOnlyDictionary<string, string> HistoryDigests,
    IReadOnlyDictionary<string, string> Privileges)
{
    /// <summary>Countries whose figures are compared; the samples are in KHM, the test adds LAO.</summary>
    public static readonly string[] Countries = ["KHM", "LAO"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DatabaseSnapshot> TakeAsync(ApiFactory api)
    {
        var client = api.CreateClient();
        var reads = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var urls = Countries.SelectMany(c => new[]
        {
            $"/api/reports/countries/{c}", $"/api/reports/countries/{c}/treaty/apmbc", $"/api/hazard-areas?country={c}",
        }).Append("/api/reports/regional").Append("/api/audit?entityType=HAZARD_AREA").Append("/api/audit?entityType=RELEASE_DECISION");
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, Ct);
            reads[url] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}";
        }

        await using var owner = NpgsqlDataSource.Create(api.OwnerConnectionString);
        var tables = await ListAsync(owner, """
            SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'hangfire') AND c.relname <> 'spatial_ref_sys'
            """);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync<long>(owner, $"SELECT count(*) FROM {table}");
        }

        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in TableClasses.AppendOnly)
        {
            digests[table] = await ScalarAsync<string>(owner,
                $"SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} t");
        }

        var privileges = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await ListAsync(owner, """
            SELECT format('%s.%s %s', n.nspname, c.relname, coalesce(c.relacl::text, 'default'))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname IN ('public', 'hangfire')
            UNION ALL SELECT format('schema:%s %s', nspname, coalesce(nspacl::text, 'default')) FROM pg_namespace
            WHERE nspname IN ('public', 'hangfire')
            """))
        {
            privileges[row[..row.IndexOf(' ', StringComparison.Ordinal)]] = row;
        }

        return new DatabaseSnapshot(reads, counts, digests, privileges);
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql)
    {
        var rows = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
