namespace LandRelease.Domain.Common;

/// <summary>Who did something: the authenticated user and the organisation they act for (IMAS: every change says who).</summary>
public sealed record Actor(string Name, string? Organisation);
