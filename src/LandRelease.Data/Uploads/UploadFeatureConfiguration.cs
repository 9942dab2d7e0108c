using LandRelease.Data.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Uploads;

internal sealed class UploadFeatureConfiguration : IEntityTypeConfiguration<UploadFeature>
{
    public void Configure(EntityTypeBuilder<UploadFeature> builder)
    {
        builder.ToTable("upload_features", t =>
        {
            t.HasCheckConstraint("ck_upload_features_outcome", SqlChecks.OneOf<FeatureOutcome>("outcome"));
            t.HasCheckConstraint("ck_upload_features_action", SqlChecks.OneOf<FeatureAction>("action"));
        });
        builder.HasKey(f => new { f.UploadId, f.Index });
        builder.Property(f => f.LocalId).HasMaxLength(64);
        builder.Property(f => f.Outcome).HasConversion<WireNameConverter<FeatureOutcome>>().HasMaxLength(16);
        builder.Property(f => f.Action).HasConversion<WireNameConverter<FeatureAction>>().HasMaxLength(16);
        builder.Property(f => f.Violations).HasColumnType("jsonb");
        builder.Property(f => f.Warnings).HasColumnType("jsonb");
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Geometry).HasColumnType("geometry(Geometry,4326)");
        builder.Property(f => f.Attributes).HasColumnType("jsonb");
        builder.HasIndex(f => new { f.UploadId, f.Outcome, f.Index });
        // No foreign key to uploads: an outcome row is written once, by the merge holding its upload locked, and a
        // per-row key check costs as much as the row itself on a 100,000-feature upload.
    }
}
