using System.Globalization;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.HazardAreas;
using NetTopologySuite.Geometries;

namespace LandRelease.Data.HazardAreas;

/// <summary>
/// The register's search as given (the API list's query string, the register browser's form): country, status,
/// organisation, classification, localId and name (parts, any case), bbox (minLon,minLat,maxLon,maxLat), limit,
/// cursor. <see cref="Read"/> checks it, naming each bad parameter.
/// </summary>
public sealed record HazardAreaSearch(string? Country, string? Status, string? Bbox, int? Limit, string? Cursor)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public string? Organisation { get; init; }
    public string? Classification { get; init; }
    public string? LocalId { get; init; }
    public string? Name { get; init; }

    public HazardAreaQuery? Read(IReadOnlyList<string> visibleCountries, Dictionary<string, string[]> errors)
    {
        var (country, status, bbox, limit, cursor) = (Country, Status, Bbox, Limit, Cursor);
        string? statusWire = null;
        if (status is not null)
        {
            if (WireName<HazardAreaStatus>.TryParse(status, out var parsed))
            {
                statusWire = WireName<HazardAreaStatus>.Of(parsed);
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status: use one of {string.Join(", ", WireName<HazardAreaStatus>.All)}."];
            }
        }

        var countryCode = CountryCode.From(country)?.Value;
        if (countryCode is not null && countryCode.Length != 3)
        {
            errors["country"] = ["country is an ISO 3166 alpha-3 code, e.g. KHM."];
        }

        var envelope = bbox is null ? null : ReadBbox(bbox, errors);
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit is between 1 and {MaxLimit}."];
        }

        Guid? after = null;
        if (cursor is not null)
        {
            if (Guid.TryParse(cursor, out var id))
            {
                after = id;
            }
            else
            {
                errors["cursor"] = ["cursor is not one this API issued; follow the 'next' link of the previous page."];
            }
        }

        var classificationWire = ReadClassification(Classification, errors);
        return errors.Count > 0
            ? null
            : new HazardAreaQuery(countryCode, statusWire, envelope, after, pageSize, visibleCountries)
            {
                Organisation = Trimmed(Organisation)?.ToUpperInvariant(),
                Classification = classificationWire,
                LocalIdContains = Trimmed(LocalId),
                NameContains = Trimmed(Name),
            };
    }

    private static string? ReadClassification(string? classification, Dictionary<string, string[]> errors)
    {
        if (Trimmed(classification) is not { } given)
        {
            return null;
        }

        if (WireName<HazardClassification>.TryParse(given, out var parsed))
        {
            return WireName<HazardClassification>.Of(parsed);
        }

        errors["classification"] = [$"'{given}' is not a classification: use one of {string.Join(", ", WireName<HazardClassification>.All)}."];
        return null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Envelope? ReadBbox(string bbox, Dictionary<string, string[]> errors)
    {
        var parts = bbox.Split(',');
        var values = new double[parts.Length];
        var allNumbers = parts.Length == 4 && parts.Select((p, i) =>
            double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok);
        if (!allNumbers)
        {
            errors["bbox"] = ["bbox is four numbers: minLon,minLat,maxLon,maxLat."];
            return null;
        }

        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat)
        {
            errors["bbox"] = ["bbox must lie within -180..180, -90..90 with min <= max (minLon,minLat,maxLon,maxLat)."];
            return null;
        }

        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}
