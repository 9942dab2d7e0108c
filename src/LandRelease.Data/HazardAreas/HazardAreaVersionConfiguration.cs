using LandRelease.Data.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.HazardAreas;

internal sealed class HazardAreaVersionConfiguration : IEntityTypeConfiguration<HazardAreaVersion>
{
    public void Configure(EntityTypeBuilder<HazardAreaVersion> builder)
    {
        builder.ToTable("hazard_area_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).UseIdentityAlwaysColumn();
        builder.Property(v => v.CountryCode).HasMaxLength(3);
        builder.Property(v => v.LocalId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Classification).HasConversion<WireNameConverter<HazardClassification>>().HasMaxLength(8);
        builder.Property(v => v.Status).HasConversion<WireNameConverter<HazardAreaStatus>>().HasMaxLength(16);
        builder.PrimitiveCollection(v => v.Contamination)
            .ElementType(e => e.HasConversion<WireNameConverter<ContaminationType>>());
        builder.Property(v => v.Evidence)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.ListConverter<Evidence>(), JsonColumn.ListComparer<Evidence>());
        builder.Property(v => v.OrganisationCode).HasMaxLength(20);
        builder.Property(v => v.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        // Geodesic m² of the outline, filled by the database (trigger hazard_area_versions_geodesic_area) unless the
        // writer copies it from the area row or the staged row that already holds it for this very outline.
        builder.Property(v => v.AreaSqm).ValueGeneratedOnAdd().Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(v => v.RecordedBy).HasMaxLength(200);
        builder.Property(v => v.RecordedByOrganisation).HasMaxLength(20);
        builder.Property(v => v.ChangeReason).HasMaxLength(1000);

        builder.HasIndex(v => new { v.HazardAreaId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.HazardAreaId, v.DateOfInformation });
        // The reports pick every area's version as at a date, country by country: the index alone answers (index-only
        // scan), without reading the rows' geometry and evidence.
        builder.HasIndex(v => new { v.CountryCode, v.DateOfInformation })
            .IncludeProperties(v => new { v.Id, v.HazardAreaId, v.Version, v.RecordedAt, v.Classification, v.Status, v.AreaSqm, v.Contamination });
        builder.HasOne<HazardArea>().WithMany().HasForeignKey(v => v.HazardAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
