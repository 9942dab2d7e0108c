using System.Text;
using Npgsql;

namespace LandRelease.Data.HazardAreas;

/// <summary>The read side of the register: GeoJSON rendered by PostgreSQL, by id, by date of information, by page.</summary>
public sealed class HazardAreaFeatures(NpgsqlDataSource dataSource)
{
    private static readonly string ByIdSql =
        $"SELECT {HazardAreaFeatureSql.Current("a")}, a.version, a.country_code, a.organisation_code FROM hazard_areas a WHERE a.id = $1";

    // The latest version whose facts were true on the date; among same-day versions, the latest recorded.
    // Released land as at the date: decisions dated by then that count now, or counted until a later revocation.
    private static readonly string AsAtSql = $"""
        SELECT {HazardAreaFeatureSql.Version("v", """
            ,
            'asAt', $2,
            'releasedAreaSqm', round(COALESCE(ST_Area(ST_Intersection(r.geom, v.geometry)::geography), 0)::numeric, 2),
            'remainingAreaSqm', round(ST_Area(COALESCE(ST_Difference(v.geometry, r.geom), v.geometry)::geography)::numeric, 2)
            """)}, v.version, v.country_code, v.organisation_code
        FROM hazard_area_versions v
        LEFT JOIN LATERAL (
            SELECT ST_Union(d.geometry) AS geom FROM release_decisions d
            WHERE d.hazard_area_id = v.hazard_area_id AND d.date_of_information <= $2
              AND (d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER') OR (d.state = 'REVOKED' AND d.revoked_from > $2))
        ) r ON true
        WHERE v.hazard_area_id = $1 AND v.date_of_information <= $2
        ORDER BY v.date_of_information DESC, v.version DESC LIMIT 1
        """;

    private static readonly string HistorySql = $"""
        SELECT {HazardAreaFeatureSql.Version("v")}, v.version, v.country_code, v.organisation_code
        FROM hazard_area_versions v WHERE v.hazard_area_id = $1 ORDER BY v.version
        """;

    public async Task<StoredFeature?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<StoredFeature?> GetAsAtAsync(Guid id, DateOnly asAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AsAtSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = asAt });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFeature>> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(HistorySql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        var versions = new List<StoredFeature>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Read(reader));
        }

        return versions;
    }

    public async Task<FeaturePage> ListAsync(HazardAreaQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string> { $"a.country_code = ANY({Add(command, query.VisibleCountries.ToArray())})" };
        if (query.CountryCode is not null)
        {
            where.Add($"a.country_code = {Add(command, query.CountryCode)}");
        }

        if (query.Status is not null)
        {
            where.Add($"a.status = {Add(command, query.Status)}");
        }

        if (query.Bbox is { } box)
        {
            // ST_MakeEnvelope keeps the predicate index-friendly (GiST on geometry).
            where.Add($"ST_Intersects(a.geometry, ST_MakeEnvelope({Add(command, box.MinX)}, {Add(command, box.MinY)}, " +
                      $"{Add(command, box.MaxX)}, {Add(command, box.MaxY)}, 4326))");
        }

        if (query.After is { } after)
        {
            where.Add($"a.id > {Add(command, after)}");
        }

        var sql = new StringBuilder($"SELECT {HazardAreaFeatureSql.Current("a")}, a.id FROM hazard_areas a WHERE ")
            .AppendJoin(" AND ", where);

        // One row more than asked tells whether a next page exists, so a full last page has no dead "next" link.
        sql.Append($" ORDER BY a.id LIMIT {Add(command, query.Limit + 1)}");
        command.CommandText = sql.ToString();

        var features = new List<string>(query.Limit);
        Guid last = default;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (features.Count == query.Limit)
            {
                more = true;
                break;
            }

            features.Add(reader.GetString(0));
            last = reader.GetGuid(1);
        }

        return new FeaturePage(features, more ? last : null);
    }

    private static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return $"${command.Parameters.Count}";
    }

    private static async Task<StoredFeature?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static StoredFeature Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
}
