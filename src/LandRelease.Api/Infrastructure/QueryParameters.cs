using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The query parameters a route accepts, checked once for every route of the API: a parameter the route does not
/// know is a 400 naming it, never silently ignored (a misspelt filter must not return the unfiltered register).
/// By default a route accepts the query-bound parameters of its handler; <see cref="AcceptsQuery"/> adds names a
/// handler reads itself, and <see cref="ChecksOwnQuery"/> marks a route whose names depend on data (OGC items).
/// </summary>
internal static class QueryParameters
{
    private static readonly ConcurrentDictionary<RouteEndpoint, HashSet<string>?> Accepted = new();

    /// <summary>Names this route reads from the query string beyond its handler's parameters.</summary>
    public static TBuilder AcceptsQuery<TBuilder>(this TBuilder builder, params string[] names) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AcceptedQuery(names));

    /// <summary>The handler refuses unknown names itself (OGC items: the property filters are the collection's).</summary>
    public static TBuilder ChecksOwnQuery<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OwnQueryCheck());

    public static IApplicationBuilder UseQueryParameterCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && context.Request.Query.Count > 0
            && AcceptedBy(endpoint) is { } accepted)
        {
            var unknown = context.Request.Query.Keys.Where(k => !accepted.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                var known = accepted.Count == 0 ? "it takes no query parameters" : $"it accepts {string.Join(", ", accepted.Order(StringComparer.Ordinal))}";
                var errors = unknown.ToDictionary(name => name, name => new[] { $"'{name}' is not a parameter of this route; {known}." });
                await TypedResults.ValidationProblem(errors, detail: $"Unknown query parameter(s): {string.Join(", ", unknown)}.")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    /// <summary>Null when the route is not the API's or checks its own query string.</summary>
    internal static HashSet<string>? AcceptedBy(RouteEndpoint endpoint) => Accepted.GetOrAdd(endpoint, Describe);

    private static HashSet<string>? Describe(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.RawText ?? "";
        if (!(route.StartsWith("/api", StringComparison.Ordinal) || route.StartsWith("/ogc", StringComparison.Ordinal))
            || endpoint.Metadata.GetMetadata<OwnQueryCheck>() is not null)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var extra in endpoint.Metadata.GetOrderedMetadata<AcceptedQuery>())
        {
            names.UnionWith(extra.Names);
        }

        var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            names.UnionWith(handler.GetParameters().Select(p => QueryName(p, routeValues)).OfType<string>());
        }

        return names;
    }

    /// <summary>The query name a handler parameter binds from, as minimal APIs infer it; null for route, body, header, services.</summary>
    private static string? QueryName(ParameterInfo parameter, HashSet<string> routeValues)
    {
        if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
        {
            return fromQuery.Name ?? parameter.Name;
        }

        if (parameter.GetCustomAttributes().Any(a => a is FromBodyAttribute or FromHeaderAttribute or FromServicesAttribute
                or FromRouteAttribute or FromFormAttribute or AsParametersAttribute)
            || parameter.Name is null || routeValues.Contains(parameter.Name))
        {
            return null;
        }

        var type = parameter.ParameterType.IsArray ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsEnum || Parsable(type) ? parameter.Name : null;
    }

    private static bool Parsable(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null
        || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is not null;

    private sealed record AcceptedQuery(string[] Names);

    private sealed record OwnQueryCheck;
}
