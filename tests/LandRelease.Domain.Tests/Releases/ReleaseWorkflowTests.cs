using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Tests.Releases;

/// <summary>Every (state, action) pair of the workflow: the eight that exist move; the other 34 are refused, nothing changed.</summary>
public sealed class ReleaseWorkflowTests
{
    private static readonly Actor Officer = new("officer-1", "CMAA");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly Dictionary<(DecisionState, WorkflowAction), DecisionState> Legal = new()
    {
        [(DecisionState.Draft, WorkflowAction.Submit)] = DecisionState.Submitted,
        [(DecisionState.Submitted, WorkflowAction.Approve)] = DecisionState.Approved,
        [(DecisionState.Submitted, WorkflowAction.Reject)] = DecisionState.Rejected,
        [(DecisionState.Approved, WorkflowAction.Certify)] = DecisionState.Certified,
        [(DecisionState.Certified, WorkflowAction.HandOver)] = DecisionState.HandedOver,
        [(DecisionState.Approved, WorkflowAction.Revoke)] = DecisionState.Revoked,
        [(DecisionState.Certified, WorkflowAction.Revoke)] = DecisionState.Revoked,
        [(DecisionState.HandedOver, WorkflowAction.Revoke)] = DecisionState.Revoked,
    };

    /// <summary>The moves that bring a new draft to each state.</summary>
    private static readonly Dictionary<DecisionState, WorkflowAction[]> PathTo = new()
    {
        [DecisionState.Draft] = [],
        [DecisionState.Submitted] = [WorkflowAction.Submit],
        [DecisionState.Approved] = [WorkflowAction.Submit, WorkflowAction.Approve],
        [DecisionState.Rejected] = [WorkflowAction.Submit, WorkflowAction.Reject],
        [DecisionState.Certified] = [WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Certify],
        [DecisionState.HandedOver] = [WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Certify, WorkflowAction.HandOver],
        [DecisionState.Revoked] = [WorkflowAction.Submit, WorkflowAction.Approve, WorkflowAction.Revoke],
    };

    public static TheoryData<DecisionState, WorkflowAction> LegalPairs() =>
        [.. Legal.Keys.Select(k => (k.Item1, k.Item2))];

    public static TheoryData<DecisionState, WorkflowAction> IllegalPairs() =>
        [.. Enum.GetValues<DecisionState>().SelectMany(s => Enum.GetValues<WorkflowAction>().Select(a => (s, a)))
            .Where(p => !Legal.ContainsKey(p))];

    internal static ReleaseDecision NewDraft()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var square = factory.CreatePolygon([new(103, 13), new(103.001, 13), new(103.001, 13.001), new(103, 13.001), new(103, 13)]);
        var details = new ReleaseDecisionDetails(ReleaseKind.Cleared, factory.CreateMultiPolygon([square]),
            new EnteredArea(1.2, AreaUnit.Ha), null, "CMAC", new DateOnly(2024, 3, 1), null, []);
        return ReleaseDecision.Draft(Guid.NewGuid(), Guid.NewGuid(), "KHM", details, new Actor("surveyor-1", "CMAC"), Now);
    }

    internal static ReleaseDecision DecisionIn(DecisionState state)
    {
        var decision = NewDraft();
        foreach (var action in PathTo[state])
        {
            Assert.True(decision.Move(action, Officer, Now, "because", Today).Succeeded);
        }

        Assert.Equal(state, decision.State);
        return decision;
    }

    [Fact]
    public void ThereAreFortyTwoPairsOfWhichEightAreLegal()
    {
        Assert.Equal(8, LegalPairs().Count);
        Assert.Equal(34, IllegalPairs().Count);
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void ALegalMoveReachesItsTargetAndIsRecordedAsAnEvent(DecisionState from, WorkflowAction action)
    {
        var decision = DecisionIn(from);
        var version = decision.Version;

        var result = decision.Move(action, Officer, Now.AddMinutes(5), "Checked on site", Today);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(Legal[(from, action)], ReleaseWorkflow.Target(from, action));
        Assert.Equal(Legal[(from, action)], decision.State);
        Assert.Equal(version + 1, decision.Version);
        var evt = Assert.IsType<DecisionEvent>(result.Event);
        Assert.Equal((from, Legal[(from, action)]), (evt.FromState, evt.ToState));
        Assert.Equal(("officer-1", "CMAA", "Checked on site"), (evt.By, evt.ByOrganisation, evt.Reason));
        Assert.Equal(decision.Id, evt.DecisionId);
        Assert.Equal(Now.AddMinutes(5), evt.At);
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void AnIllegalMoveIsRefusedNamingTheStateAndTheMovesThatExist(DecisionState from, WorkflowAction action)
    {
        var decision = DecisionIn(from);
        var version = decision.Version;

        var result = decision.Move(action, Officer, Now, "Some reason", Today);

        Assert.Null(ReleaseWorkflow.Target(from, action));
        Assert.False(result.Succeeded);
        Assert.False(result.ReasonMissing);
        Assert.Null(result.Event);
        Assert.Equal(from, decision.State);
        Assert.Equal(version, decision.Version);
        var expected = Legal.Keys.Where(k => k.Item1 == from).Select(k => WireName<WorkflowAction>.Of(k.Item2)).ToList();
        if (from == DecisionState.Draft)
        {
            expected.Insert(0, "EDIT");
        }

        Assert.Equal(expected, result.AllowedMoves);
        Assert.Contains(WireName<DecisionState>.Of(from), result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionState.Rejected)]
    [InlineData(DecisionState.Revoked)]
    public void RejectedAndRevokedAreFinal(DecisionState state)
    {
        Assert.Empty(ReleaseWorkflow.AllowedFrom(state));
        var result = DecisionIn(state).Move(WorkflowAction.Submit, Officer, Now, null, Today);
        Assert.Empty(result.AllowedMoves);
        Assert.Contains("final", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionState.Draft)]
    [InlineData(DecisionState.Submitted)]
    [InlineData(DecisionState.Approved)]
    [InlineData(DecisionState.Rejected)]
    [InlineData(DecisionState.Certified)]
    [InlineData(DecisionState.HandedOver)]
    [InlineData(DecisionState.Revoked)]
    public void AllowedFromListsExactlyTheLegalMoves(DecisionState state) =>
        Assert.Equal(Legal.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).Order(),
            ReleaseWorkflow.AllowedFrom(state).Order());

    [Fact]
    public void OnlyApprovedCertifiedAndHandedOverCount() =>
        Assert.Equal([DecisionState.Approved, DecisionState.Certified, DecisionState.HandedOver], ReleaseWorkflow.Counted.Order());

    [Fact]
    public void OnlySubmittingIsAnOperatorsMove() =>
        Assert.Equal([WorkflowAction.Submit], Enum.GetValues<WorkflowAction>().Where(a => !ReleaseWorkflow.IsAuthorityAct(a)));
}
