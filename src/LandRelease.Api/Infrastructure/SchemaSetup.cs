using Hangfire.PostgreSql;
using LandRelease.Data;
using LandRelease.Data.Countries;
using LandRelease.Data.Roles;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Everything the owner role does to a database, in order: EF Core migrations (which take a lock, so several nodes may
/// start together), the countries, Hangfire's schema, then the application role's grants over whatever now exists.
/// The API itself never runs DDL: its Hangfire storage does not prepare the schema.
/// </summary>
internal static class SchemaSetup
{
    /// <summary>With <paramref name="applicationRole"/> null no grants are made (one role for everything: development).</summary>
    public static async Task ApplyAsync(string ownerConnectionString, string? applicationRole, CancellationToken ct = default)
    {
        await using var dataSource = DataServiceCollectionExtensions.CreateDataSource(ownerConnectionString);
        var options = new DbContextOptionsBuilder<LandReleaseDbContext>();
        DataServiceCollectionExtensions.Configure(options, dataSource);
        await using (var db = new LandReleaseDbContext(options.Options))
        {
            await db.Database.MigrateAsync(ct);
            await ReferenceData.SeedCountriesAsync(db, ct);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, HangfireSetup.SchemaName);
        if (applicationRole is not null)
        {
            await ApplicationGrants.ApplyAsync(connection, applicationRole, ct);
        }
    }
}
