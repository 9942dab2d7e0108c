namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>Step 8: the land must lie in the country it is declared for; the commonest miss is swapped lat/lon.</summary>
internal static class CountryCheck
{
    public static GeometryIssue? Check(Geometry geometry, CountryBoundary country, GeometryCheckOptions options)
    {
        double tolerance = options.CountryToleranceMetres;
        if (country.Fits(geometry, tolerance))
        {
            return null;
        }

        if (country.Fits(RingOrientation.Swapped(geometry), tolerance))
        {
            return Swapped(geometry, country);
        }

        var (metres, point) = country.Nearest(geometry);
        return IssueText.Issue(
            GeometryRules.OutsideCountry,
            $"The land lies {IssueText.Kilometres(metres)} outside {country.Code}, more than the "
            + $"{IssueText.Kilometres(tolerance)} allowed for border accuracy; its nearest point to {country.Code} is at {IssueText.At(point!)}.",
            point);
    }

    /// <summary>
    /// For input rejected by the range check: if |latitude| > 90 only because the two values were exchanged,
    /// saying so is more useful than "out of range".
    /// </summary>
    public static GeometryIssue? SwappedOutOfRange(Geometry input, IReadOnlyList<Polygon> polygons, CountryBoundary country, GeometryCheckOptions options) =>
        CoordinateRange.IsInRangeOnceSwapped(polygons) && country.Fits(RingOrientation.Swapped(input), options.CountryToleranceMetres)
            ? Swapped(input, country)
            : null;

    private static GeometryIssue Swapped(Geometry geometry, CountryBoundary country)
    {
        var first = geometry.Coordinates[0];
        // Located where the land probably is (each pair exchanged): as given, the point is off the map or the globe.
        return new(
            GeometryRules.SwappedCoordinates,
            $"Latitude and longitude appear swapped: the land lies outside {country.Code}, but with each pair exchanged it "
            + $"falls inside. The first vertex reads (longitude {IssueText.Degrees(first.X)}, latitude {IssueText.Degrees(first.Y)}); "
            + $"it is probably (longitude {IssueText.Degrees(first.Y)}, latitude {IssueText.Degrees(first.X)}).",
            first.Y, first.X);
    }
}
