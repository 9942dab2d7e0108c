using LandRelease.Domain.Countries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Countries;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.ToTable("countries");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(3);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.IsoNumeric).HasMaxLength(3);
        builder.Property(c => c.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(c => c.Boundary).HasMethod("gist");
    }
}
