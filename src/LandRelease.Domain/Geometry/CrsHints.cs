namespace LandRelease.Domain.Geometry;

using System.Globalization;
using LandRelease.Domain.Coordinates;
using NetTopologySuite.Geometries;

/// <summary>
/// Coordinates in the other kind of system than the one declared: UTM metres sent as degrees ("longitude must be
/// between -180 and 180" helps nobody), or degrees sent under a projected system (they convert to a point near the
/// zone's false origin, thousands of kilometres away). Each names the system the numbers most likely are in.
/// </summary>
public static class CrsHints
{
    private const double MetresPerDegree = 111_320;

    /// <summary>Every vertex reads as a UTM easting and northing (not as degrees): the issue, with the likely zone.</summary>
    public static GeometryIssue? ProjectedAsDegrees(Geometry geometry, CountryBoundary country)
    {
        var extent = geometry.EnvelopeInternal;
        var metres = extent.MinX >= 100_000 && extent.MaxX <= 900_000 && extent.MinY >= 0 && extent.MaxY <= 10_000_000;
        if (geometry.IsEmpty || !metres)
        {
            return null;
        }

        var first = geometry.Coordinates[0];
        var (zone, north, at) = LikelyZone(first.X, first.Y, country);
        var epsg = (north ? 32600 : 32700) + zone;
        return new GeometryIssue(GeometryRules.LooksProjected,
            $"The coordinates look like metres of a projected system, not degrees: the first vertex reads ({Number(first.X)}, " +
            $"{Number(first.Y)}). In {country.Code} they are most likely WGS 84 / UTM zone {Utm.Label(zone, north)} " +
            $"(EPSG:{epsg.ToString(CultureInfo.InvariantCulture)}); send the upload again with crs=EPSG:{epsg.ToString(CultureInfo.InvariantCulture)}, " +
            "or the file's own system (a national datum such as Indian 1960 needs its own code).",
            at?.X, at?.Y);
    }

    /// <summary>Every vertex reads as a longitude and latitude inside the country, though the upload declared a projected system.</summary>
    public static GeometryIssue? DegreesAsProjected(Geometry geometry, CountryBoundary country, string declared, double toleranceMetres)
    {
        var extent = geometry.EnvelopeInternal;
        if (geometry.IsEmpty || extent.MinX < -180 || extent.MaxX > 180 || extent.MinY < -90 || extent.MaxY > 90
            || !country.Fits(geometry, toleranceMetres))
        {
            return null;
        }

        var first = geometry.Coordinates[0];
        return new GeometryIssue(GeometryRules.LooksGeographic,
            $"The coordinates look like degrees, not metres: the first vertex reads (longitude {IssueText.Degrees(first.X)}, " +
            $"latitude {IssueText.Degrees(first.Y)}), which lies in {country.Code}, but the upload declared {declared}. " +
            "Send the upload again with crs=EPSG:4326 (WGS 84 longitude and latitude).",
            first.X, first.Y);
    }

    /// <summary>The zone, among the country's own and its neighbours, that puts the point in the country (approximately).</summary>
    private static (int Zone, bool North, Coordinate? At) LikelyZone(double easting, double northing, CountryBoundary country)
    {
        var centre = country.Centre;
        var home = Utm.ZoneOf(centre.X);
        var north = centre.Y >= 0;
        var latitude = (north ? northing : northing - 10_000_000) / 110_574;
        foreach (var zone in new[] { home, home - 1, home + 1 }.Where(z => z is >= 1 and <= 60))
        {
            var meridian = (zone * 6) - 183;
            var longitude = meridian + ((easting - 500_000) / (MetresPerDegree * Math.Cos(latitude * Math.PI / 180)));
            var point = new Point(longitude, latitude);
            if (Math.Abs(latitude) <= 84 && country.Fits(point, 50_000))
            {
                return (zone, north, point.Coordinate);
            }
        }

        return (home, north, null);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
