using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The one place where exceptions become responses. Expected failures are results, not exceptions;
/// what reaches here is malformed input caught by the framework, a race lost to another writer, or a bug.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
                Detail = bad.InnerException is JsonException json ? Describe(json) : bad.Message,
                Extensions = bad.InnerException is JsonException { Path: { Length: > 2 } path } located
                    ? new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [FieldOf(path)] = [FirstSentence(located.Message)] } }
                    : new Dictionary<string, object?>(),
            },
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                or Microsoft.EntityFrameworkCore.DbUpdateException
                {
                    InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
                } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Another request created the same record at the same moment; fetch it and retry if needed.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = environment.IsProduction() ? "The error has been logged." : exception.Message,
            },
        };

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string Describe(JsonException json) =>
        json.Path is null ? $"The body is not valid JSON: {json.Message}" : $"Invalid JSON at {json.Path}: {FirstSentence(json.Message)}";

    /// <summary>The field as validation problems name it: <c>$.properties.name</c> is <c>properties.name</c>.</summary>
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
