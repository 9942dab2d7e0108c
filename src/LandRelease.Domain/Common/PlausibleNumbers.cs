namespace LandRelease.Domain.Common;

/// <summary>
/// Bounds on the figures people type. A value past them is a typing or unit error, and an unbounded one can
/// overflow to infinity (1e308 km² in m²), which no JSON response can carry.
/// </summary>
public static class PlausibleNumbers
{
    /// <summary>1,000,000 km²: more than any single hazardous area or release, less than the largest ASEAN state.</summary>
    public const double MaxAreaSqm = 1e12;

    /// <summary>Devices of one type found or destroyed by one activity; the largest clearance tasks report thousands.</summary>
    public const int MaxDeviceCount = 1_000_000;

    /// <summary>Projected coordinates (metres) and geographic ones (degrees) both lie well within this.</summary>
    public const double MaxCoordinate = 1e8;

    public static bool IsArea(double squareMetres) => double.IsFinite(squareMetres) && squareMetres > 0 && squareMetres <= MaxAreaSqm;
}
