using LandRelease.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LandRelease.Migrations;

/// <summary>Lets `dotnet ef` build the model without a running host; adding a migration needs no database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LandReleaseDbContext>
{
    public LandReleaseDbContext CreateDbContext(string[] args)
    {
        // `dotnet ef database update` changes the schema, which only the owner role may do.
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__LandReleaseOwner")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__LandRelease")
            ?? "Host=127.0.0.1;Port=55432;Database=landrelease;Username=landrelease;Password=landrelease";
        var options = new DbContextOptionsBuilder<LandReleaseDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.CreateDataSource(connectionString));
        return new LandReleaseDbContext(options.Options);
    }
}
