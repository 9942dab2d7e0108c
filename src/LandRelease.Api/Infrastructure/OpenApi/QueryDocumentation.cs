using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// A query parameter as the OpenAPI document describes it: what it means, and the values, range and default the
/// handler checks (the framework sees only its C# type). Attached to a route with <see cref="QueryDocumentation.DocumentsQuery"/>.
/// </summary>
internal sealed record QueryParameter(string Name, string Description)
{
    public IReadOnlyCollection<string>? Values { get; init; }
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    public int? Default { get; init; }
    public string? Format { get; init; }

    /// <summary>limit and cursor of a list that pages by its <c>next</c> link.</summary>
    public static QueryParameter[] Paging(int defaultLimit, int maxLimit) =>
    [
        new("limit", $"How many items a page holds (default {defaultLimit}, at most {maxLimit}); follow the `next` link for the rest.")
        {
            Minimum = 1, Maximum = maxLimit, Default = defaultLimit,
        },
        new("cursor", "Where the page starts: the cursor in the previous page's `next` link (absent for the first page)."),
    ];

    public static QueryParameter Country(string what) =>
        new("country", $"Only {what} of this country: its ISO 3166 alpha-3 code (e.g. KHM), one of those your token reaches.");

    public static QueryParameter OneOf(string name, string description, IReadOnlyCollection<string> values) =>
        new(name, description) { Values = values };

    public static QueryParameter Date(string name, string description) => new(name, description) { Format = "date" };
}

internal static class QueryDocumentation
{
    public static TBuilder DocumentsQuery<TBuilder>(this TBuilder builder, params QueryParameter[] parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedQuery(parameters));

    private sealed record DocumentedQuery(IReadOnlyList<QueryParameter> Parameters);

    /// <summary>Writes each documented query parameter into its operation, adding those the handler reads itself.</summary>
    internal sealed class Transformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            var documented = context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedQuery>().SelectMany(d => d.Parameters);
            foreach (var query in documented)
            {
                operation.Parameters ??= [];
                var existing = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query
                                                                        && string.Equals(p.Name, query.Name, StringComparison.OrdinalIgnoreCase));
                if (existing is not null)
                {
                    operation.Parameters.Remove(existing);
                }

                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = existing?.Name ?? query.Name,
                    In = ParameterLocation.Query,
                    Description = query.Description,
                    Schema = query is { Values: null, Minimum: null, Maximum: null, Format: null } && existing?.Schema is { Type: not null } typed
                        ? typed
                        : Schema(query),
                });
            }

            return Task.CompletedTask;
        }

        private static OpenApiSchema Schema(QueryParameter query)
        {
            if (query.Minimum is not null || query.Maximum is not null)
            {
                return new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = query.Minimum?.ToString(CultureInfo.InvariantCulture),
                    Maximum = query.Maximum?.ToString(CultureInfo.InvariantCulture),
                    Default = query.Default is { } value ? JsonValue.Create(value) : null,
                };
            }

            return new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = query.Format,
                Enum = query.Values is { } values ? [.. values.Select(v => (JsonNode)v)] : null,
            };
        }
    }
}
