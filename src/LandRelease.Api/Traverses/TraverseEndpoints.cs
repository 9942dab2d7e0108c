using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Traverses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Traverses;

internal static class TraverseEndpoints
{
    public static IEndpointRouteBuilder MapTraverses(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/traverses").WithTags("Traverses")
            .MapPost("/preview", Preview).RequireAuthorization(Policies.AnyUser).Documented("Preview the outline a traverse draws", 422);
        routes.MapGet("/api/hazard-areas/{id:guid}/traverse", Kept).WithTags("Traverses").RequireAuthorization(Policies.RegisterReader)
            .Documented("Read the traverse a hazardous area was drawn from", 404);
        return routes;
    }

    /// <summary>The traverse the area's current outline was computed from: the observations as surveyed and the points.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Kept(Guid id, LandReleaseDbContext db,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var area = await db.HazardAreas.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.CountryCode, a.Version }).SingleOrDefaultAsync(ct);
        if (area is null || !UserScope.From(user).CanRead(area.CountryCode))
        {
            return Problems.NotFound($"No hazardous area has id {id}.");
        }

        var kept = await db.HazardAreaTraverses.AsNoTracking().Where(t => t.HazardAreaId == id && t.Version <= area.Version)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        return kept is null
            ? Problems.NotFound($"Hazardous area {id} was not drawn from a traverse.")
            : TypedResults.Content($"{{\"hazardAreaId\":\"{id}\",\"version\":{kept.Version},\"traverse\":{kept.Traverse}}}",
                "application/json");
    }

    /// <summary>Computes a traverse without storing anything, so a surveyor can check the closure before uploading.</summary>
    public static Results<Ok<TraversePreviewResponse>, ValidationProblem, ProblemHttpResult> Preview(
        [FromBody] TraverseRequest? request, TraverseCalculator calculator)
    {
        var errors = new Dictionary<string, string[]>();
        var input = Read(request, errors);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = calculator.Compute(input);
        if (!result.Succeeded)
        {
            return Problems.Unprocessable(result.Errors);
        }

        var s = result.Solution!;
        return TypedResults.Ok(new TraversePreviewResponse(s.Accepted, s.RejectionReason, s.Zone, s.GridConvergenceDegrees,
            s.MisclosureMetres, s.ClosureRatio, s.TraverseLengthMetres, s.PerimeterMetres, s.Points, s.ClosingPoint,
            s.Observations, s.Polygon));
    }

    private static TraverseInput? Read(TraverseRequest? request, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors["body"] = ["The body must be a traverse: referencePoint, bearingReference, angleUnit, legs."];
            return null;
        }

        if (request.ReferencePoint is not { X: { } x, Y: { } y } point)
        {
            errors["referencePoint"] = ["referencePoint {x, y, crs} is required (crs defaults to EPSG:4326)."];
            x = y = 0;
            point = null;
        }

        if (!WireName<BearingReference>.TryParse(request.BearingReference, out var reference))
        {
            errors["bearingReference"] = [$"bearingReference is one of {string.Join(", ", WireName<BearingReference>.All)}."];
        }

        if (!WireName<AngleUnit>.TryParse(request.AngleUnit, out var unit))
        {
            errors["angleUnit"] = [$"angleUnit is one of {string.Join(", ", WireName<AngleUnit>.All)}."];
        }

        var legs = new List<TraverseLeg>();
        for (var i = 0; i < (request.Legs?.Length ?? 0); i++)
        {
            if (request.Legs![i] is not { Bearing: { } bearing, Distance: { } distance })
            {
                errors[$"legs[{i}]"] = ["Each leg has a bearing and a distance (metres)."];
                continue;
            }

            legs.Add(new TraverseLeg(bearing, distance));
        }

        if (request.Legs is null)
        {
            errors["legs"] = ["legs are required: RP→BM, BM→TP1, then one per turning point, the last closing on TP1."];
        }

        return errors.Count > 0
            ? null
            : new TraverseInput(new TraverseReferencePoint(x, y, point!.Crs ?? "EPSG:4326"), reference, unit, legs,
                request.MagneticDeclinationDegrees);
    }
}
