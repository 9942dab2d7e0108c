using LandRelease.Api.Ogc;
using LandRelease.Data.Ogc;

namespace LandRelease.Api.Exports;

/// <summary>
/// Reads an export's query string: format, then the collection's property filters with the values the OGC items
/// accept. Anything else is refused by name, as everywhere in the API.
/// </summary>
internal static class ExportRequest
{
    public static (FeatureListQuery? Query, ExportFormat? Format) Read(IQueryCollection query, OgcCollection collection,
        IReadOnlyList<string> visible, Dictionary<string, string[]> errors)
    {
        var known = collection.Filters.Keys.Prepend("format").ToList();
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors[name] = [$"'{name}' is not a parameter of the {collection.Id} export; use {string.Join(", ", known)}."];
            }
            else if (values.Count > 1)
            {
                errors[name] = [$"{name} is given {values.Count} times; give it once."];
            }
        }

        var format = ExportFormat.Read(query.TryGetValue("format", out var f) && f.Count == 1 ? f[0] : null, ExportFormat.Features, errors);
        var filters = OgcItemsRequest.ReadFilters(query, collection, errors);
        return errors.Count > 0 ? (null, null) : (new FeatureListQuery(visible, int.MaxValue) { Filters = filters }, format);
    }
}
