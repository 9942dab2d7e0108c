using System.Security.Claims;
using LandRelease.Api.Access;
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
            .MapGet("/", List).RequireAuthorization(Policies.RegisterReader);
        return routes;
    }

    /// <summary>Overlapping releases found at approval, newest first, in the countries the caller may read.</summary>
    public static async Task<Ok<QualityIncidentResponse[]>> List(string? country, Guid? hazardAreaId, LandReleaseDbContext db,
        ClaimsPrincipal user, CancellationToken ct)
    {
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

        var incidents = await query.OrderByDescending(i => i.DetectedAt).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(incidents.Select(QualityIncidentResponse.From).ToArray());
    }
}

public sealed record QualityIncidentResponse(Guid Id, string Kind, Guid HazardAreaId, string CountryCode, Guid DecisionId,
    Guid[] OverlappingDecisionIds, double OverlapSqm, DateOnly DateOfInformation, DateTimeOffset DetectedAt)
{
    internal static QualityIncidentResponse From(QualityIncident i) => new(i.Id, WireName<IncidentKind>.Of(i.Kind), i.HazardAreaId,
        i.CountryCode, i.DecisionId, [.. i.OverlappingDecisionIds], Math.Round(i.OverlapSqm, 2), i.DateOfInformation, i.DetectedAt);
}
