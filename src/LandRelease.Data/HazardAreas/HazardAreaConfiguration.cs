using LandRelease.Data.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.HazardAreas;

internal sealed class HazardAreaConfiguration : IEntityTypeConfiguration<HazardArea>
{
    public void Configure(EntityTypeBuilder<HazardArea> builder)
    {
        builder.ToTable("hazard_areas", t =>
        {
            t.HasCheckConstraint("ck_hazard_areas_classification", SqlChecks.OneOf<HazardClassification>("classification"));
            t.HasCheckConstraint("ck_hazard_areas_status", SqlChecks.OneOf<HazardAreaStatus>("status"));
            t.HasCheckConstraint("ck_hazard_areas_contamination", SqlChecks.AllOf<ContaminationType>("contamination"));
            t.HasCheckConstraint("ck_hazard_areas_geometry_valid", "ST_IsValid(geometry)");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CountryCode).HasMaxLength(3);
        builder.Property(a => a.LocalId).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Classification).HasConversion<WireNameConverter<HazardClassification>>().HasMaxLength(8);
        builder.Property(a => a.Status).HasConversion<WireNameConverter<HazardAreaStatus>>().HasMaxLength(16);
        builder.PrimitiveCollection(a => a.Contamination)
            .ElementType(e => e.HasConversion<WireNameConverter<ContaminationType>>());
        builder.Property(a => a.Evidence)
            .HasColumnType("jsonb")
            .HasConversion(JsonColumn.ListConverter<Evidence>(), JsonColumn.ListComparer<Evidence>());
        builder.Property(a => a.OrganisationCode).HasMaxLength(20);
        builder.Property(a => a.Geometry).HasColumnType("geometry(MultiPolygon,4326)");

        // Geodesic areas on the WGS 84 ellipsoid, kept by the database (trigger hazard_areas_geodesic_areas, migration
        // GeodesicAreasOnce) whenever an outline is written, never by the application: computed once per outline, and
        // not again when only the status or version moves, as generated columns would be on every update.
        builder.Property(a => a.AreaSqm).ValueGeneratedOnAddOrUpdate().Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(a => a.RemainingGeometry).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Property(a => a.RemainingAreaSqm).ValueGeneratedOnAddOrUpdate().Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Property(a => a.RecordedByOrganisation).HasMaxLength(20);
        builder.Property(a => a.ChangeReason).HasMaxLength(1000);

        builder.HasIndex(a => new { a.CountryCode, a.LocalId }).IsUnique();
        builder.HasIndex(a => a.Geometry).HasMethod("gist");
        builder.HasIndex(a => new { a.CountryCode, a.Status, a.Id });
        builder.HasOne<Domain.Countries.Country>().WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationCode)
            .HasPrincipalKey(o => o.Code).OnDelete(DeleteBehavior.Restrict);
    }
}
