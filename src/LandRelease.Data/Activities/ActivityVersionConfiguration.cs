using LandRelease.Domain.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Activities;

internal sealed class ActivityVersionConfiguration : IEntityTypeConfiguration<ActivityVersion>
{
    public void Configure(EntityTypeBuilder<ActivityVersion> builder)
    {
        builder.ToTable("activity_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).UseIdentityAlwaysColumn();
        builder.Property(v => v.Feature).HasColumnType("jsonb");
        builder.Property(v => v.RecordedBy).HasMaxLength(200);
        builder.Property(v => v.RecordedByOrganisation).HasMaxLength(20);
        builder.Property(v => v.ChangeReason).HasMaxLength(1000);
        builder.HasIndex(v => new { v.ActivityId, v.Version }).IsUnique();
        builder.HasOne<Activity>().WithMany().HasForeignKey(v => v.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
