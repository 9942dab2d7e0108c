using System.Text.Json;
using LandRelease.Data.AdminAreas;
using LandRelease.Domain.AdminAreas;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Samples;

/// <summary>
/// Loads samples/admin-areas/&lt;iso3&gt;-*.geojson (the upload format of kind admin-areas) through the one writer of
/// administrative areas, with the rules and geometry checks an upload applies; loading again leaves them UNCHANGED.
/// </summary>
internal sealed class SampleAdminAreas(AdminAreaWriter writer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<int> LoadAsync(string directory, Actor loader, CancellationToken ct)
    {
        var loaded = 0;
        var folder = Path.Combine(directory, "admin-areas");
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.geojson").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var country = Path.GetFileName(path)[..3].ToUpperInvariant();
            await using var stream = File.OpenRead(path);
            var features = await JsonSerializer.DeserializeAsync<FeatureCollection>(stream, GeoJson, ct) ?? new FeatureCollection();
            var areas = features.Select(f => Read(f, path)).ToList();
            loaded += (await writer.LoadAsync(country, areas, loader, clock.GetUtcNow(), null, ct)).Areas.Count;
        }

        return loaded;
    }

    private static AdminAreaDetails Read(IFeature feature, string path)
    {
        string? Text(string name) => feature.Attributes.Exists(name) ? feature.Attributes[name]?.ToString() : null;
        var attributes = new AdminAreaRules.Attributes(Text("code"), Text("name"), Text("level"), Text("parentCode"));
        var violations = AdminAreaRules.Check(attributes, out var level);
        var geometry = GeometryChecks.Check(feature.Geometry);
        if (violations.Count > 0 || !geometry.IsAccepted)
        {
            throw new InvalidOperationException($"Sample administrative area {attributes.Code} in {path} is refused: " +
                string.Join("; ", [.. violations.Select(v => v.Message), .. geometry.Errors.Select(e => e.ToString())]));
        }

        return new AdminAreaDetails(attributes.Code!, attributes.Name!, level, attributes.ParentCode, geometry.Geometry!);
    }
}
