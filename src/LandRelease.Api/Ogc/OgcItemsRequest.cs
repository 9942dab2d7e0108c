using System.Globalization;
using LandRelease.Data.Ogc;

namespace LandRelease.Api.Ogc;

/// <summary>
/// Reads the query string of an items request. Every parameter not listed here is refused by name: a client
/// that believes it filtered (a misspelt "stauts") must not receive the unfiltered register.
/// </summary>
internal static class OgcItemsRequest
{
    public const int DefaultLimit = 100;

    /// <summary>The largest page; a larger limit is served at this size (OGC API - Features 1, 7.15.4), with next links.</summary>
    public const int MaxLimit = 1000;

    private static readonly string[] Common = ["limit", "bbox", "bbox-crs", "crs", "datetime", "cursor", "f"];

    public static IEnumerable<string> KnownParameters(OgcCollection collection) => Common.Concat(collection.Filters.Keys);

    public static FeatureListQuery? Read(IQueryCollection query, OgcCollection collection, IReadOnlyList<string> visible,
        Dictionary<string, string[]> errors)
    {
        var known = KnownParameters(collection).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (!known.Contains(name))
            {
                errors[name] = [$"'{name}' is not a parameter of {collection.Id} items; use {string.Join(", ", known)}."];
            }
            else if (values.Count > 1)
            {
                errors[name] = [$"{name} is given {values.Count} times; give it once."];
            }
        }

        string? One(string name) => query.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

        var crs = ReadCrs("crs", One("crs"), errors);
        var bboxCrs = ReadCrs("bbox-crs", One("bbox-crs"), errors);
        if (One("bbox-crs") is not null && One("bbox") is null)
        {
            errors["bbox-crs"] = ["bbox-crs says what CRS a bbox is in; give a bbox with it."];
        }

        var bbox = One("bbox") is { } b && bboxCrs is not null ? ReadBbox(b, bboxCrs, errors) : null;
        var (from, to) = One("datetime") is { } d ? ReadDatetime(d, errors) : (null, null);
        var limit = ReadLimit(One("limit"), errors);
        if (One("f") is { } f && f.Trim().ToLowerInvariant() is not ("json" or "geojson"))
        {
            errors["f"] = [$"Items come as GeoJSON: f=json (or geojson), not '{f}'."];
        }

        Guid? after = null;
        if (One("cursor") is { } cursor)
        {
            after = Guid.TryParse(cursor, out var id) ? id : null;
            if (after is null)
            {
                errors["cursor"] = ["cursor is not one this server issued; follow the 'next' link of the previous page."];
            }
        }

        var filters = ReadFilters(query, collection, errors);
        return errors.Count > 0 || crs is null
            ? null
            : new FeatureListQuery(visible, limit)
            {
                Filters = filters, Bbox = bbox, From = from, To = to, After = after, Crs = crs, CountMatched = after is null,
            };
    }

    public static OutputCrs? ReadCrs(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return OutputCrs.Crs84;
        }

        var found = OgcCrsList.Find(value);
        if (found is null)
        {
            errors[name] = [OgcCrsList.Unsupported(name, value)];
        }

        return found;
    }

    private static int ReadLimit(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return DefaultLimit;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            // Digits too many for an int still mean "as many as you give": served at the maximum.
            if (value.Length > 0 && value.All(char.IsAsciiDigit) && value.TrimStart('0').Length > 0)
            {
                return MaxLimit;
            }

            errors["limit"] = [$"limit is a whole number from 1 (pages hold at most {MaxLimit}; a larger limit is served at {MaxLimit})."];
            return DefaultLimit;
        }

        return Math.Min(limit, MaxLimit);
    }

    internal static Dictionary<string, string> ReadFilters(IQueryCollection query, OgcCollection collection,
        Dictionary<string, string[]> errors)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, allowed) in collection.Filters)
        {
            if (!query.TryGetValue(name, out var values) || values.Count != 1 || values[0] is not { } raw)
            {
                continue;
            }

            var value = collection.CaseSensitiveFilters.Contains(name) ? raw.Trim() : raw.Trim().ToUpperInvariant();
            if (allowed is not null && !allowed.Contains(value))
            {
                errors[name] = [$"'{raw}' is not a {name} of {collection.Id}: use one of {string.Join(", ", allowed)}."];
            }
            else if (name == "country" && (value.Length != 3 || !value.All(char.IsAsciiLetterUpper)))
            {
                errors[name] = ["country is an ISO 3166 alpha-3 code, e.g. KHM."];
            }
            else
            {
                filters[name] = value;
            }
        }

        return filters;
    }

    internal static BboxFilter? ReadBbox(string bbox, OutputCrs crs, Dictionary<string, string[]> errors)
    {
        var parts = bbox.Split(',');
        var v = new double[parts.Length];
        var numbers = parts.Length == 4 && parts.Select((p, i) =>
            double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) && double.IsFinite(v[i])).All(ok => ok);
        var axes = crs.Srid == 4326 ? crs.LatitudeFirst ? "minLat,minLon,maxLat,maxLon" : "minLon,minLat,maxLon,maxLat" : "minEasting,minNorthing,maxEasting,maxNorthing";
        if (!numbers || v[0] > v[2] || v[1] > v[3])
        {
            errors["bbox"] = [$"bbox is four numbers in {crs.Uri}: {axes}, min <= max."];
            return null;
        }

        var (lon1, lat1, lon2, lat2) = crs.LatitudeFirst ? (v[1], v[0], v[3], v[2]) : (v[0], v[1], v[2], v[3]);
        if (crs.Srid == 4326 && (lon1 < -180 || lon2 > 180 || lat1 < -90 || lat2 > 90))
        {
            errors["bbox"] = [$"bbox must lie within -180..180 longitude and -90..90 latitude ({axes})."];
            return null;
        }

        return new BboxFilter(v[0], v[1], v[2], v[3], crs);
    }

    /// <summary>An instant or an interval (start/end, ".." or empty for an open end), of dates or date-times; compared by date.</summary>
    internal static (DateOnly? From, DateOnly? To) ReadDatetime(string value, Dictionary<string, string[]> errors)
    {
        var parts = value.Split('/');
        if (parts.Length > 2 || (parts.Length == 2 && IsOpen(parts[0]) && IsOpen(parts[1])))
        {
            errors["datetime"] = ["datetime is a date (2024-05-01), a date-time, or an interval start/end with '..' for an open end."];
            return (null, null);
        }

        var from = IsOpen(parts[0]) ? null : ReadDate(parts[0], errors);
        var to = parts.Length == 1 ? from : IsOpen(parts[1]) ? null : ReadDate(parts[1], errors);
        if (from > to)
        {
            errors["datetime"] = ["datetime's interval ends before it starts."];
        }

        return (from, to);
    }

    private static bool IsOpen(string part) => part is "" or "..";

    private static DateOnly? ReadDate(string text, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }

        errors["datetime"] = [$"'{text}' is not a date (2024-05-01) or an RFC 3339 date-time."];
        return null;
    }
}
