using LandRelease.Data.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Uploads;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("uploads", t =>
        {
            t.HasCheckConstraint("ck_uploads_kind", SqlChecks.OneOf<UploadKind>("kind"));
            t.HasCheckConstraint("ck_uploads_state", SqlChecks.OneOf<UploadState>("state"));
        });
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.CountryCode).HasMaxLength(3);
        builder.Property(u => u.OrganisationCode).HasMaxLength(20);
        builder.Property(u => u.Kind).HasConversion<WireNameConverter<UploadKind>>().HasMaxLength(16);
        builder.Property(u => u.State).HasConversion<WireNameConverter<UploadState>>().HasMaxLength(16);
        builder.Property(u => u.FileName).HasMaxLength(255);
        builder.Property(u => u.Format).HasMaxLength(32);
        builder.Property(u => u.Crs).HasMaxLength(200);
        builder.Property(u => u.IdempotencyKey).HasMaxLength(200);
        builder.Property(u => u.RequestSha256).HasMaxLength(64);
        builder.Property(u => u.Problem).HasColumnType("jsonb");
        builder.Property(u => u.CreatedBy).HasMaxLength(200);
        builder.Property(u => u.CreatedByOrganisation).HasMaxLength(20);

        // The same key from the same requester is the same upload; racing requests meet on this index.
        builder.HasIndex(u => new { u.CreatedBy, u.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(u => new { u.CountryCode, u.CreatedAt });
        builder.HasOne<Domain.Countries.Country>().WithMany().HasForeignKey(u => u.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Organisations.Organisation>().WithMany().HasForeignKey(u => u.OrganisationCode)
            .HasPrincipalKey(o => o.Code).OnDelete(DeleteBehavior.Restrict);
    }
}
