using LandRelease.Domain.Releases;

namespace LandRelease.Domain.Tests.Releases;

/// <summary>Who may move a decision, when a revocation may take effect, and how far outside its area a decision may lie.</summary>
public sealed class ReleaseRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateOnly Released = new(2024, 3, 1);

    [Theory]
    [InlineData(WorkflowAction.Approve)]
    [InlineData(WorkflowAction.Reject)]
    [InlineData(WorkflowAction.Certify)]
    [InlineData(WorkflowAction.HandOver)]
    [InlineData(WorkflowAction.Revoke)]
    public void OnlyTheCountrysNationalAuthorityMakesItsActsWhateverOrganisationItWritesFor(WorkflowAction action)
    {
        Assert.Null(ReleaseRules.RefuseMover(action, "KHM", "HALO", isAuthorityOfCountry: true, writesForOrganisation: false));
        var refusal = ReleaseRules.RefuseMover(action, "KHM", "HALO", isAuthorityOfCountry: false, writesForOrganisation: true);
        Assert.StartsWith("Only the national authority of KHM may ", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void TheActIsNamedAsTheRouteNamesIt()
    {
        Assert.Equal("Only the national authority of LAO may hand-over a decision.",
            ReleaseRules.RefuseMover(WorkflowAction.HandOver, "LAO", "MAG", false, false));
    }

    [Fact]
    public void SubmittingIsForWhoeverWritesForTheDecisionsOrganisationNotForTheAuthorityAsSuch()
    {
        Assert.Null(ReleaseRules.RefuseMover(WorkflowAction.Submit, "KHM", "HALO", isAuthorityOfCountry: false, writesForOrganisation: true));
        Assert.Equal("Your token does not allow submitting this KHM decision of HALO.",
            ReleaseRules.RefuseMover(WorkflowAction.Submit, "KHM", "HALO", isAuthorityOfCountry: true, writesForOrganisation: false));
    }

    [Fact]
    public void ARevocationTakesEffectFromTheDecisionsDateOfInformationToTomorrow()
    {
        Assert.Null(ReleaseRules.RefuseRevocationDate(Released, Released, Today));
        Assert.Null(ReleaseRules.RefuseRevocationDate(Today, Released, Today));
        // A team east of UTC is already on the server's tomorrow.
        Assert.Null(ReleaseRules.RefuseRevocationDate(Today.AddDays(1), Released, Today));
    }

    [Fact]
    public void ARevocationBeforeTheReleaseOrPastTomorrowIsRefusedNamingTheWindow()
    {
        Assert.Equal("A revocation takes effect between the decision's date of information (2024-03-01) and today.",
            ReleaseRules.RefuseRevocationDate(Released.AddDays(-1), Released, Today));
        Assert.NotNull(ReleaseRules.RefuseRevocationDate(Today.AddDays(2), Released, Today));
    }

    [Fact]
    public void LandOutsideWithinTheToleranceOrBelowRoundingIsNoViolation()
    {
        Assert.Null(ReleaseRules.Outside(outsideSqm: 35, beyondToleranceSqm: 0, toleranceMetres: 1));
        Assert.Null(ReleaseRules.Outside(outsideSqm: 35, beyondToleranceSqm: ReleaseRules.OutsideNoiseSqm, toleranceMetres: 1));
    }

    [Fact]
    public void LandBeyondTheToleranceIsAViolationOnTheGeometryWithItsArea()
    {
        var violation = ReleaseRules.Outside(outsideSqm: 1234.567, beyondToleranceSqm: 1200, toleranceMetres: 1);
        Assert.NotNull(violation);
        Assert.Equal(("outside-hazard-area", "geometry"), (violation.Rule, violation.Field));
        Assert.Contains("1234.57 m²", violation.Message, StringComparison.Ordinal);
    }
}
