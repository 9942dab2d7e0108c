using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LandRelease.Data.Releases;

/// <summary>The last certificate number given in a country in a year.</summary>
public sealed class CertificateSequence
{
    private CertificateSequence()
    {
    }

    public string CountryCode { get; private set; } = "";
    public int Year { get; private set; }
    public long LastNumber { get; private set; }
}

internal sealed class CertificateSequenceConfiguration : IEntityTypeConfiguration<CertificateSequence>
{
    public void Configure(EntityTypeBuilder<CertificateSequence> builder)
    {
        builder.ToTable("certificate_sequences");
        builder.HasKey(s => new { s.CountryCode, s.Year });
        builder.Property(s => s.CountryCode).HasMaxLength(3);
    }
}

/// <summary>
/// Hands out a country's next certificate number for a year. The upsert takes the row's lock until the certifying
/// transaction ends, so two certifications in one country take turns and a rolled-back one gives its number back:
/// the numbers have no gaps, as a register of signed certificates must not.
/// </summary>
public static class CertificateSequences
{
    public static async Task<long> NextAsync(LandReleaseDbContext db, string countryCode, int year, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO certificate_sequences (country_code, year, last_number) VALUES ({countryCode}, {year}, 1)
            ON CONFLICT (country_code, year) DO UPDATE SET last_number = certificate_sequences.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(ct);
        return next.Single();
    }
}
