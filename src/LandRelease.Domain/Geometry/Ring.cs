namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>
/// One ring of the geometry under check, as 2D coordinates. Polygon and Index are 0-based; Index 0 is the
/// outer boundary, the rest are holes.
/// </summary>
internal sealed record Ring(int Polygon, int Index, Coordinate[] Points)
{
    public bool IsShell => Index == 0;

    /// <summary>"Ring 2 of polygon 1": the 1-based naming the survey officer sees.</summary>
    public string Name => IssueText.RingName(Polygon, Index);

    public string Role => IsShell ? "its outer boundary" : $"hole {Index}";

    /// <summary>The ring's vertices without the closing point that repeats the first.</summary>
    public int VertexCount => Math.Max(Points.Length - 1, 0);

    public IEnumerable<(Coordinate From, Coordinate To)> Edges()
    {
        for (var i = 1; i < Points.Length; i++)
        {
            yield return (Points[i - 1], Points[i]);
        }
    }
}
