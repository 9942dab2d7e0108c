using LandRelease.Domain.Geometry;
using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Samples;

/// <summary>The files of samples/uploads (copied beside the tests), read through the upload readers themselves.</summary>
internal static class SampleFiles
{
    private static readonly Lazy<Task<CountryBoundary>> Khm = new(async () =>
    {
        var countries = await ReadAsync("asean-countries.geojson");
        var cambodia = countries.Features.Single(f => f.Attributes["code"] == "KHM");
        return new CountryBoundary("KHM", cambodia.Geometry!);
    });

    public static Task<CountryBoundary> CambodiaAsync() => Khm.Value;

    public static Task<ReadResult> ReadAsync(string name) =>
        Uploads.ReadAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", name)), name);

    /// <summary>Area in hectares of a lon/lat polygon near the equator's latitudes, from a local flattening (good to ~0.5%).</summary>
    public static double Hectares(Geometry geometry)
    {
        double lat = geometry.Centroid.Y * Math.PI / 180;
        return geometry.Area * 111_320 * Math.Cos(lat) * 110_600 / 10_000;
    }
}
