using System.Reflection;
using System.Text;
using LandRelease.Data.Ogc;
using Microsoft.AspNetCore.Http.Metadata;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// A FeatureCollection written as three parts: its opening members, the features as PostgreSQL wrote them (UTF-8,
/// never decoded), and its closing members. <typeparamref name="TSchema"/> only documents the shape in OpenAPI.
/// </summary>
internal sealed class GeoJsonPageResult<TSchema>(string opening, Utf8Features features, string closing)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => GeoJsonResult<TSchema>.MediaType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (features)
        {
            var response = httpContext.Response;
            var head = Encoding.UTF8.GetBytes(opening);
            var tail = Encoding.UTF8.GetBytes(closing);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.ContentLength = head.Length + features.Length + tail.Length;
            var ct = httpContext.RequestAborted;
            await response.Body.WriteAsync(head, ct);
            await features.CopyToAsync(response.Body, ct);
            await response.Body.WriteAsync(tail, ct);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), [GeoJsonResult<TSchema>.MediaType]));
}
