using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Common;

/// <summary>
/// Builds a ring from positions as given, or says plainly why it is not one. A ring of four positions with only two
/// distinct vertices is built: counting distinct vertices is a geometry rule, checked (and named) downstream.
/// </summary>
internal static class Rings
{
    public static readonly GeometryFactory Factory = new();

    public static LinearRing Build(List<Coordinate> positions, string name)
    {
        if (positions.Count < 4)
        {
            throw new FeatureProblem($"{name} has {positions.Count} positions; a ring needs at least 4, the last repeating the first.");
        }

        if (!positions[0].Equals2D(positions[^1]))
        {
            throw new FeatureProblem($"{name} is not closed: it ends at ({Text.Number(positions[^1].X)} {Text.Number(positions[^1].Y)}), "
                + $"not at its first position ({Text.Number(positions[0].X)} {Text.Number(positions[0].Y)}).");
        }

        return Factory.CreateLinearRing([.. positions]);
    }
}
