using System.Globalization;
using LandRelease.Data.Releases;
using LandRelease.Domain.Releases;
using LandRelease.Web.Reports;

namespace LandRelease.Web.Review;

/// <summary>How the review pages read their query and word kinds and states.</summary>
public static class ReviewText
{
    private static readonly Dictionary<string, QueueSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["submitted"] = QueueSort.Submitted,
        ["localId"] = QueueSort.LocalId,
        ["operator"] = QueueSort.Organisation,
        ["kind"] = QueueSort.Kind,
        ["area"] = QueueSort.Area,
    };

    public static string SortName(QueueSort sort) => Sorts.First(s => s.Value == sort).Key;

    public static (QueueSort Sort, bool Descending, int Page, PageProblem? Problem) ReadQueueQuery(string? sort, string? dir, string? page)
    {
        var column = QueueSort.Submitted;
        if (sort is not null && !Sorts.TryGetValue(sort, out column))
        {
            return (default, false, 1, new PageProblem(400, "Unknown sort", $"sort is one of {string.Join(", ", Sorts.Keys)}, not '{sort}'."));
        }

        if (dir is not (null or "asc" or "desc"))
        {
            return (default, false, 1, new PageProblem(400, "Unknown direction", $"dir is asc or desc, not '{dir}'."));
        }

        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return (default, false, 1, new PageProblem(400, "Unknown page", $"page is a whole number from 1, not '{page}'."));
        }

        return (column, dir == "desc", number, null);
    }

    public static string Kind(ReleaseKind kind) => kind switch
    {
        ReleaseKind.Cancelled => "Cancelled (NTS)",
        ReleaseKind.Reduced => "Reduced (TS)",
        _ => "Cleared",
    };

    public static string State(DecisionState state) => state switch
    {
        DecisionState.HandedOver => "Handed over",
        _ => state.ToString(),
    };

    public static string Move(WorkflowAction action) => action switch
    {
        WorkflowAction.HandOver => "Hand over",
        _ => action.ToString(),
    };

    public static string MoveValue(WorkflowAction action) => action == WorkflowAction.HandOver ? "hand-over" : action.ToString().ToLowerInvariant();

    public static string Sqm(double sqm) => sqm.ToString("N0", CultureInfo.InvariantCulture) + " m²";
}
