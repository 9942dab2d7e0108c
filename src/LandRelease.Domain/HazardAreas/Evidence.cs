namespace LandRelease.Domain.HazardAreas;

/// <summary>One piece of evidence behind a classification: a device seen or an accident is direct, an interview indirect.</summary>
public sealed record Evidence(EvidenceKind Kind, string Description);
