using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Releases;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Samples;

/// <summary>
/// Sample release decisions, driven through the same workflow service a national authority uses, so every
/// state, an overlap incident, a revocation and a closed, handed-over area appear in a fresh database.
/// </summary>
internal sealed class SampleDecisions(LandReleaseDbContext db, ReleaseDecisionService decisions)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<int> LoadAsync(string path, UserScope loader, CancellationToken ct)
    {
        if (!File.Exists(path) || await db.ReleaseDecisions.AnyAsync(ct))
        {
            return 0;
        }

        var samples = JsonSerializer.Deserialize<SampleDecision[]>(await File.ReadAllTextAsync(path, ct), JsonSerializerOptions.Web) ?? [];
        foreach (var sample in samples)
        {
            var area = await db.HazardAreas.AsNoTracking().SingleAsync(a => a.CountryCode == "KHM" && a.LocalId == sample.LocalId, ct);
            var request = new ReleaseDecisionRequest
            {
                HazardAreaId = area.Id,
                Kind = sample.Kind,
                Geometry = JsonSerializer.SerializeToElement(Portion(area.Geometry, sample.Portion), GeoJson),
                Organisation = sample.Organisation,
                DateOfInformation = sample.DateOfInformation,
                Notes = sample.Notes,
                EnteredArea = sample.EnteredArea,
            };
            var id = Expect(await decisions.DraftAsync(request, loader, ct), sample).Decision.Id;
            foreach (var move in sample.Moves)
            {
                var action = WireName<WorkflowAction>.Parse(move.Action);
                var body = new WorkflowRequest { Reason = move.Reason, EffectiveDate = move.EffectiveDate };
                Expect(await decisions.MoveAsync(id, action, body, loader, ct), sample);
            }
        }

        return samples.Length;
    }

    /// <summary>The whole area, or the part of it inside a vertical slice of its bounding box.</summary>
    private static Geometry Portion(MultiPolygon area, string portion)
    {
        var box = area.EnvelopeInternal;
        var (from, to) = portion switch
        {
            "WHOLE" => (0.0, 1.0),
            "WEST_HALF" => (0.0, 0.5),
            "MIDDLE_HALF" => (0.25, 0.75),
            "EAST_HALF" => (0.5, 1.0),
            _ => throw new InvalidOperationException($"Unknown sample portion {portion}."),
        };
        var slice = new Envelope(box.MinX + (box.Width * from), box.MinX + (box.Width * to), box.MinY, box.MaxY);
        return area.Intersection(area.Factory.ToGeometry(slice));
    }

    private static DecisionOutcome.Done Expect(DecisionOutcome outcome, SampleDecision sample) =>
        outcome as DecisionOutcome.Done
        ?? throw new InvalidOperationException($"Sample decision for {sample.LocalId} was refused: {outcome}");

    private sealed record SampleDecision(string LocalId, string Kind, string Portion, string Organisation,
        string DateOfInformation, string? Notes, EnteredAreaRequest? EnteredArea, SampleMove[] Moves);

    private sealed record SampleMove(string Action, string? Reason, string? EffectiveDate);
}
