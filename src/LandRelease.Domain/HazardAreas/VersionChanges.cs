using System.Globalization;
using LandRelease.Domain.Common;

namespace LandRelease.Domain.HazardAreas;

/// <summary>One attribute that differs between two versions, written as a person reads it.</summary>
public sealed record AttributeChange(string Attribute, string Before, string After);

/// <summary>What a version changed from the one before: its attributes, whether the polygon moved, and the m² gained or lost.</summary>
public sealed record VersionChange(int Version, IReadOnlyList<AttributeChange> Attributes, bool GeometryChanged, double AreaChangeSqm)
{
    public bool IsEmpty => Attributes.Count == 0 && !GeometryChanged;
}

/// <summary>
/// The readable difference between successive versions of a hazardous area. Geometry is compared as shapes (the same
/// polygon with its vertices starting elsewhere is unchanged); the area change is the versions' stored geodesic m².
/// </summary>
public static class VersionChanges
{
    public static VersionChange Between(HazardAreaVersion before, HazardAreaVersion after)
    {
        var attributes = new List<AttributeChange>();
        void Compare(string attribute, string was, string now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                attributes.Add(new AttributeChange(attribute, was, now));
            }
        }

        Compare("Local id", before.LocalId, after.LocalId);
        Compare("Name", before.Name, after.Name);
        Compare("Classification", WireName<HazardClassification>.Of(before.Classification), WireName<HazardClassification>.Of(after.Classification));
        Compare("Contamination", Contamination(before.Contamination), Contamination(after.Contamination));
        Compare("Status", WireName<HazardAreaStatus>.Of(before.Status), WireName<HazardAreaStatus>.Of(after.Status));
        Compare("Evidence", Evidence(before.Evidence), Evidence(after.Evidence));
        Compare("Date of information", Date(before.DateOfInformation), Date(after.DateOfInformation));
        Compare("Organisation", before.OrganisationCode, after.OrganisationCode);

        var geometryChanged = !before.Geometry.EqualsTopologically(after.Geometry);
        return new VersionChange(after.Version, attributes, geometryChanged, geometryChanged ? after.AreaSqm - before.AreaSqm : 0);
    }

    /// <summary>Each version with its change from the one before (the first, as recorded, has none).</summary>
    public static IReadOnlyList<VersionChange?> Of(IReadOnlyList<HazardAreaVersion> versionsInOrder) =>
        [.. versionsInOrder.Select((v, i) => i == 0 ? null : Between(versionsInOrder[i - 1], v))];

    // Order does not make a difference: the same types listed otherwise are the same contamination.
    private static string Contamination(IEnumerable<ContaminationType> types) =>
        string.Join(", ", types.Select(WireName<ContaminationType>.Of).Order(StringComparer.Ordinal));

    private static string Evidence(IEnumerable<Evidence> evidence) =>
        string.Join("; ", evidence.Select(e => $"{WireName<EvidenceKind>.Of(e.Kind)}: {e.Description}"));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
