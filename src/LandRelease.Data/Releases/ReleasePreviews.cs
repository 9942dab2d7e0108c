using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.Releases;

/// <summary>Counted land of the same area that a decision overlaps; <c>ReleasedEarlier</c>: it comes first in the crediting order.</summary>
public sealed record PreviewOverlap(Guid ReleaseDecisionId, double AreaSqm, DateOnly DateOfInformation, bool ReleasedEarlier);

/// <summary>
/// What approving a decision would credit (m²), how much of its land other counted decisions released before it,
/// how much lies outside its hazardous area (clipped off when counting), and which decisions it overlaps.
/// </summary>
public sealed record ReleasePreview(double CreditSqm, double AlreadyReleasedSqm, double OutsideSqm, IReadOnlyList<PreviewOverlap> Overlaps)
{
    public IEnumerable<PreviewOverlap> Earlier => Overlaps.Where(o => o.ReleasedEarlier);
}

/// <summary>The preview of an approval, from the very credits statement the approval runs (<see cref="ReleaseCounting.CreditsSql"/>).</summary>
public static class ReleasePreviews
{
    private sealed record Row(Guid HazardAreaId, double CreditSqm, double InsideSqm, double OutsideSqm, string Overlaps);

    private sealed record OverlapJson(Guid Id, double AreaSqm, DateOnly DateOfInformation, bool Earlier);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The preview of a decision, or null when no decision has the id. Run inside the approving transaction, it is what approval will credit.</summary>
    public static async Task<ReleasePreview?> OfAsync(LandReleaseDbContext db, Guid decisionId, CancellationToken ct)
    {
        var areaId = await db.ReleaseDecisions.Where(d => d.Id == decisionId).Select(d => (Guid?)d.HazardAreaId).FirstOrDefaultAsync(ct);
        if (areaId is not { } hazardAreaId)
        {
            return null;
        }

        var rows = await db.Database.SqlQueryRaw<Row>("WITH " + ReleaseCounting.CreditsSql + """
            SELECT d.hazard_area_id AS hazard_area_id,
                   COALESCE((SELECT sqm FROM credited WHERE credited.id = d.id), 0) AS credit_sqm,
                   ST_Area(ST_Intersection(d.geometry, a.geometry)::geography) AS inside_sqm,
                   ST_Area(ST_Difference(d.geometry, a.geometry)::geography) AS outside_sqm,
                   COALESCE((
                       SELECT json_agg(json_build_object('id', o.id, 'areaSqm', o.area_sqm, 'dateOfInformation', o.date_of_information,
                                                         'earlier', o.position < mine.position) ORDER BY o.position)
                       FROM (SELECT c.id, c.position, r.date_of_information,
                                    ST_Area(ST_Intersection(c.geom, ST_Intersection(d.geometry, a.geometry))::geography) AS area_sqm
                             FROM counted c JOIN release_decisions r ON r.id = c.id
                             WHERE c.id <> d.id AND ST_Intersects(c.geom, d.geometry)) o
                       JOIN counted mine ON mine.id = d.id
                       WHERE o.area_sqm > {2}
                   ), '[]')::text AS overlaps
            FROM release_decisions d JOIN hazard_areas a ON a.id = d.hazard_area_id
            WHERE d.id = {1}
            """, hazardAreaId, decisionId, ReleaseCounting.OverlapToleranceSqm).ToListAsync(ct);
        if (rows is not [var row])
        {
            return null;
        }

        var overlaps = JsonSerializer.Deserialize<OverlapJson[]>(row.Overlaps, Json) ?? [];
        return new ReleasePreview(row.CreditSqm, Math.Max(0, row.InsideSqm - row.CreditSqm), row.OutsideSqm,
            [.. overlaps.Select(o => new PreviewOverlap(o.Id, o.AreaSqm, o.DateOfInformation, o.Earlier))]);
    }
}
