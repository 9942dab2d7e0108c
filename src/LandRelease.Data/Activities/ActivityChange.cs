using LandRelease.Domain.Activities;

namespace LandRelease.Data.Activities;

/// <summary>
/// One activity in the state to store: <see cref="Action"/> is the audit row's (<c>CREATE</c> inserts version 1; any
/// other action writes the next version over the one it was made from), <see cref="Before"/> the audit snapshot of the
/// version it replaces, <see cref="ReportsSince"/> the earliest date whose figures it may change.
/// </summary>
public sealed record ActivityChange(Activity Activity, string Action, string? Before, DateOnly ReportsSince)
{
    public const string Create = "CREATE";
    public const string Revise = "REVISE";
    public const string DraftDecisions = "DRAFT_DECISIONS";

    public bool IsNew => Action == Create;

    public static ActivityChange Created(Activity activity) => new(activity, Create, null, activity.StartDate);
}

/// <summary>What became of one change: written (with the Feature kept as its version), or left out and why.</summary>
public enum ActivityWriteResult
{
    Written,

    /// <summary>Another activity of the country took the local id between the checks and the write.</summary>
    LocalIdTaken,

    /// <summary>The activity moved past the version the change was made from.</summary>
    Stale,
}

public sealed record ActivityWritten(ActivityWriteResult Result, string? Feature);
