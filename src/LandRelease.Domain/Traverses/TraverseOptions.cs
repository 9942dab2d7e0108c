namespace LandRelease.Domain.Traverses;

/// <summary>
/// When a traverse's misclosure is acceptable. Defaults, for compass-and-tape work around a hazard: a hand
/// compass read to half a degree (about 9 mils) and a taped or paced distance close a small loop at about
/// 1:300 when done honestly, while a misread bearing, a swapped leg or a leg left out closes at 1:50 or
/// worse. 1:200 passes the first and catches the second. The absolute cap of 5 m keeps a long traverse from
/// passing on its ratio alone: a boundary several metres off puts a cleared lane's edge in uncleared ground.
/// </summary>
public sealed class TraverseOptions
{
    /// <summary>The largest distance between the computed closing point and TP1, in metres.</summary>
    public double MaxMisclosureMetres { get; init; } = 5.0;

    /// <summary>The smallest N of 1:N (surveyed length from the benchmark / misclosure).</summary>
    public double MinClosureRatio { get; init; } = 200;

    /// <summary>A longer leg is a typing error: traverses are taped around a hazard, not across a province.</summary>
    public double MaxLegMetres { get; init; } = 10_000;

    public static TraverseOptions Default { get; } = new();
}
