using LandRelease.Data.Accounts;
using LandRelease.Domain.AdminAreas;
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
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data;

/// <summary>The register and the accounts people sign in with (Identity's user tables, no role tables: one role per account).</summary>
public sealed class LandReleaseDbContext(DbContextOptions<LandReleaseDbContext> options)
    : IdentityUserContext<Account, Guid>(options)
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
    public DbSet<PersonalToken> PersonalTokens => Set<PersonalToken>();
    public DbSet<AdminArea> AdminAreas => Set<AdminArea>();
    public DbSet<AdminAreaVersion> AdminAreaVersions => Set<AdminAreaVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("postgis");
        builder.ApplyConfigurationsFromAssembly(typeof(LandReleaseDbContext).Assembly);
        AccountConfiguration.Configure(builder);
    }
}
