using LandRelease.Domain.Common;

namespace LandRelease.Domain.Releases;

/// <summary>The rules a workflow move is checked against before it is made, apart from the state machine itself.</summary>
public static class ReleaseRules
{
    /// <summary>
    /// Who may make a move: a national authority of the decision's country for its acts (approve, reject, certify,
    /// hand over, revoke), anyone who writes for the decision's organisation in that country to submit it.
    /// </summary>
    /// <returns>Null when allowed, else why not.</returns>
    public static string? RefuseMover(WorkflowAction action, string countryCode, string organisationCode,
        bool isAuthorityOfCountry, bool writesForOrganisation)
    {
        if (ReleaseWorkflow.IsAuthorityAct(action))
        {
            return isAuthorityOfCountry
                ? null
                : $"Only the national authority of {countryCode} may {WireName<WorkflowAction>.Of(action).ToLowerInvariant().Replace('_', '-')} a decision.";
        }

        return writesForOrganisation
            ? null
            : $"Your token does not allow submitting this {countryCode} decision of {organisationCode}.";
    }

    /// <summary>
    /// A revocation takes effect between the decision's date of information (it cannot undo land before it was
    /// released) and today (with the one day of slack every date of information has across time zones).
    /// </summary>
    /// <returns>Null when the date is allowed, else why not.</returns>
    public static string? RefuseRevocationDate(DateOnly effective, DateOnly decisionDateOfInformation, DateOnly today) =>
        effective < decisionDateOfInformation || DatesOfInformation.IsInFuture(effective, today)
            ? $"A revocation takes effect between the decision's date of information ({decisionDateOfInformation:yyyy-MM-dd}) and today."
            : null;

    /// <summary>Land beyond the tolerance smaller than this is rounding in the geodesic difference, not land outside.</summary>
    public const double OutsideNoiseSqm = 0.01;

    /// <summary>DOMAIN rule 2 (stay inside): a decision's land lies within its hazardous area, within a tolerance.</summary>
    public static RuleViolation? Outside(double outsideSqm, double beyondToleranceSqm, double toleranceMetres) =>
        beyondToleranceSqm > OutsideNoiseSqm
            ? new RuleViolation("outside-hazard-area", "geometry",
                $"The released land lies {outsideSqm:0.##} m² outside its hazardous area (tolerance {toleranceMetres} m).")
            : null;
}
