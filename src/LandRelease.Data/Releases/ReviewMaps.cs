using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.Releases;

/// <summary>
/// The review map of a decision as one GeoJSON FeatureCollection (built by PostGIS), each feature's <c>layer</c> one of:
/// <c>area</c> (the hazardous area), <c>remaining</c> (its land not yet released), <c>released</c> (land other counted
/// decisions released there) and <c>decision</c> (this decision's land); with a <c>bbox</c> of them all.
/// </summary>
public static class ReviewMaps
{
    public static async Task<string?> ForAsync(LandReleaseDbContext db, Guid decisionId, CancellationToken ct)
    {
        var json = await db.Database.SqlQuery<string>($"""
            WITH d AS (SELECT id, hazard_area_id, geometry FROM release_decisions WHERE id = {decisionId}),
            layers AS (
                SELECT 'area' AS layer, a.geometry AS geom FROM d JOIN hazard_areas a ON a.id = d.hazard_area_id
                UNION ALL
                SELECT 'remaining', a.remaining_geometry FROM d JOIN hazard_areas a ON a.id = d.hazard_area_id
                UNION ALL
                SELECT 'released', ST_Union(o.geometry) FROM d JOIN release_decisions o ON o.hazard_area_id = d.hazard_area_id
                    AND o.id <> d.id AND o.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')
                UNION ALL
                SELECT 'decision', d.geometry FROM d
            )
            SELECT json_build_object(
                'type', 'FeatureCollection',
                'bbox', (SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM (SELECT ST_Extent(geom)::geometry AS e FROM layers) x),
                'features', COALESCE(json_agg(json_build_object('type', 'Feature', 'properties', json_build_object('layer', layer),
                                                                'geometry', ST_AsGeoJSON(geom, 7)::json)), '[]'))::text AS "Value"
            FROM layers WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
            HAVING count(*) > 0
            """).ToListAsync(ct);
        return json.FirstOrDefault();
    }
}
