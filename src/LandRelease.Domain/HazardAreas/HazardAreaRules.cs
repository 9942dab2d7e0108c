using LandRelease.Domain.Common;

namespace LandRelease.Domain.HazardAreas;

public static class HazardAreaRules
{
    public const string ChaNeedsDirectEvidence = "cha-needs-direct-evidence";
    public const string DateInFuture = "date-of-information-in-future";
    public const string IdentityIsFixed = "identity-is-fixed";

    /// <summary>Rules every version of a hazardous area must satisfy.</summary>
    public static IReadOnlyList<RuleViolation> Check(HazardAreaDetails details, DateOnly today)
    {
        var violations = new List<RuleViolation>();

        // IMAS 08.10: confirmation needs direct evidence; indirect evidence only supports suspicion.
        if (details.Classification == HazardClassification.Cha
            && !details.Evidence.Any(e => e.Kind == EvidenceKind.Direct))
        {
            violations.Add(new(ChaNeedsDirectEvidence, "properties.classification",
                "A confirmed hazardous area (CHA) needs at least one DIRECT evidence record " +
                "(a device seen, an accident); with only indirect evidence it stays an SHA."));
        }

        if (DatesOfInformation.IsInFuture(details.DateOfInformation, today))
        {
            violations.Add(new(DateInFuture, "properties.dateOfInformation",
                $"The date of information {details.DateOfInformation:yyyy-MM-dd} is in the future."));
        }

        return violations;
    }

    /// <summary>Country and local id identify the record across uploads, so a revision may not change them.</summary>
    public static IReadOnlyList<RuleViolation> CheckRevision(HazardArea current, HazardAreaDetails revised, DateOnly today)
    {
        var violations = new List<RuleViolation>(Check(revised, today));
        if (!string.Equals(current.CountryCode, revised.CountryCode, StringComparison.Ordinal))
        {
            violations.Add(new(IdentityIsFixed, "properties.countryCode",
                $"A hazardous area cannot move from {current.CountryCode} to {revised.CountryCode}; register a new one."));
        }

        if (!string.Equals(current.LocalId, revised.LocalId, StringComparison.Ordinal))
        {
            violations.Add(new(IdentityIsFixed, "properties.localId",
                $"The local id '{current.LocalId}' identifies this area and cannot change."));
        }

        return violations;
    }
}
