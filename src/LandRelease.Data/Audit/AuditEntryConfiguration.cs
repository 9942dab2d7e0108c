using LandRelease.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.ActorOrganisation).HasMaxLength(20);
        builder.Property(e => e.CountryCode).HasMaxLength(3);
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
    }
}
