using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// The handover certificate of released land: a printable page the national authority, the operator and the
/// community sign when the land is handed over (IMAS 07.11, 08.30).
/// </summary>
internal static class CertificateEndpoint
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/release-decisions").WithTags("Release decisions")
            .MapGet("/{id:guid}/certificate", Get)
            .RequireAuthorization(Policies.RegisterReader)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Get(
        Guid id, LandReleaseDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var decision = await db.ReleaseDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null || !UserScope.From(user).CanRead(decision.CountryCode))
        {
            return Problems.NotFound($"No release decision has id {id}.");
        }

        // A certificate of land not (or no longer) approved must not exist, not even as a draft print.
        if (!ReleaseWorkflow.Counted.Contains(decision.State))
        {
            var state = WireName<DecisionState>.Of(decision.State);
            var allowed = string.Join(", ", ReleaseWorkflow.Counted.Select(WireName<DecisionState>.Of));
            return TypedResults.Problem(title: "No certificate for this decision",
                detail: $"Release decision {id} is in state {state}; a certificate exists only for a decision that is {allowed}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["state"] = state });
        }

        var model = await CertificateModel.LoadAsync(db, decision, clock.GetUtcNow(), ct);

        // The API's own CSP (default-src 'none') blocks the inline stylesheet; this page admits exactly that one.
        http.Response.Headers.ContentSecurityPolicy = CertificateStyle.ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(CertificateHtml.Render(model), HtmlContentType);
    }
}
