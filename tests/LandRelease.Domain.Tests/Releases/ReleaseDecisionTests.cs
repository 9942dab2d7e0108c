using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using static LandRelease.Domain.Tests.Releases.ReleaseWorkflowTests;

namespace LandRelease.Domain.Tests.Releases;

/// <summary>Reasons, dates and edits of a single decision; and the entered area kept with its m².</summary>
public sealed class ReleaseDecisionTests
{
    private static readonly Actor Officer = new("officer-1", "CMAA");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void OnlyRejectAndRevokeNeedAReason() =>
        Assert.Equal([WorkflowAction.Reject, WorkflowAction.Revoke],
            Enum.GetValues<WorkflowAction>().Where(ReleaseWorkflow.RequiresReason).Order());

    [Theory]
    [InlineData(DecisionState.Submitted, WorkflowAction.Reject, null)]
    [InlineData(DecisionState.Submitted, WorkflowAction.Reject, "")]
    [InlineData(DecisionState.Submitted, WorkflowAction.Reject, "   ")]
    [InlineData(DecisionState.Approved, WorkflowAction.Revoke, null)]
    [InlineData(DecisionState.Certified, WorkflowAction.Revoke, " ")]
    [InlineData(DecisionState.HandedOver, WorkflowAction.Revoke, "")]
    public void RejectingOrRevokingWithoutAReasonIsRefusedAndNothingChanges(DecisionState from, WorkflowAction action, string? reason)
    {
        var decision = DecisionIn(from);
        var version = decision.Version;

        var result = decision.Move(action, Officer, Now, reason, Today);

        Assert.False(result.Succeeded);
        Assert.True(result.ReasonMissing);
        Assert.Null(result.Event);
        Assert.Equal(from, decision.State);
        Assert.Equal(version, decision.Version);
        Assert.Contains("reason", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(WorkflowAction.Submit)]
    [InlineData(WorkflowAction.Approve)]
    public void OtherMovesNeedNoReason(WorkflowAction action)
    {
        var decision = DecisionIn(action == WorkflowAction.Submit ? DecisionState.Draft : DecisionState.Submitted);
        Assert.True(decision.Move(action, Officer, Now, null, Today).Succeeded);
    }

    [Fact]
    public void ARejectionKeepsItsReason()
    {
        var decision = DecisionIn(DecisionState.Submitted);
        decision.Move(WorkflowAction.Reject, Officer, Now, "Polygon does not match the report", Today);
        Assert.Equal("Polygon does not match the report", decision.StateReason);
    }

    [Fact]
    public void ApprovalRecordsWhenItHappened()
    {
        var decision = DecisionIn(DecisionState.Submitted);
        Assert.Null(decision.ApprovedAt);
        decision.Move(WorkflowAction.Approve, Officer, Now.AddHours(2), null, Today);
        Assert.Equal(Now.AddHours(2), decision.ApprovedAt);
    }

    [Fact]
    public void ARevocationCountsFromItsEffectiveDateAndKeepsTheApprovalTime()
    {
        var decision = DecisionIn(DecisionState.Approved);
        var approvedAt = decision.ApprovedAt;
        decision.Move(WorkflowAction.Revoke, Officer, Now, "Device found", new DateOnly(2025, 1, 1));
        Assert.Equal(new DateOnly(2025, 1, 1), decision.RevokedFrom);
        Assert.Equal(approvedAt, decision.ApprovedAt);
        Assert.Equal("Device found", decision.StateReason);
    }

    [Fact]
    public void ADraftMayBeEdited()
    {
        var decision = NewDraft();
        var edited = NewDraft();
        var details = new ReleaseDecisionDetails(ReleaseKind.Reduced, edited.Geometry, null, null, "CMAC", new DateOnly(2024, 4, 1), "moved", []);

        var result = decision.Edit(details);

        Assert.True(result.Succeeded);
        Assert.Null(result.Event);
        Assert.Equal((ReleaseKind.Reduced, new DateOnly(2024, 4, 1), 2), (decision.Kind, decision.DateOfInformation, decision.Version));
        Assert.Null(decision.EnteredArea);
        Assert.Equal(DecisionState.Draft, decision.State);
    }

    [Theory]
    [InlineData(DecisionState.Submitted)]
    [InlineData(DecisionState.Approved)]
    [InlineData(DecisionState.Rejected)]
    [InlineData(DecisionState.Certified)]
    [InlineData(DecisionState.HandedOver)]
    [InlineData(DecisionState.Revoked)]
    public void OnlyADraftMayBeEdited(DecisionState state)
    {
        var decision = DecisionIn(state);
        var version = decision.Version;
        var details = new ReleaseDecisionDetails(ReleaseKind.Reduced, decision.Geometry, null, null, "CMAC", new DateOnly(2024, 4, 1), null, []);

        var result = decision.Edit(details);

        Assert.False(result.Succeeded);
        Assert.Equal((ReleaseKind.Cleared, version), (decision.Kind, decision.Version));
        Assert.Contains("cannot edit", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("EDIT", result.AllowedMoves);
    }

    [Theory]
    [InlineData(1234.5, AreaUnit.Sqm, 1234.5)]
    [InlineData(1.5, AreaUnit.Ha, 15_000)]
    [InlineData(0.25, AreaUnit.Km2, 250_000)]
    [InlineData(70, AreaUnit.Km2, 70_000_000)]
    [InlineData(0.0001, AreaUnit.Ha, 1)]
    public void AnEnteredAreaConvertsToSquareMetresAndKeepsWhatWasEntered(double value, AreaUnit unit, double squareMetres)
    {
        var entered = new EnteredArea(value, unit);
        Assert.Equal(squareMetres, entered.SquareMetres, 9);
        Assert.Equal((value, unit), (entered.Value, entered.Unit));
    }

    [Fact]
    public void AnEnteredAreaInAnUnknownUnitHasNoSquareMetres() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnteredArea(1, (AreaUnit)42).SquareMetres);

    [Theory]
    [InlineData("SQM", AreaUnit.Sqm)]
    [InlineData("HA", AreaUnit.Ha)]
    [InlineData("KM2", AreaUnit.Km2)]
    [InlineData(" ha ", AreaUnit.Ha)]
    public void UnitsHaveTheirWireNames(string wire, AreaUnit unit)
    {
        Assert.True(WireName<AreaUnit>.TryParse(wire, out var parsed));
        Assert.Equal(unit, parsed);
    }
}
