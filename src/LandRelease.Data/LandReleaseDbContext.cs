using LandRelease.Domain.Countries;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data;

public sealed class LandReleaseDbContext(DbContextOptions<LandReleaseDbContext> options) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<HazardArea> HazardAreas => Set<HazardArea>();
    public DbSet<HazardAreaVersion> HazardAreaVersions => Set<HazardAreaVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LandReleaseDbContext).Assembly);
    }
}
