using LandRelease.Data.Common;
using LandRelease.Data.Ogc;
using Npgsql;

namespace LandRelease.Data.HazardAreas;

/// <summary>The read side of the register: GeoJSON rendered by PostgreSQL, by id, by date of information, by page.</summary>
public sealed class HazardAreaFeatures(NpgsqlDataSource dataSource, KeyReadDataSource keyReads, FeaturePages pages)
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
        await using var command = keyReads.Source.CreateCommand(ByIdSql);
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

    /// <summary>A page of the register: the same path as the OGC API's hazard-areas items.</summary>
    public Task<FeaturePage> ListAsync(HazardAreaQuery query, CancellationToken cancellationToken) =>
        pages.ListAsync(FeatureSources.HazardAreas, ToListQuery(query), cancellationToken);

    /// <summary>The same page as UTF-8 bytes, for the API's list, which passes the features on untouched.</summary>
    public Task<Utf8FeaturePage> ListUtf8Async(HazardAreaQuery query, CancellationToken cancellationToken) =>
        pages.ListUtf8Async(FeatureSources.HazardAreas, ToListQuery(query), cancellationToken);

    private static FeatureListQuery ToListQuery(HazardAreaQuery query)
    {
        var filters = new Dictionary<string, string>();
        if (query.CountryCode is not null)
        {
            filters["country"] = query.CountryCode;
        }

        if (query.Status is not null)
        {
            filters["status"] = query.Status;
        }

        if (query.Organisation is not null)
        {
            filters["organisation"] = query.Organisation;
        }

        if (query.Classification is not null)
        {
            filters["classification"] = query.Classification;
        }

        var searches = new Dictionary<string, string>();
        if (query.LocalIdContains is not null)
        {
            searches["localId"] = query.LocalIdContains;
        }

        if (query.NameContains is not null)
        {
            searches["name"] = query.NameContains;
        }

        return new FeatureListQuery(query.VisibleCountries, query.Limit)
        {
            Filters = filters,
            Searches = searches,
            CountMatched = query.CountMatched,
            Bbox = query.Bbox is { } box ? new BboxFilter(box.MinX, box.MinY, box.MaxX, box.MaxY, OutputCrs.Crs84) : null,
            After = query.After,
        };
    }

    private static async Task<StoredFeature?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static StoredFeature Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
}
