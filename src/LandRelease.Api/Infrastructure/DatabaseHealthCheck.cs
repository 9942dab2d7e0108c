using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace LandRelease.Api.Infrastructure;

/// <summary>Healthy when PostgreSQL answers and PostGIS is installed in the database.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await Data.Common.DatabaseProbe.PostGisVersionAsync(dataSource, cancellationToken);
            return HealthCheckResult.Healthy($"PostGIS {version}");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
