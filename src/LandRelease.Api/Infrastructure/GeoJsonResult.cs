using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// GeoJSON text rendered by PostgreSQL, written as is. <typeparamref name="TSchema"/> only documents the
/// shape in OpenAPI; nothing is serialised through it.
/// </summary>
internal sealed class GeoJsonResult<TSchema>(string json, int statusCode = StatusCodes.Status200OK)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "application/geo+json";

    public int? StatusCode => statusCode;
    public string ContentType => MediaType;
    public string? Location { get; init; }
    public string? ETag { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = MediaType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), [MediaType]));
}
