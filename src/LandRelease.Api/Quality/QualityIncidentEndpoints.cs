using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Quality;

internal static class QualityIncidentEndpoints
{
    public static IEndpointRouteBuilder MapQualityIncidents(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/quality-incidents").WithTags("Quality incidents")
            .MapGet("/", List).RequireAuthorization(Policies.RegisterReader).Documented("List quality incidents")
            .DocumentsQuery([QueryParameter.Country("incidents"), new("hazardAreaId", "Only the incidents on land released from this hazardous area."), .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)]);
        return routes;
    }

    /// <summary>Overlapping releases found at approval in the countries the caller may read, by id, a page at a time.</summary>
    public static async Task<Results<Ok<ListResponse<QualityIncidentResponse>>, ValidationProblem>> List(string? country,
        Guid? hazardAreaId, int? limit, string? cursor, LandReleaseDbContext db, ClaimsPrincipal user, HttpRequest request,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var after = ListPaging.ReadCursor<Guid>(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var visible = UserScope.From(user).ReadableCountries;
        var query = db.QualityIncidents.AsNoTracking().Where(i => visible.Contains(i.CountryCode));
        if (country is not null)
        {
            var code = CountryCode.Normalise(country);
            query = query.Where(i => i.CountryCode == code);
        }

        if (hazardAreaId is { } areaId)
        {
            query = query.Where(i => i.HazardAreaId == areaId);
        }

        if (after is { } last)
        {
            query = query.Where(i => i.Id.CompareTo(last) > 0);
        }

        var page = await ListPaging.TakeAsync(query.OrderBy(i => i.Id), pageSize, i => i.Id.ToString(), request, ct);
        return TypedResults.Ok(page.Map(QualityIncidentResponse.From));
    }
}

public sealed record QualityIncidentResponse(Guid Id, string Kind, Guid HazardAreaId, string CountryCode, Guid DecisionId,
    Guid[] OverlappingDecisionIds, double OverlapSqm, DateOnly DateOfInformation, DateTimeOffset DetectedAt)
{
    internal static QualityIncidentResponse From(QualityIncident i) => new(i.Id, WireName<IncidentKind>.Of(i.Kind), i.HazardAreaId,
        i.CountryCode, i.DecisionId, [.. i.OverlappingDecisionIds], Math.Round(i.OverlapSqm, 2), i.DateOfInformation, i.DetectedAt);
}
