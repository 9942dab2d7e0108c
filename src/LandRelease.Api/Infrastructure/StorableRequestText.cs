using LandRelease.Domain.Common;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Query parameters and route values reach SQL as parameters; one PostgreSQL cannot store (a NUL character, %00)
/// would fail there. They are checked once here for every route, and refused as a 400 naming the parameter.
/// JSON bodies are checked as they are read (<see cref="StorableStringConverter"/>), uploads where they are read.
/// </summary>
internal static class StorableRequestText
{
    public static IApplicationBuilder UseStorableRequestText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = Refused(context.Request);
        if (errors.Count > 0)
        {
            await TypedResults.ValidationProblem(errors).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static Dictionary<string, string[]> Refused(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            if (StorableText.Problem(name) is { } nameProblem)
            {
                errors["query"] = [$"A query parameter's name: {nameProblem}"];
            }

            foreach (var value in values)
            {
                if (StorableText.Problem(value) is { } problem)
                {
                    errors[name] = [problem];
                }
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && StorableText.Problem(text) is { } problem)
            {
                errors[name] = [problem];
            }
        }

        return errors;
    }
}
