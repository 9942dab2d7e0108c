using LandRelease.Domain.Geometry;
using Npgsql;

namespace LandRelease.Api.Countries;

/// <summary>
/// Country boundaries prepared once per process for the register's checks: reference data changes with
/// a release, not at run time, so a process-wide cache is safe for several API nodes.
/// </summary>
internal sealed class CountryBoundaries(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private IReadOnlyDictionary<string, CountryBoundary>? _byCode;

    public async Task<CountryBoundary?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var byCode = _byCode ?? await LoadAsync(cancellationToken);
        return byCode.GetValueOrDefault(code);
    }

    private async Task<IReadOnlyDictionary<string, CountryBoundary>> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_byCode is not null)
            {
                return _byCode;
            }

            var byCode = new Dictionary<string, CountryBoundary>(StringComparer.Ordinal);
            foreach (var (code, boundary) in await Data.Countries.CountryRows.BoundariesAsync(dataSource, cancellationToken))
            {
                byCode[code] = new CountryBoundary(code, boundary);
            }

            // An empty table means seeding has not run yet; don't cache that.
            if (byCode.Count > 0)
            {
                _byCode = byCode;
            }

            return byCode;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
