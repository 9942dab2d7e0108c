using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.HazardAreas;

internal sealed class HazardAreaTraverseConfiguration : IEntityTypeConfiguration<HazardAreaTraverse>
{
    public void Configure(EntityTypeBuilder<HazardAreaTraverse> builder)
    {
        builder.ToTable("hazard_area_traverses");
        builder.HasKey(t => new { t.HazardAreaId, t.Version });
        builder.Property(t => t.Traverse).HasColumnType("jsonb");
        builder.HasOne<HazardArea>().WithMany().HasForeignKey(t => t.HazardAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
