using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LandRelease.Data;

public static class DataServiceCollectionExtensions
{
    public const string MigrationsAssembly = "LandRelease.Migrations";

    /// <summary>One pooled data source serves both EF Core and the raw SQL read side.</summary>
    public static IServiceCollection AddLandReleaseData(this IServiceCollection services, string connectionString)
    {
        var dataSource = CreateDataSource(connectionString);
        services.AddSingleton(dataSource);
        services.AddDbContext<LandReleaseDbContext>(options => Configure(options, dataSource));
        services.AddSingleton(_ => Reports.ReportDataSource.For(connectionString));
        services.AddSingleton(_ => Common.KeyReadDataSource.For(connectionString));
        services.AddSingleton<Ogc.FeaturePages>();
        services.AddSingleton<Exports.ExportRows>();
        services.AddSingleton<Ogc.VectorTiles>();
        services.AddSingleton<Ogc.FeaturePresence>();
        return services;
    }

    /// <param name="customPlans">Whether every statement is planned for its own parameters (see below).</param>
    public static NpgsqlDataSource CreateDataSource(string connectionString, bool customPlans = true)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The read side sends a handful of fixed statements many times a second; preparing them once per
        // connection saves PostgreSQL from planning the GeoJSON-building SQL again on every request.
        var settings = builder.ConnectionStringBuilder;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        // A prepared statement drifts to a generic plan after five runs; for a bbox page that plan scans
        // every match of a country-sized box (measured 400-600 ms against 77 ms). Plans stay per request.
        if (customPlans && string.IsNullOrEmpty(settings.Options))
        {
            settings.Options = "-c plan_cache_mode=force_custom_plan";
        }

        // The application sets no session state, so a pooled connection needs no reset round on return.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        builder.UseNetTopologySuite();
        builder.EnableDynamicJson();
        return builder.Build();
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite().MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();
}
