using LandRelease.Data.Common;
using LandRelease.Domain.Activities;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Releases;

internal sealed class ReleaseDecisionConfiguration : IEntityTypeConfiguration<ReleaseDecision>
{
    public void Configure(EntityTypeBuilder<ReleaseDecision> builder)
    {
        builder.ToTable("release_decisions", t =>
        {
            t.HasCheckConstraint("ck_release_decisions_kind", SqlChecks.OneOf<ReleaseKind>("kind"));
            t.HasCheckConstraint("ck_release_decisions_state", SqlChecks.OneOf<DecisionState>("state"));
            t.HasCheckConstraint("ck_release_decisions_geometry_valid", "ST_IsValid(geometry)");
        });
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.CountryCode).HasMaxLength(3);
        builder.Property(d => d.Kind).HasConversion<WireNameConverter<ReleaseKind>>().HasMaxLength(16);
        builder.Property(d => d.State).HasConversion<WireNameConverter<DecisionState>>().HasMaxLength(16);
        builder.Property(d => d.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Property(d => d.AreaSqm).HasComputedColumnSql("ST_Area(geometry::geography)", stored: true);
        // Written only by the counting SQL inside the approving transaction.
        builder.Property(d => d.CreditedAreaSqm).ValueGeneratedOnAddOrUpdate().HasDefaultValue(0.0)
            .Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.Property(d => d.EnteredArea).HasColumnType("jsonb").HasConversion(JsonColumn.ValueConverter<EnteredArea>());
        builder.Property(d => d.Attachments).HasColumnType("jsonb")
            .HasConversion(JsonColumn.ListConverter<Attachment>(), JsonColumn.ListComparer<Attachment>());
        builder.Property(d => d.OrganisationCode).HasMaxLength(20);
        builder.Property(d => d.Notes).HasMaxLength(4000);
        builder.Property(d => d.StateReason).HasMaxLength(2000);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.CertificateNumber).HasMaxLength(20);
        builder.HasIndex(d => d.CertificateNumber).IsUnique();

        builder.HasIndex(d => new { d.HazardAreaId, d.State });
        // The reports sum each area's credited m² country by country; the included columns spare reading the rows.
        builder.HasIndex(d => new { d.CountryCode, d.State, d.DateOfInformation })
            .IncludeProperties(d => new { d.HazardAreaId, d.CreditedAreaSqm });
        builder.HasIndex(d => d.Geometry).HasMethod("gist");
        // The review queue: a country's submitted decisions, oldest submission first.
        builder.HasIndex(d => new { d.CountryCode, d.State, d.SubmittedAt });
        builder.HasOne<HazardArea>().WithMany().HasForeignKey(d => d.HazardAreaId).OnDelete(DeleteBehavior.Restrict);
        // The survey or clearance behind a decision; an activity with decisions drawn from it stays.
        builder.HasOne<Activity>().WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(d => d.OrganisationCode)
            .HasPrincipalKey(o => o.Code).OnDelete(DeleteBehavior.Restrict);
    }
}
