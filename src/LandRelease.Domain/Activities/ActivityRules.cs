using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;

namespace LandRelease.Domain.Activities;

public static class ActivityRules
{
    public const string OutcomeKindMismatch = "outcome-kind-mismatch";
    public const string EndDateRequired = "end-date-required";
    public const string EndBeforeStart = "end-before-start";
    public const string DateInFuture = "date-in-future";
    public const string WorkedAreaRequired = "worked-area-required";
    public const string DeviceCountNegative = "device-count-negative";
    public const string DeviceCountTooLarge = "device-count-too-large";
    public const string DeviceTypeRepeated = "device-type-repeated";
    public const string IdentityIsFixed = "identity-is-fixed";

    /// <summary>
    /// IMAS 07.11: non-technical survey cancels land, technical survey reduces it, clearance (and battle area
    /// clearance) clears it. Spot tasks and post-clearance inspections release nothing.
    /// </summary>
    public static ReleaseKind? ReleaseKindOf(ActivityType type) => type switch
    {
        ActivityType.Nts => ReleaseKind.Cancelled,
        ActivityType.Ts => ReleaseKind.Reduced,
        ActivityType.Clearance or ActivityType.Bac => ReleaseKind.Cleared,
        _ => null,
    };

    /// <summary>Land is worked physically in these activities, so a completed one must say where.</summary>
    public static bool WorksLand(ActivityType type) => type is ActivityType.Ts or ActivityType.Clearance or ActivityType.Bac;

    /// <summary>Work under way or done on an OPEN area makes it WORKED_ON; planned and suspended work moves nothing.</summary>
    public static bool MovesAreaToWorkedOn(ActivityStatus status) => status is ActivityStatus.Ongoing or ActivityStatus.Completed;

    /// <summary>Rules every version of an activity must satisfy; field names are those of the GeoJSON request.</summary>
    public static IReadOnlyList<RuleViolation> Check(ActivityDetails details, bool hasWorkedArea,
        IReadOnlyList<ReleaseKind> proposedKinds, DateOnly today)
    {
        var violations = new List<RuleViolation>();
        CheckDates(details, today, violations);
        CheckOutcomes(details.Type, proposedKinds, violations);
        CheckDevices(details.Devices, violations);

        if (details.Status == ActivityStatus.Completed && WorksLand(details.Type) && !hasWorkedArea)
        {
            violations.Add(new(WorkedAreaRequired, "geometry",
                $"A completed {Wire(details.Type)} activity must give the land worked as the Feature's geometry (Polygon or MultiPolygon)."));
        }

        return violations;
    }

    /// <summary>The local id identifies the activity across uploads: once given, a revision may not change it.</summary>
    public static IReadOnlyList<RuleViolation> CheckRevision(Activity current, ActivityDetails revised, bool hasWorkedArea,
        IReadOnlyList<ReleaseKind> proposedKinds, DateOnly today)
    {
        var violations = new List<RuleViolation>(Check(revised, hasWorkedArea, proposedKinds, today));
        if (current.LocalId is not null && !string.Equals(current.LocalId, revised.LocalId, StringComparison.Ordinal))
        {
            violations.Add(new(IdentityIsFixed, "properties.localId",
                $"The local id '{current.LocalId}' identifies this activity and cannot change."));
        }

        return violations;
    }

    private static void CheckDates(ActivityDetails details, DateOnly today, List<RuleViolation> violations)
    {
        if (details.Status == ActivityStatus.Completed && details.EndDate is null)
        {
            violations.Add(new(EndDateRequired, "properties.endDate", "A completed activity needs its end date."));
        }

        if (details.EndDate is { } end && end < details.StartDate)
        {
            violations.Add(new(EndBeforeStart, "properties.endDate",
                $"The end date {end:yyyy-MM-dd} is before the start date {details.StartDate:yyyy-MM-dd}."));
        }

        // Only a plan may look ahead; work started, suspended or done happened on dates already past.
        if (details.Status == ActivityStatus.Planned)
        {
            return;
        }

        if (DatesOfInformation.IsInFuture(details.StartDate, today))
        {
            violations.Add(new(DateInFuture, "properties.startDate",
                $"The start date {details.StartDate:yyyy-MM-dd} is in the future, but the activity is {Wire(details.Status)}, not PLANNED."));
        }

        if (details.EndDate is { } endDate && DatesOfInformation.IsInFuture(endDate, today))
        {
            violations.Add(new(DateInFuture, "properties.endDate",
                $"The end date {endDate:yyyy-MM-dd} is in the future, but the activity is {Wire(details.Status)}, not PLANNED."));
        }
    }

    private static void CheckOutcomes(ActivityType type, IReadOnlyList<ReleaseKind> kinds, List<RuleViolation> violations)
    {
        var fits = ReleaseKindOf(type);
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == fits)
            {
                continue;
            }

            violations.Add(new(OutcomeKindMismatch, $"properties.proposedOutcomes[{i}].kind", fits is { } kind
                ? $"A {Wire(type)} activity proposes {WireName<ReleaseKind>.Of(kind)} land, not {WireName<ReleaseKind>.Of(kinds[i])}."
                : $"A {Wire(type)} activity releases no land, so it proposes no outcome ({WireName<ReleaseKind>.Of(kinds[i])} given)."));
        }
    }

    private static void CheckDevices(IReadOnlyList<DeviceCount> devices, List<RuleViolation> violations)
    {
        var seen = new HashSet<DeviceType>();
        for (var i = 0; i < devices.Count; i++)
        {
            var device = devices[i];
            if (device.Found < 0)
            {
                violations.Add(new(DeviceCountNegative, $"properties.devices[{i}].found", $"found is {device.Found}; a count is 0 or more."));
            }

            if (device.Destroyed < 0)
            {
                violations.Add(new(DeviceCountNegative, $"properties.devices[{i}].destroyed",
                    $"destroyed is {device.Destroyed}; a count is 0 or more."));
            }

            foreach (var (name, count) in new[] { ("found", device.Found), ("destroyed", device.Destroyed) })
            {
                if (count > PlausibleNumbers.MaxDeviceCount)
                {
                    violations.Add(new(DeviceCountTooLarge, $"properties.devices[{i}].{name}",
                        $"{name} is {count}; one activity reports at most {PlausibleNumbers.MaxDeviceCount:N0} of a type."));
                }
            }

            if (!seen.Add(device.Type))
            {
                violations.Add(new(DeviceTypeRepeated, $"properties.devices[{i}].type",
                    $"{WireName<DeviceType>.Of(device.Type)} is listed more than once; give one count per device type."));
            }
        }
    }

    private static string Wire(ActivityType type) => WireName<ActivityType>.Of(type);

    private static string Wire(ActivityStatus status) => WireName<ActivityStatus>.Of(status);
}
