using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Uploads;

internal sealed class StagedHazardAreaConfiguration : IEntityTypeConfiguration<StagedHazardArea>
{
    public void Configure(EntityTypeBuilder<StagedHazardArea> builder)
    {
        // Filled by binary COPY and emptied by the merge; the uploads row records what happened. Unlogged: staged
        // rows are written once and read once, and a crash that empties the table only fails the uploads caught in
        // it (the sweep marks them), so writing them to the WAL too would only halve the staging rate.
        builder.ToTable("upload_staged_areas");
        builder.IsUnlogged();
        builder.HasKey(s => new { s.UploadId, s.Index });
        builder.Property(s => s.LocalId).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Classification).HasMaxLength(8);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Evidence).HasColumnType("jsonb");
        builder.Property(s => s.OrganisationCode).HasMaxLength(20);
        builder.Property(s => s.Geometry).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Property(s => s.ChangeReason).HasMaxLength(1000);
        builder.Property(s => s.Violations).HasColumnType("jsonb");
        builder.Property(s => s.Warnings).HasColumnType("jsonb");
        builder.Property(s => s.Traverse).HasColumnType("jsonb");
        builder.Property(s => s.ReportedName).HasMaxLength(200);
        builder.Property(s => s.RefusedGeometry).HasColumnType("geometry(Geometry,4326)");
        builder.Property(s => s.RefusedAttributes).HasColumnType("jsonb");
    }
}
