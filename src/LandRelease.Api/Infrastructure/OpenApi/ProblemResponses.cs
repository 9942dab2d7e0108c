using LandRelease.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Every operation's problem responses, as application/problem+json: those its route declares
/// (<see cref="ApiDocumentation.Documented"/>) and those it shares with every route of its kind, read from the
/// route's metadata: 400 (the unknown-query-parameter check and binding, on every API route), 401 and 403 (its
/// authorization policy), 413 and 415 (a request body), 429 (a rate limit).
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedSet<int>(metadata.OfType<DocumentedProblems>().SelectMany(d => d.Statuses)) { StatusCodes.Status400BadRequest };
        var policies = metadata.OfType<IAuthorizeData>().ToList();
        if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (policies.Any(p => p.Policy != Policies.AnyUser))
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body) || operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ProblemSchema.Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemSchema.MediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, context.Document) },
                },
            };
        }

        return Task.CompletedTask;
    }
}
