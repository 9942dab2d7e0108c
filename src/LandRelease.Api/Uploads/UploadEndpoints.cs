using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LandRelease.Api.Uploads;

internal static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        var maxBytes = routes.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes;
        var group = routes.MapGroup("/api/uploads").WithTags("Uploads");
        group.MapPost("/", Upload).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(maxBytes)
            .AcceptsQuery([.. UploadParameters.Names, "fileName"])
            .WithDescription("A file of hazardous areas or activities (GeoJSON, zipped Shapefile, GeoPackage, KML/KMZ, CSV) as a " +
                             "multipart form (fields country, organisation, kind, crs, atomic, then the file) or as the raw body " +
                             "with those parameters in the query string.")
            .Documented("Upload a file of features", 403, 408, 409, 413, 422, 429).AddOpenApiOperationTransformer(UploadOpenApi.Describe);
        // The upload page's form (cookie and antiforgery token in a header, so the file is never buffered for the check).
        routes.MapPost(Web.Uploads.UploadPages.SendPath, Upload).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(maxBytes)
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        // The upload page's download links: the same files at the page's own address, as the regional page's downloads.
        routes.MapGet("/uploads/{id:guid}/features", UploadFeatureDownloads.Features).RequireAuthorization(Policies.RegisterWriter)
            .ExcludeFromDescription();
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.RegisterReader).Documented("Read an upload's state and outcomes", 404)
            .DocumentsQuery(QueryParameter.OneOf("outcome", "Only the features with this outcome.", WireName<FeatureOutcome>.All),
                new("after", "The index of the last feature of the previous page (-1 or absent for the first).") { Minimum = -1 },
                new("limit", "How many feature outcomes the page holds (default from Uploads__OutcomePageSize).") { Minimum = 1, Maximum = UploadStatus.MaxPage },
                new("flagged", "true: only the features refused or warned about."))
            .WithDescription("The upload's state, progress and one page of its feature outcomes (what became of each feature).");
        group.MapGet("/", UploadListEndpoint.List).RequireAuthorization(Policies.RegisterReader).Documented("List uploads")
            .DocumentsQuery([new("mine", "true: only the uploads you sent."), .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)])
            .WithDescription("The uploads you may read, newest first: your organisation's (field accounts) or your countries' (national authorities).");
        group.MapGet("/{id:guid}/features", UploadFeatureDownloads.Features).RequireAuthorization(Policies.RegisterReader)
            .Documented("Download an upload's features with their outcomes", 404)
            .DocumentsQuery(QueryParameter.OneOf("outcome", "Only the features with this outcome.", WireName<FeatureOutcome>.All),
                QueryParameter.OneOf("format", "The file's format (default geojson).", ["geojson", "csv"]))
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json", additionalContentTypes: "text/csv")
            .WithDescription("The upload's features with their outcome, rule and message, as a GeoJSON or CSV file to fix and send again.");
        return routes;
    }

    public static async Task<Results<Accepted<UploadStatusResponse>, Ok<UploadStatusResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, UploadReceiver receiver,
        LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await receiver.ReceiveAsync(request, UserScope.From(user), idempotencyKey, ct);
        switch (outcome)
        {
            case UploadOutcome.Malformed m:
                return TypedResults.ValidationProblem(m.Errors);
            case UploadOutcome.Forbidden f:
                return Problems.Forbidden(f.Reason);
            case UploadOutcome.Refused r:
                return TypedResults.Problem(title: r.Title, detail: r.Detail, statusCode: r.Status,
                    type: $"https://landrelease.org/problems/{r.Code}",
                    extensions: new Dictionary<string, object?> { ["code"] = r.Code, ["uploadId"] = r.UploadId });
        }

        var received = (UploadOutcome.Received)outcome;
        // The reply lists what needs the sender's eye: every rejection and every warning (the rest by the GET).
        var (status, _) = await UploadStatus.ReadAsync(db, received.UploadId, null, -1, UploadStatus.MaxPage, ct, flagged: true);
        var location = $"/api/uploads/{received.UploadId}";
        if (received.Replayed)
        {
            request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(status!);
        }

        return TypedResults.Accepted(location, status!);
    }

    public static async Task<Results<Ok<UploadStatusResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, string? outcome, int? after, int? limit, bool? flagged, LandReleaseDbContext db, IOptions<UploadOptions> options,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        FeatureOutcome? wanted = null;
        if (outcome is not null)
        {
            if (WireName<FeatureOutcome>.TryParse(outcome, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["outcome"] = [$"outcome is one of {string.Join(", ", WireName<FeatureOutcome>.All)}."];
            }
        }

        if (limit is < 1 or > UploadStatus.MaxPage)
        {
            errors["limit"] = [$"limit is between 1 and {UploadStatus.MaxPage}."];
        }

        if (after is < -1)
        {
            errors["after"] = ["after is the index of the last feature of the previous page (0 or more)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (status, country) = await UploadStatus.ReadAsync(db, id, wanted, after ?? -1, limit ?? options.Value.OutcomePageSize, ct,
            flagged ?? false);
        if (status is null)
        {
            return Problems.NotFound($"No upload has id {id}.");
        }

        return UserScope.From(user).CanRead(country!) ? TypedResults.Ok(status) : Problems.NotFound($"No upload has id {id}.");
    }
}
