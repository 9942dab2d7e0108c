namespace LandRelease.Api.Activities;

/// <summary>Tunables of the activity checks, bound from the "Activities" configuration section.</summary>
public sealed class ActivityOptions
{
    public const string Section = "Activities";

    /// <summary>
    /// How far from its hazardous area a reference point may lie. A reference point is a landmark the team
    /// navigates from, usually within a few hundred metres; one much further off is a typing, zone or datum error.
    /// </summary>
    public double ReferencePointMaxMetres { get; set; } = 10_000;
}
