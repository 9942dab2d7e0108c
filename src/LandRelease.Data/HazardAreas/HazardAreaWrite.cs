namespace LandRelease.Data.HazardAreas;

/// <summary>What became of a write of <see cref="HazardAreaWriter"/>.</summary>
public abstract record HazardAreaWrite
{
    public sealed record Stored(Guid Id) : HazardAreaWrite;

    /// <summary>The country already has an area with the local id (<see cref="Guid.Empty"/> when a concurrent write took it).</summary>
    public sealed record Duplicate(Guid ExistingId) : HazardAreaWrite;

    /// <summary>Another write stored a newer version first.</summary>
    public sealed record Stale(int CurrentVersion) : HazardAreaWrite;
}
