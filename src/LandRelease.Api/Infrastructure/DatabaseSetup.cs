using LandRelease.Api.Samples;
using LandRelease.Data;
using LandRelease.Data.Countries;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Schema and reference data at start-up. EF Core takes a database lock while migrating, so several nodes
/// starting together apply each migration once; production may instead apply migrations/landrelease.sql.
/// </summary>
internal static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        await db.Database.MigrateAsync(ct);
        await ReferenceData.SeedCountriesAsync(db, ct);
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await MigrateAsync(app.Services);
        }

        if (app.Configuration["Samples:LoadFrom"] is { Length: > 0 } samples)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadAsync(samples, CancellationToken.None);
        }
    }
}
