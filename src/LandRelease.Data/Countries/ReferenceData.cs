using System.Reflection;
using System.Text.Json;
using LandRelease.Domain.Countries;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Data.Countries;

/// <summary>
/// Loads the ASEAN boundaries (Natural Earth 1:10m, public domain; see Countries/README.md) into an empty
/// countries table. Safe to run from several nodes at once: rows that exist are left alone.
/// </summary>
public static class ReferenceData
{
    private const string ResourceName = "LandRelease.Data.Countries.asean-countries.geojson";

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static async Task SeedCountriesAsync(LandReleaseDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = LoadCountries().Where(c => !existing.Contains(c.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var country in missing)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO countries (code, name, iso_numeric, boundary) VALUES ({country.Code}, {country.Name}, {country.IsoNumeric}, {country.Boundary}) ON CONFLICT (code) DO NOTHING",
                cancellationToken);
        }
    }

    public static IReadOnlyList<Country> LoadCountries()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJsonOptions)
            ?? throw new InvalidOperationException("The country boundary file is empty.");
        return [.. collection.Select(ToCountry)];
    }

    private static Country ToCountry(IFeature feature)
    {
        var boundary = feature.Geometry switch
        {
            MultiPolygon multi => multi,
            Polygon polygon => new MultiPolygon([polygon]),
            var other => throw new InvalidOperationException($"Country boundary must be polygonal, not {other.GeometryType}."),
        };
        boundary.SRID = 4326;
        return Country.Create(
            (string)feature.Attributes["code"],
            (string)feature.Attributes["name"],
            (string)feature.Attributes["isoNumeric"],
            boundary);
    }
}
