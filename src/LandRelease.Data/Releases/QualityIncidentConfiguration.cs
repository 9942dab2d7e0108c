using LandRelease.Data.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Releases;

internal sealed class QualityIncidentConfiguration : IEntityTypeConfiguration<QualityIncident>
{
    public void Configure(EntityTypeBuilder<QualityIncident> builder)
    {
        builder.ToTable("quality_incidents", t =>
            t.HasCheckConstraint("ck_quality_incidents_kind", SqlChecks.OneOf<IncidentKind>("kind")));
        builder.HasKey(i => i.Id);
        builder.Property(i => i.CountryCode).HasMaxLength(3);
        builder.Property(i => i.Kind).HasConversion<WireNameConverter<IncidentKind>>().HasMaxLength(32);
        builder.HasIndex(i => new { i.CountryCode, i.DateOfInformation });
        builder.HasIndex(i => i.HazardAreaId);
        // One incident per approval: re-running the detection for the same decision changes nothing.
        builder.HasIndex(i => i.DecisionId).IsUnique();
    }
}
