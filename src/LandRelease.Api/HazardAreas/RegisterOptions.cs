namespace LandRelease.Api.HazardAreas;

/// <summary>Tunables of the register's checks, bound from the "Register" configuration section.</summary>
public sealed class RegisterOptions
{
    public const string Section = "Register";

    /// <summary>How far outside the 1:10m country boundary an area may lie; borders are approximate and much contamination lies on them.</summary>
    public double CountryToleranceMetres { get; set; } = 2000;

    public double LongEdgeWarningMetres { get; set; } = 5000;
}
