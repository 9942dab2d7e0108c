namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

/// <summary>
/// Step 10: builds the stored form. RFC 7946 §3.1.6 wants exterior rings counter-clockwise and holes
/// clockwise; NTS's Normalize() does the opposite, so rings are oriented here, one by one.
/// </summary>
internal static class RingOrientation
{
    // Floating precision keeps coordinates exactly as given; plain Coordinate keeps the sequences 2D.
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static MultiPolygon ToMultiPolygon(IEnumerable<Ring> rings)
    {
        var polygons = rings
            .GroupBy(r => r.Polygon)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.Index).ToList();
                var shell = Wgs84.CreateLinearRing(Oriented(ordered[0].Points, counterClockwise: true));
                var holes = ordered.Skip(1)
                    .Select(h => Wgs84.CreateLinearRing(Oriented(h.Points, counterClockwise: false)))
                    .ToArray();
                return Wgs84.CreatePolygon(shell, holes);
            })
            .ToArray();
        return Wgs84.CreateMultiPolygon(polygons);
    }

    public static Coordinate[] Oriented(Coordinate[] ring, bool counterClockwise)
    {
        if (Orientation.IsCCW(ring) == counterClockwise)
        {
            return ring;
        }

        var reversed = (Coordinate[])ring.Clone();
        Array.Reverse(reversed);
        return reversed;
    }

    /// <summary>The same geometry with x and y exchanged, to test whether latitude and longitude were swapped.</summary>
    public static Geometry Swapped(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new SwapFilter());
        copy.GeometryChanged();
        return copy;
    }

    private sealed class SwapFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            double x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
