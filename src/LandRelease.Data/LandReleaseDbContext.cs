using LandRelease.Data.Reports;
using LandRelease.Domain.Audit;
using LandRelease.Domain.Countries;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Organisations;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data;

public sealed class LandReleaseDbContext(DbContextOptions<LandReleaseDbContext> options) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<HazardArea> HazardAreas => Set<HazardArea>();
    public DbSet<HazardAreaVersion> HazardAreaVersions => Set<HazardAreaVersion>();
    public DbSet<ReleaseDecision> ReleaseDecisions => Set<ReleaseDecision>();
    public DbSet<DecisionEvent> DecisionEvents => Set<DecisionEvent>();
    public DbSet<QualityIncident> QualityIncidents => Set<QualityIncident>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ReportDirty> ReportDirty => Set<ReportDirty>();
    public DbSet<ReportCountry> ReportCountries => Set<ReportCountry>();
    public DbSet<ReportCredit> ReportCredits => Set<ReportCredit>();
    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();
    public DbSet<ReportDifference> ReportDifferences => Set<ReportDifference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LandReleaseDbContext).Assembly);
    }
}
