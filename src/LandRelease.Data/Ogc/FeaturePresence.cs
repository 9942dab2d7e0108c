using Npgsql;

namespace LandRelease.Data.Ogc;

/// <summary>Whether a feature source holds anything in the caller's countries: a collection that may be absent (admin areas) is listed only then.</summary>
public sealed class FeaturePresence(NpgsqlDataSource dataSource)
{
    public async Task<bool> AnyAsync(FeatureSource source, IReadOnlyList<string> countries, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var belongs = source.Belongs is null ? "" : $" AND {source.Belongs}";
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {source.Table} {source.Alias} " +
                              $"WHERE {source.Country} = ANY({FeaturePages.Add(command, countries.ToArray())}){belongs})";
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
