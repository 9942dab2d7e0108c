namespace LandRelease.Domain.Geometry;

public sealed class GeometryCheckOptions
{
    /// <summary>How far outside the declared country a polygon may lie; 1:10m borders are approximate.</summary>
    public double CountryToleranceMetres { get; init; } = 2000;

    /// <summary>DOMAIN.md: consecutive vertices more than 5 km apart are flagged on upload.</summary>
    public double LongEdgeWarningMetres { get; init; } = 5000;

    public static GeometryCheckOptions Default { get; } = new();
}
