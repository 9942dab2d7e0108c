using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Infrastructure;

/// <summary>ProblemDetails for broken business rules: each violation names its rule, field and, for geometry, a location.</summary>
internal static class Problems
{
    public const string RuleViolationType = "https://landrelease.org/problems/rule-violation";

    public static ProblemHttpResult Unprocessable(IEnumerable<RuleViolation> violations, IEnumerable<GeometryIssue>? geometryIssues = null) =>
        Unprocessable(violations, (geometryIssues ?? []).Select(issue => ("geometry", issue)));

    /// <summary>For a request with several geometries (an activity's worked area and outcomes): each issue names its field.</summary>
    public static ProblemHttpResult Unprocessable(IEnumerable<RuleViolation> violations,
        IEnumerable<(string Field, GeometryIssue Issue)> geometryIssues)
    {
        var items = violations
            .Select(ToItem)
            .Concat(geometryIssues.Select(located => ToItem(located.Issue, located.Field)))
            .ToList();
        return TypedResults.Problem(
            title: "The request breaks a rule of the register",
            detail: string.Join(" ", items.Select(i => i["message"])),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: RuleViolationType,
            extensions: new Dictionary<string, object?> { ["violations"] = items });
    }

    /// <summary>One broken rule as problems and upload reports list it: rule, field, message (and a location for geometry).</summary>
    public static Dictionary<string, object?> Item(string rule, string field, string message) =>
        new() { ["rule"] = rule, ["field"] = field, ["message"] = message };

    public static Dictionary<string, object?> ToItem(RuleViolation violation)
    {
        var item = Item(violation.Rule, violation.Field, violation.Message);
        if (violation.Longitude is { } lon && violation.Latitude is { } lat)
        {
            item["location"] = new[] { lon, lat };
        }

        return item;
    }

    public static Dictionary<string, object?> ToItem(GeometryIssue issue) => ToItem(issue, "geometry");

    public static Dictionary<string, object?> ToItem(GeometryIssue issue, string field)
    {
        var item = Item(issue.Rule, field, issue.Message);
        if (issue.Longitude is { } lon && issue.Latitude is { } lat)
        {
            item["location"] = new[] { lon, lat };
        }

        return item;
    }

    /// <summary>An approval that would credit nothing: the violation names the decisions that released the land first.</summary>
    public static ProblemHttpResult AlreadyReleased(string message, IReadOnlyList<Guid> earlierDecisionIds)
    {
        var item = Item(ApprovalRules.AlreadyReleased, "geometry", message);
        item["releaseDecisionIds"] = earlierDecisionIds;
        return TypedResults.Problem(title: "The request breaks a rule of the register", detail: message,
            statusCode: StatusCodes.Status422UnprocessableEntity, type: RuleViolationType,
            extensions: new Dictionary<string, object?> { ["violations"] = new[] { item } });
    }

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(title: "Precondition failed", detail: detail, statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(title: "Precondition required", detail: detail,
            statusCode: StatusCodes.Status428PreconditionRequired, type: "https://www.rfc-editor.org/rfc/rfc6585#section-3");

    /// <summary>A workflow move that does not exist from the current state: says the state and the moves that do.</summary>
    public static ProblemHttpResult IllegalMove(string detail, string state, IReadOnlyList<string> allowedMoves) =>
        TypedResults.Problem(title: "Illegal workflow move", detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["state"] = state, ["allowedMoves"] = allowedMoves });

    /// <summary>A country the caller's token does not cover (countries are public: naming one tells nothing).</summary>
    public static ProblemHttpResult OutOfReach(string countryCode) => Forbidden($"Your token does not reach {countryCode}.");

    /// <summary>
    /// A record that does not exist, or that the caller may not read: one answer for both, since a 403 for another
    /// country's record and a 404 for a missing one would tell which ids exist.
    /// </summary>
    public static ProblemHttpResult NoSuch(string what, Guid id) => NotFound($"No {what} has id {id}.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
