using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Tests.Activities;

public sealed class ActivityTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly Actor Surveyor = new("surveyor", "CMAC");

    private static ActivityDetails Details(params DeviceCount[] devices) => new(
        "KHM-ACT-1", ActivityType.Clearance, "CMAC", "Manual", new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 30),
        ActivityStatus.Completed, devices, null);

    private static MultiPolygon Square(double lon, double size = 0.001) => Factory.CreateMultiPolygon([
        Factory.CreatePolygon([new(lon, 13.5), new(lon + size, 13.5), new(lon + size, 13.5 + size), new(lon, 13.5 + size), new(lon, 13.5)]),
    ]);

    private static ActivityShapes Shapes(params OutcomeShape[] outcomes) =>
        new(Factory.CreatePoint(new Coordinate(102.9, 13.49)), Square(102.95, 0.003), outcomes);

    private static Activity NewActivity(ActivityShapes shapes, params DeviceCount[] devices) =>
        Activity.Record(Guid.NewGuid(), Guid.NewGuid(), "KHM", Details(devices), shapes, Surveyor, DateTimeOffset.UnixEpoch, "Recorded");

    [Fact]
    public void RevisingKeepsOneRowPerDeviceTypeAndDropsTypesNoLongerListed()
    {
        var activity = NewActivity(Shapes(), new DeviceCount(DeviceType.ApMine, 3, 3), new DeviceCount(DeviceType.AvMine, 1, 1));
        var first = activity.Devices.Single(d => d.DeviceType == DeviceType.ApMine);

        activity.Revise(Details(new DeviceCount(DeviceType.ApMine, 4, 4), new DeviceCount(DeviceType.Submunition, 7, 6)), Shapes(),
            Surveyor, DateTimeOffset.UnixEpoch.AddDays(1), "Recount");

        Assert.Equal(2, activity.Version);
        Assert.Same(first, activity.Devices.Single(d => d.DeviceType == DeviceType.ApMine));
        Assert.Equal([(DeviceType.ApMine, 4, 4), (DeviceType.Submunition, 7, 6)],
            activity.Devices.Select(d => (d.DeviceType, d.Found, d.Destroyed)).OrderBy(d => d.DeviceType).ToArray());
    }

    [Fact]
    public void AnOutcomeStatedAgainUnchangedKeepsItsDecisionEvenWhenItMoves()
    {
        var a = new OutcomeShape(ReleaseKind.Cleared, Square(102.95));
        var b = new OutcomeShape(ReleaseKind.Cleared, Square(102.951));
        var activity = NewActivity(Shapes(a, b));
        var decisionForA = Guid.NewGuid();
        activity.LinkDecisions(new Dictionary<int, Guid> { [0] = decisionForA }, Surveyor, DateTimeOffset.UnixEpoch);

        activity.Revise(Details(), Shapes(b, a), Surveyor, DateTimeOffset.UnixEpoch.AddDays(1), "Reordered");

        Assert.Equal([0, 1], activity.ProposedOutcomes.Select(o => o.Ordinal).ToArray());
        Assert.Null(activity.ProposedOutcomes[0].ReleaseDecisionId);
        Assert.Equal(decisionForA, activity.ProposedOutcomes[1].ReleaseDecisionId);
        Assert.True(activity.ProposedOutcomes[1].Geometry.EqualsExact(a.Geometry));
    }

    [Fact]
    public void AChangedOutcomeLosesItsDecisionAndSurplusOutcomesAreDropped()
    {
        var activity = NewActivity(Shapes(new OutcomeShape(ReleaseKind.Cleared, Square(102.95)),
            new OutcomeShape(ReleaseKind.Cleared, Square(102.951))));
        activity.LinkDecisions(new Dictionary<int, Guid> { [0] = Guid.NewGuid(), [1] = Guid.NewGuid() }, Surveyor, DateTimeOffset.UnixEpoch);

        activity.Revise(Details(), Shapes(new OutcomeShape(ReleaseKind.Cleared, Square(102.95, 0.0005))), Surveyor,
            DateTimeOffset.UnixEpoch.AddDays(1), "Smaller");

        var outcome = Assert.Single(activity.ProposedOutcomes);
        Assert.Null(outcome.ReleaseDecisionId);
    }

    [Fact]
    public void LinkingDecisionsIsANewVersionSayingSoAndLinkingNoneIsNot()
    {
        var activity = NewActivity(Shapes(new OutcomeShape(ReleaseKind.Cleared, Square(102.95))));

        activity.LinkDecisions(new Dictionary<int, Guid>(), new Actor("officer", "CMAA"), DateTimeOffset.UnixEpoch.AddDays(2));
        Assert.Equal(1, activity.Version);

        activity.LinkDecisions(new Dictionary<int, Guid> { [0] = Guid.NewGuid() }, new Actor("officer", "CMAA"), DateTimeOffset.UnixEpoch.AddDays(2));
        Assert.Equal(2, activity.Version);
        Assert.Equal("officer", activity.RecordedBy);
        Assert.Contains("1 proposed outcome", activity.ChangeReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AResubmissionOfTheSameFactsIsRecognisedAndAnyDifferenceIsNot()
    {
        var outcome = new OutcomeShape(ReleaseKind.Cleared, Square(102.95));
        var activity = NewActivity(Shapes(outcome), new DeviceCount(DeviceType.ApMine, 2, 2), new DeviceCount(DeviceType.AvMine, 1, 0));

        Assert.True(activity.States(Details(new DeviceCount(DeviceType.AvMine, 1, 0), new DeviceCount(DeviceType.ApMine, 2, 2)),
            Shapes(new OutcomeShape(ReleaseKind.Cleared, Square(102.95)))));
        Assert.False(activity.States(Details(new DeviceCount(DeviceType.ApMine, 2, 2)), Shapes(outcome)));
        Assert.False(activity.States(Details(new DeviceCount(DeviceType.ApMine, 2, 2), new DeviceCount(DeviceType.AvMine, 1, 0)) with
        {
            Method = "Mechanical",
        }, Shapes(outcome)));
        Assert.False(activity.States(Details(new DeviceCount(DeviceType.ApMine, 2, 2), new DeviceCount(DeviceType.AvMine, 1, 0)),
            Shapes(new OutcomeShape(ReleaseKind.Cleared, Square(102.95, 0.002)))));
    }

    [Fact]
    public void ALocalIdOnceGivenCannotChangeButMayBeGivenLater()
    {
        var activity = NewActivity(Shapes());
        var today = new DateOnly(2026, 11, 29);

        var changed = ActivityRules.CheckRevision(activity, Details() with { LocalId = "OTHER" }, true, [], today);
        Assert.Equal((ActivityRules.IdentityIsFixed, "properties.localId"), (Assert.Single(changed).Rule, changed[0].Field));

        var unnamed = Activity.Record(Guid.NewGuid(), Guid.NewGuid(), "KHM", Details() with { LocalId = null }, Shapes(), Surveyor,
            DateTimeOffset.UnixEpoch, "Recorded");
        Assert.Empty(ActivityRules.CheckRevision(unnamed, Details() with { LocalId = "NEW" }, true, [], today));
    }
}
