using LandRelease.Data.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Reports;

internal sealed class ReportDirtyConfiguration : IEntityTypeConfiguration<ReportDirty>
{
    public void Configure(EntityTypeBuilder<ReportDirty> builder)
    {
        builder.ToTable("report_dirty");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.CountryCode).HasMaxLength(3);
        builder.Property(d => d.Cause).HasMaxLength(32);
        builder.HasIndex(d => new { d.CountryCode, d.Id });
    }
}

internal sealed class ReportCountryConfiguration : IEntityTypeConfiguration<ReportCountry>
{
    public void Configure(EntityTypeBuilder<ReportCountry> builder)
    {
        builder.ToTable("report_countries");
        builder.HasKey(c => c.CountryCode);
        builder.Property(c => c.CountryCode).HasMaxLength(3);
        builder.Property(c => c.Failure).HasMaxLength(4000);
        builder.HasOne<Domain.Countries.Country>().WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportCreditConfiguration : IEntityTypeConfiguration<ReportCredit>
{
    public void Configure(EntityTypeBuilder<ReportCredit> builder)
    {
        builder.ToTable("report_credits", t =>
            t.HasCheckConstraint("ck_report_credits_kind", SqlChecks.OneOf<ReleaseKind>("kind")));
        builder.HasKey(c => c.DecisionId);
        builder.Property(c => c.CountryCode).HasMaxLength(3);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        // Geodesic m² on the WGS 84 ellipsoid of the clipped land.
        builder.Property(c => c.AreaSqm).HasComputedColumnSql("ST_Area(geometry::geography)", stored: true);
        builder.HasIndex(c => c.Geometry).HasMethod("gist");
        builder.HasIndex(c => new { c.CountryCode, c.DateOfInformation });
        builder.HasIndex(c => c.HazardAreaId);
        // Areas with a revoked decision are worked out from their geometry; there are few.
        builder.HasIndex(c => new { c.CountryCode, c.HazardAreaId }).HasFilter("revoked_at IS NOT NULL")
            .HasDatabaseName("ix_report_credits_revoked");
        builder.HasOne<ReleaseDecision>().WithOne().HasForeignKey<ReportCredit>(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> builder)
    {
        builder.ToTable("report_snapshots", t =>
            t.HasCheckConstraint("ck_report_snapshots_kind", $"kind IN ({string.Join(", ", ReportKinds.All.Select(k => $"'{k}'"))})"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).UseIdentityAlwaysColumn();
        builder.Property(s => s.CountryCode).HasMaxLength(3);
        builder.Property(s => s.Kind).HasMaxLength(16);
        builder.Property(s => s.Figures).HasColumnType("jsonb");
        // "Everything recorded" (as_at null) is one key, not a new one each time: NULLS NOT DISTINCT.
        builder.HasIndex(s => new { s.CountryCode, s.Kind, s.PeriodFrom, s.PeriodTo, s.AsAt, s.DataVersion })
            .IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class ReportDifferenceConfiguration : IEntityTypeConfiguration<ReportDifference>
{
    public void Configure(EntityTypeBuilder<ReportDifference> builder)
    {
        builder.ToTable("report_differences");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.CountryCode).HasMaxLength(3);
        builder.Property(d => d.Figure).HasMaxLength(200);
        builder.HasIndex(d => new { d.CountryCode, d.FoundAt });
    }
}
