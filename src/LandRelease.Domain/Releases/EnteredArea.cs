namespace LandRelease.Domain.Releases;

/// <summary>An area as a surveyor wrote it (1.5 ha), kept beside its value in square metres.</summary>
public sealed record EnteredArea(double Value, AreaUnit Unit)
{
    public double SquareMetres => Unit switch
    {
        AreaUnit.Sqm => Value,
        AreaUnit.Ha => Value * 10_000,
        AreaUnit.Km2 => Value * 1_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown unit."),
    };
}
