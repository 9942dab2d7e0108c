using LandRelease.Domain.Common;
using LandRelease.Intake;

namespace LandRelease.Api.Uploads;

/// <summary>
/// A file's attribute that PostgreSQL cannot store (a NUL byte in a DBF, CSV or GeoJSON value) rejects its feature,
/// naming the attribute; the feature goes on without it, so nothing of it reaches the database, not even its outcome row.
/// </summary>
internal static class StorableAttributes
{
    public static (SourceFeature Feature, List<(string Attribute, string Problem)> Refused) Split(SourceFeature feature)
    {
        List<(string, string)> refused = [];
        foreach (var (name, value) in feature.Attributes)
        {
            if ((StorableText.Problem(name) ?? StorableText.Problem(value)) is { } refusal)
            {
                refused.Add((StorableText.IsStorable(name) ? name : "attribute", refusal));
            }
        }

        if (refused.Count == 0 && StorableText.IsStorable(feature.Problem))
        {
            return (feature, refused);
        }

        var kept = feature.Attributes
            .Where(a => StorableText.IsStorable(a.Key) && StorableText.IsStorable(a.Value))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var problem = feature.Problem is { } p && !StorableText.IsStorable(p) ? "The feature could not be read." : feature.Problem;
        return (feature with { Attributes = kept, Problem = problem }, refused);
    }
}
