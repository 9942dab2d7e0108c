using LandRelease.Data.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Releases;

internal sealed class DecisionEventConfiguration : IEntityTypeConfiguration<DecisionEvent>
{
    public void Configure(EntityTypeBuilder<DecisionEvent> builder)
    {
        builder.ToTable("decision_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.FromState).HasConversion<WireNameConverter<DecisionState>>().HasMaxLength(16);
        builder.Property(e => e.ToState).HasConversion<WireNameConverter<DecisionState>>().HasMaxLength(16);
        builder.Property(e => e.By).HasMaxLength(200);
        builder.Property(e => e.ByOrganisation).HasMaxLength(20);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.ByDisplayName).HasMaxLength(200);
        builder.Property(e => e.ByPosition).HasMaxLength(200);
        builder.HasIndex(e => e.DecisionId);
        builder.HasOne<ReleaseDecision>().WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
