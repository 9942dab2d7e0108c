namespace LandRelease.Data.HazardAreas;

/// <summary>
/// The traverse a version of a hazardous area was drawn from: the surveyor's bearings and distances as written, and
/// the points computed from them (JSON), so the outline can always be traced back to what was measured.
/// </summary>
public sealed class HazardAreaTraverse
{
    public Guid HazardAreaId { get; init; }
    public int Version { get; init; }
    public string Traverse { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
}
