using LandRelease.Domain.AdminAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.AdminAreas;

internal sealed class AdminAreaConfiguration : IEntityTypeConfiguration<AdminArea>
{
    public void Configure(EntityTypeBuilder<AdminArea> builder)
    {
        builder.ToTable("admin_areas", t =>
        {
            t.HasCheckConstraint("ck_admin_areas_level", "level IN (1, 2) AND (level = 1) = (parent_code IS NULL)");
            t.HasCheckConstraint("ck_admin_areas_geometry_valid", "ST_IsValid(geometry)");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CountryCode).HasMaxLength(3);
        builder.Property(a => a.Code).HasMaxLength(AdminAreaRules.MaxCodeLength);
        builder.Property(a => a.Name).HasMaxLength(AdminAreaRules.MaxNameLength);
        builder.Property(a => a.ParentCode).HasMaxLength(AdminAreaRules.MaxCodeLength);
        builder.Property(a => a.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        // Geodesic area on the WGS 84 ellipsoid, as every m² of the register.
        builder.Property(a => a.AreaSqm).HasComputedColumnSql("ST_Area(geometry::geography)", stored: true);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Property(a => a.RecordedByOrganisation).HasMaxLength(20);

        builder.HasIndex(a => new { a.CountryCode, a.Code }).IsUnique();
        builder.HasIndex(a => a.Geometry).HasMethod("gist");
        builder.HasOne<Domain.Countries.Country>().WithMany().HasForeignKey(a => a.CountryCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdminAreaVersionConfiguration : IEntityTypeConfiguration<AdminAreaVersion>
{
    public void Configure(EntityTypeBuilder<AdminAreaVersion> builder)
    {
        builder.ToTable("admin_area_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).UseIdentityAlwaysColumn();
        builder.Property(v => v.CountryCode).HasMaxLength(3);
        builder.Property(v => v.Code).HasMaxLength(AdminAreaRules.MaxCodeLength);
        builder.Property(v => v.Name).HasMaxLength(AdminAreaRules.MaxNameLength);
        builder.Property(v => v.ParentCode).HasMaxLength(AdminAreaRules.MaxCodeLength);
        builder.Property(v => v.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Property(v => v.RecordedBy).HasMaxLength(200);
        builder.Property(v => v.RecordedByOrganisation).HasMaxLength(20);
        builder.HasIndex(v => new { v.AdminAreaId, v.Version }).IsUnique();
        builder.HasOne<AdminArea>().WithMany().HasForeignKey(v => v.AdminAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
