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
        return services;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The read side sends a handful of fixed statements many times a second; preparing them once per
        // connection saves PostgreSQL from planning the GeoJSON-building SQL again on every request.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
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
