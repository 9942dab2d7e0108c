using LandRelease.Data.HazardAreas;
using LandRelease.Data.Reports;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Audit;
using LandRelease.Domain.Countries;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Organisations;
using LandRelease.Domain.Releases;
using LandRelease.Domain.Uploads;
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
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityVersion> ActivityVersions => Set<ActivityVersion>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<UploadFeature> UploadFeatures => Set<UploadFeature>();
    public DbSet<StagedHazardArea> StagedHazardAreas => Set<StagedHazardArea>();
    public DbSet<HazardAreaTraverse> HazardAreaTraverses => Set<HazardAreaTraverse>();
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
