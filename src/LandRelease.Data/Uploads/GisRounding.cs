namespace LandRelease.Data.Uploads;

/// <summary>
/// The precision GIS tools round coordinates to on export (QGIS and ogr2ogr write 9 decimals or fewer digits than the
/// register holds): a vertex within 1e-8 degrees of the stored one (about 1 mm) is the same vertex, so a file exported
/// from the register and sent back changes nothing.
/// </summary>
internal static class GisRounding
{
    public const double ToleranceDegrees = 1e-8;

    /// <summary>
    /// The staged outline (s.geometry) matches a stored version's (v.geometry) vertex for vertex, part for part and in
    /// the same order, each within the tolerance; an exact match is decided by the cheap = first.
    /// </summary>
    public const string SameOutline = """
        (v.geometry = s.geometry OR (
            ST_NPoints(v.geometry) = ST_NPoints(s.geometry)
            AND ST_Expand(v.geometry::box2d, 1e-8) ~ s.geometry::box2d
            AND NOT EXISTS (
                SELECT 1 FROM ST_DumpPoints(v.geometry) p FULL JOIN ST_DumpPoints(s.geometry) q ON q.path = p.path
                WHERE p.path IS NULL OR q.path IS NULL OR ST_Distance(p.geom, q.geom) > 1e-8)))
        """;
}
