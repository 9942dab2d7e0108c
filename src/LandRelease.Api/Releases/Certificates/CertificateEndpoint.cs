using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Html;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// The land release certificate: a printable page the national authority, the operator and the community sign when
/// the land is handed over (IMAS 07.11, 08.30); as HTML, or as an A4 PDF printed from that HTML
/// (<c>Accept: application/pdf</c> or <c>?format=pdf</c>).
/// </summary>
internal static class CertificateEndpoint
{
    public const string HtmlContentType = "text/html; charset=utf-8";
    public const string PdfContentType = "application/pdf";

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/release-decisions").WithTags("Release decisions")
            .MapGet("/{id:guid}/certificate", Get)
            .RequireAuthorization(Policies.RegisterReader)
            .Produces<string>(StatusCodes.Status200OK, "text/html", PdfContentType)
            .Documented("Print a release decision's certificate (HTML or PDF)", 404, 409)
            .DocumentsQuery(QueryParameter.OneOf("format", "html (default) or pdf.", ["html", "pdf"]));
        return routes;
    }

    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Get(
        Guid id, string? format, LandReleaseDbContext db, ClaimsPrincipal user, HttpContext http, TimeProvider clock,
        HtmlDocuments documents, PdfPrinter printer, IOptions<CertificateOptions> options, CancellationToken ct)
    {
        if (format is not (null or "html" or "pdf"))
        {
            return TypedResults.Problem(title: "Unknown format", detail: $"format is html or pdf, not '{format}'.",
                statusCode: StatusCodes.Status400BadRequest);
        }

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

        var countryName = await db.Countries.AsNoTracking().Where(c => c.Code == decision.CountryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var authority = Authority.For(options.Value, decision.CountryCode, countryName ?? decision.CountryCode);
        var model = await CertificateModel.LoadAsync(db, decision, authority, clock.GetUtcNow(), ct);
        var html = await documents.RenderAsync<CertificateDocument>(new Dictionary<string, object?> { ["Model"] = model });
        http.Response.Headers.CacheControl = "private, no-store";
        if (WantsPdf(format, http.Request))
        {
            var name = decision.CertificateNumber ?? $"decision-{decision.Id}";
            return TypedResults.File(await printer.PrintAsync(html, ct), PdfContentType, $"land-release-certificate-{name}.pdf");
        }

        // The API's own CSP (default-src 'none') blocks the inline stylesheet; this page admits exactly that one.
        http.Response.Headers.ContentSecurityPolicy = CertificateStyle.ContentSecurityPolicy;
        return TypedResults.Content(html, HtmlContentType);
    }

    private static bool WantsPdf(string? format, HttpRequest request) =>
        format == "pdf" || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(PdfContentType, StringComparison.OrdinalIgnoreCase)));
}
