using LandRelease.Api.Ogc;
using LandRelease.Data.Ogc;

namespace LandRelease.Api.Exports;

/// <summary>
/// Reads an export's query string: format, then the collection's property filters, bbox (with bbox-crs) and datetime
/// with the values and meaning the OGC items give them. Anything else is refused by name, as everywhere in the API.
/// </summary>
internal static class ExportRequest
{
    public static readonly string[] PlaceAndTime = ["bbox", "bbox-crs", "datetime"];

    public static (FeatureListQuery? Query, ExportFormat? Format) Read(IQueryCollection query, OgcCollection collection,
        IReadOnlyList<string> visible, Dictionary<string, string[]> errors)
    {
        var known = collection.Filters.Keys.Prepend("format").Concat(PlaceAndTime).ToList();
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
        string? One(string name) => query.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;
        var bboxCrs = OgcItemsRequest.ReadCrs("bbox-crs", One("bbox-crs"), errors);
        if (One("bbox-crs") is not null && One("bbox") is null)
        {
            errors["bbox-crs"] = ["bbox-crs says what CRS a bbox is in; give a bbox with it."];
        }

        var bbox = One("bbox") is { } b && bboxCrs is not null ? OgcItemsRequest.ReadBbox(b, bboxCrs, errors) : null;
        var (from, to) = One("datetime") is { } d ? OgcItemsRequest.ReadDatetime(d, errors) : (null, null);
        return errors.Count > 0
            ? (null, null)
            : (new FeatureListQuery(visible, int.MaxValue) { Filters = filters, Bbox = bbox, From = from, To = to }, format);
    }
}
