namespace LandRelease.Domain.Geometry;

/// <summary>One problem found in a submitted geometry. <see cref="Rule"/> is one of <see cref="GeometryRules"/>.</summary>
public sealed record GeometryIssue(string Rule, string Message, double? Longitude = null, double? Latitude = null);
