using LandRelease.Domain.AdminAreas;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.AdminAreas;

/// <summary>Land two areas of one level of a country both hold: its geodesic m² and a point inside it.</summary>
public sealed record AdminAreaOverlap(string Code, string OtherCode, int Level, double Sqm, double Longitude, double Latitude);

/// <summary>Finds the areas of a country whose outlines share land with another area of their level.</summary>
public static class AdminAreaOverlaps
{
    /// <summary>Each overlap of one of <paramref name="codes"/> with another area as stored (both ways round when both are named).</summary>
    public static async Task<IReadOnlyList<AdminAreaOverlap>> OfAsync(LandReleaseDbContext db, string countryCode,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var codeArray = codes.ToArray();
        var found = await db.Database.SqlQuery<AdminAreaOverlap>($"""
            SELECT a.code AS code, b.code AS other_code, a.level AS level, o.sqm AS sqm,
                   ST_X(o.inside) AS longitude, ST_Y(o.inside) AS latitude
            FROM admin_areas a
            JOIN admin_areas b ON b.country_code = a.country_code AND b.level = a.level AND b.code <> a.code
                AND ST_Intersects(a.geometry, b.geometry)
            CROSS JOIN LATERAL (SELECT ST_CollectionExtract(ST_Intersection(a.geometry, b.geometry), 3) AS land) l
            CROSS JOIN LATERAL (SELECT ST_Area(l.land::geography) AS sqm, ST_PointOnSurface(l.land) AS inside) o
            WHERE a.country_code = {countryCode} AND a.code = ANY({codeArray}) AND NOT ST_IsEmpty(l.land)
              AND o.sqm >= {AdminAreaRules.OverlapToleranceSqm}
            ORDER BY a.code, b.code
            """).ToListAsync(ct);
        return found;
    }
}
