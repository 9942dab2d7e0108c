using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;

namespace LandRelease.Domain.Tests.Activities;

public sealed class ActivityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static ActivityDetails Completed(ActivityType type, params DeviceCount[] devices) => new(
        "KHM-ACT-1", type, "CMAC", "Manual clearance to 13 cm", new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 30),
        ActivityStatus.Completed, devices, null);

    private static IReadOnlyList<RuleViolation> Check(ActivityDetails details, bool hasWorkedArea = true, params ReleaseKind[] kinds) =>
        ActivityRules.Check(details, hasWorkedArea, kinds, Today);

    [Theory]
    [InlineData(ActivityType.Nts, ReleaseKind.Cancelled)]
    [InlineData(ActivityType.Ts, ReleaseKind.Reduced)]
    [InlineData(ActivityType.Clearance, ReleaseKind.Cleared)]
    [InlineData(ActivityType.Bac, ReleaseKind.Cleared)]
    public void EachSurveyOrClearanceProposesItsOwnKindOfRelease(ActivityType type, ReleaseKind kind) =>
        Assert.Empty(Check(Completed(type), true, kind, kind));

    [Theory]
    [InlineData(ActivityType.Nts, ReleaseKind.Cleared)]
    [InlineData(ActivityType.Nts, ReleaseKind.Reduced)]
    [InlineData(ActivityType.Ts, ReleaseKind.Cancelled)]
    [InlineData(ActivityType.Ts, ReleaseKind.Cleared)]
    [InlineData(ActivityType.Clearance, ReleaseKind.Cancelled)]
    [InlineData(ActivityType.Bac, ReleaseKind.Reduced)]
    [InlineData(ActivityType.EodSpotTask, ReleaseKind.Cleared)]
    [InlineData(ActivityType.PostClearanceInspection, ReleaseKind.Cancelled)]
    public void AnOutcomeOfAnotherKindIsAMismatchNamingItsPosition(ActivityType type, ReleaseKind kind)
    {
        // A fitting outcome first (where the type has one), so the mismatch is the second.
        ReleaseKind[] kinds = ActivityRules.ReleaseKindOf(type) is { } fits ? [fits, kind] : [kind];

        var violations = Check(Completed(type), true, kinds);

        var violation = Assert.Single(violations);
        Assert.Equal(ActivityRules.OutcomeKindMismatch, violation.Rule);
        Assert.Equal($"properties.proposedOutcomes[{kinds.Length - 1}].kind", violation.Field);
        Assert.Contains(WireName<ReleaseKind>.Of(kind), violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASpotTaskWithoutOutcomesOrWorkedAreaIsAccepted() =>
        Assert.Empty(Check(Completed(ActivityType.EodSpotTask), hasWorkedArea: false));

    [Theory]
    [InlineData(ActivityType.Ts)]
    [InlineData(ActivityType.Clearance)]
    [InlineData(ActivityType.Bac)]
    public void ACompletedActivityThatWorksLandNeedsItsWorkedArea(ActivityType type)
    {
        var violation = Assert.Single(Check(Completed(type), hasWorkedArea: false));
        Assert.Equal(ActivityRules.WorkedAreaRequired, violation.Rule);
        Assert.Equal("geometry", violation.Field);
    }

    [Fact]
    public void AnOngoingClearanceOrACompletedNonTechnicalSurveyNeedsNoWorkedArea()
    {
        Assert.Empty(Check(Completed(ActivityType.Clearance) with { Status = ActivityStatus.Ongoing, EndDate = null }, hasWorkedArea: false));
        Assert.Empty(Check(Completed(ActivityType.Nts), hasWorkedArea: false));
    }

    [Fact]
    public void ACompletedActivityNeedsAnEndDate()
    {
        var violation = Assert.Single(Check(Completed(ActivityType.Nts) with { EndDate = null }));
        Assert.Equal((ActivityRules.EndDateRequired, "properties.endDate"), (violation.Rule, violation.Field));
    }

    [Fact]
    public void AnEndBeforeTheStartIsRefusedAndTheSameDayIsNot()
    {
        var details = Completed(ActivityType.Nts);
        var violation = Assert.Single(Check(details with { EndDate = details.StartDate.AddDays(-1) }));
        Assert.Equal((ActivityRules.EndBeforeStart, "properties.endDate"), (violation.Rule, violation.Field));
        Assert.Empty(Check(details with { EndDate = details.StartDate }));
    }

    [Theory]
    [InlineData(ActivityStatus.Ongoing)]
    [InlineData(ActivityStatus.Suspended)]
    [InlineData(ActivityStatus.Completed)]
    public void WorkThatHasHappenedCannotBeDatedInTheFuture(ActivityStatus status)
    {
        var details = Completed(ActivityType.Nts) with { Status = status, StartDate = Today.AddDays(2), EndDate = Today.AddDays(3) };

        var violations = Check(details);

        Assert.Equal(["properties.startDate", "properties.endDate"], violations.Select(v => v.Field).ToArray());
        Assert.All(violations, v => Assert.Equal(ActivityRules.DateInFuture, v.Rule));
    }

    [Fact]
    public void APlanMayLookAheadAndTomorrowIsNotYetTheFuture()
    {
        Assert.Empty(Check(Completed(ActivityType.Nts) with { Status = ActivityStatus.Planned, StartDate = Today.AddDays(30), EndDate = Today.AddDays(60) }));
        Assert.Empty(Check(Completed(ActivityType.Nts) with { StartDate = Today, EndDate = Today.AddDays(1) }));
    }

    [Fact]
    public void NegativeCountsAreRefusedOnePerField()
    {
        var violations = Check(Completed(ActivityType.Clearance, new DeviceCount(DeviceType.ApMine, -1, 0),
            new DeviceCount(DeviceType.AvMine, 2, -3)));

        Assert.Equal(["properties.devices[0].found", "properties.devices[1].destroyed"], violations.Select(v => v.Field).ToArray());
        Assert.All(violations, v => Assert.Equal(ActivityRules.DeviceCountNegative, v.Rule));
    }

    [Fact]
    public void ADeviceCountOverAMillionIsRefusedNamingTheCount()
    {
        var violation = Assert.Single(Check(Completed(ActivityType.Clearance, new DeviceCount(DeviceType.ApMine, 3, int.MaxValue))));

        Assert.Equal((ActivityRules.DeviceCountTooLarge, "properties.devices[0].destroyed"), (violation.Rule, violation.Field));
        Assert.Empty(Check(Completed(ActivityType.Clearance, new DeviceCount(DeviceType.ApMine, 1_000_000, 1_000_000))));
    }

    [Fact]
    public void ADeviceTypeListedTwiceIsRefusedAtItsSecondMention()
    {
        var violation = Assert.Single(Check(Completed(ActivityType.Clearance, new DeviceCount(DeviceType.Submunition, 4, 4),
            new DeviceCount(DeviceType.ApMine, 1, 1), new DeviceCount(DeviceType.Submunition, 1, 1))));

        Assert.Equal((ActivityRules.DeviceTypeRepeated, "properties.devices[2].type"), (violation.Rule, violation.Field));
    }

    [Fact]
    public void DevicesDestroyedMayExceedThoseFoundSinceTeamsDestroyWhatOthersFound() =>
        Assert.Empty(Check(Completed(ActivityType.EodSpotTask, new DeviceCount(DeviceType.OtherErw, 0, 12)), hasWorkedArea: false));

    [Fact]
    public void EveryBrokenRuleIsReportedAtOnce()
    {
        var details = Completed(ActivityType.Ts, new DeviceCount(DeviceType.ApMine, -1, 0)) with
        {
            EndDate = new DateOnly(2024, 1, 1),
        };

        var rules = Check(details, false, ReleaseKind.Cleared).Select(v => v.Rule).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal([ActivityRules.DeviceCountNegative, ActivityRules.EndBeforeStart, ActivityRules.OutcomeKindMismatch,
            ActivityRules.WorkedAreaRequired], rules);
    }

    [Theory]
    [InlineData(ActivityType.EodSpotTask, "EOD_SPOT_TASK")]
    [InlineData(ActivityType.PostClearanceInspection, "POST_CLEARANCE_INSPECTION")]
    [InlineData(ActivityType.Nts, "NTS")]
    [InlineData(ActivityType.Bac, "BAC")]
    public void TypesTravelAsUpperSnakeCase(ActivityType type, string wire)
    {
        Assert.Equal(wire, WireName<ActivityType>.Of(type));
        Assert.True(WireName<ActivityType>.TryParse(wire.ToLowerInvariant(), out var parsed));
        Assert.Equal(type, parsed);
    }
}
