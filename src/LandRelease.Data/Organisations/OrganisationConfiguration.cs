using LandRelease.Data.Common;
using LandRelease.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations", t =>
            t.HasCheckConstraint("ck_organisations_kind", SqlChecks.OneOf<OrganisationKind>("kind")));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.HasAlternateKey(o => o.Code);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<WireNameConverter<OrganisationKind>>().HasMaxLength(32);
        builder.PrimitiveCollection(o => o.Countries);
    }
}
