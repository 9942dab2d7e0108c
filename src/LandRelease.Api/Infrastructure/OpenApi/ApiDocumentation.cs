namespace LandRelease.Api.Infrastructure;

/// <summary>
/// What a route's OpenAPI operation says beyond its handler's types: a summary (which also names the operation) and
/// the problem statuses its handler answers with. The statuses every route of its kind shares (400 for an unknown
/// query parameter, 401/403 for its policy, 413/415 for a body) are added by <see cref="ProblemResponses"/>.
/// </summary>
internal static class ApiDocumentation
{
    /// <param name="summary">A short imperative phrase, unique in the document: "List hazardous areas".</param>
    /// <param name="problems">The 4xx statuses the handler itself returns (404, 409, 412, 422, 428 ...).</param>
    public static TBuilder Documented<TBuilder>(this TBuilder builder, string summary, params int[] problems)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithSummary(summary).WithMetadata(new DocumentedProblems(problems));

    /// <summary>A create route whose result type also declares a 200 it never answers with: the document keeps its 201.</summary>
    public static RouteHandlerBuilder AnswersCreatedOnly(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses?.Remove("200");
            return Task.CompletedTask;
        });
}

/// <summary>The problem statuses a route's handler returns, as its mapping line declares them.</summary>
internal sealed record DocumentedProblems(IReadOnlyList<int> Statuses);
