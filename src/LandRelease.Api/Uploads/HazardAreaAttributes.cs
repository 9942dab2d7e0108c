using System.Collections.Frozen;
using System.Text.Json;
using LandRelease.Api.HazardAreas;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Reads a hazardous area's properties from a file's attributes, whatever the format calls them: GeoJSON and KML
/// use the API's names (localId), shapefiles their 10-character DBF names (LOCAL_ID, CLASSIF, classifica), CSV either.
/// Names match ignoring case, underscores, hyphens and spaces; the README lists every alias.
/// </summary>
internal static class HazardAreaAttributes
{
    private static readonly Dictionary<string, string[]> Names = new()
    {
        ["localId"] = ["localid", "localref", "hazardid", "haid", "ref", "reference"],
        ["name"] = ["name", "hazardname", "haname"],
        ["classification"] = ["classification", "classif", "class", "hazardclass"],
        ["contamination"] = ["contamination", "contamin", "contam"],
        ["status"] = ["status"],
        ["evidence"] = ["evidence"],
        ["dateOfInformation"] = ["dateofinformation", "dateofinfo", "dateinfo", "infodate", "doi"],
        ["organisation"] = ["organisation", "organization", "org", "orgcode"],
        ["changeReason"] = ["changereason", "reason", "chgreason"],
    };

    /// <summary>
    /// Every alias, and the forms a shapefile writer leaves of the longer names: dBASE field names stop at 10
    /// characters, so GDAL, QGIS and ArcGIS write classification as classifica and date_of_information as date_of_in.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Aliases = Names
        .SelectMany(p => p.Value.Select(alias => (alias, p.Key)))
        .Concat(Names.Keys.SelectMany(name => DbfForms(name).Select(form => (form, name))))
        .DistinctBy(p => p.Item1)
        .ToFrozenDictionary(p => p.Item1, p => p.Item2);

    private static readonly System.Text.RegularExpressions.Regex GdalStringList =
        new(@"^\((\d{1,4}):(.*)\)$", System.Text.RegularExpressions.RegexOptions.Singleline);

    private static readonly JsonSerializerOptions Json = Infrastructure.StorableStringConverter.WebOptions;

    /// <summary>Canonical name to value; an attribute that maps to no property is ignored.</summary>
    public static Dictionary<string, string> Canonical(IReadOnlyDictionary<string, string?> attributes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (!string.IsNullOrWhiteSpace(value) && Aliases.TryGetValue(Normalise(key), out var name))
            {
                values.TryAdd(name, value.Trim());
            }
        }

        return values;
    }

    /// <summary>The properties as the register reads them; a missing status reads as OPEN (<paramref name="statusGiven"/> false).</summary>
    public static HazardAreaPropertiesRequest Read(IReadOnlyDictionary<string, string?> attributes, string countryCode,
        string defaultOrganisation, Dictionary<string, string[]> errors, out bool statusGiven)
    {
        var values = Canonical(attributes);
        statusGiven = values.ContainsKey("status");
        return new HazardAreaPropertiesRequest
        {
            CountryCode = countryCode,
            LocalId = values.GetValueOrDefault("localId"),
            Name = values.GetValueOrDefault("name"),
            Classification = values.GetValueOrDefault("classification"),
            Contamination = values.TryGetValue("contamination", out var contamination) ? List(contamination) : [],
            Status = values.GetValueOrDefault("status") ?? "OPEN",
            Evidence = values.TryGetValue("evidence", out var evidence) ? Evidence(evidence, errors) : [],
            DateOfInformation = values.GetValueOrDefault("dateOfInformation"),
            Organisation = values.GetValueOrDefault("organisation") ?? defaultOrganisation,
            ChangeReason = values.GetValueOrDefault("changeReason"),
        };
    }

    /// <summary>A JSON array, or items separated by commas, semicolons or bars: ["AP_MINE","AV_MINE"] or AP_MINE;AV_MINE.</summary>
    public static string[] List(string text)
    {
        // GDAL writes a list into a text column (GeoPackage, shapefile) as (count:item,item): (2:AP_MINE,OTHER_ERW).
        if (GdalStringList.Match(text) is { Success: true } gdal)
        {
            text = gdal.Groups[2].Value;
        }

        if (text.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(text, Json) ?? [];
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as a separated list below.
            }
        }

        return text.Trim('[', ']').Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Trim('"', '\''))
            .ToArray();
    }

    /// <summary>
    /// A JSON array of {kind, description}, or "KIND: description" items separated by semicolons, as a spreadsheet or
    /// a DBF column holds it: DIRECT: mine seen by the village chief; INDIRECT: shelling in 1985.
    /// </summary>
    private static EvidenceRequest[] Evidence(string text, Dictionary<string, string[]> errors)
    {
        if (text.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<EvidenceRequest[]>(text, Json) ?? [];
            }
            catch (JsonException e)
            {
                errors["properties.evidence"] = [$"evidence is not a readable JSON array of {{kind, description}}: {e.Message}"];
                return [];
            }
        }

        var items = new List<EvidenceRequest>();
        foreach (var item in text.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors["properties.evidence"] = [$"Each evidence item is written KIND: description (DIRECT or INDIRECT), not '{item}'."];
                return [];
            }

            items.Add(new EvidenceRequest { Kind = item[..colon].Trim(), Description = item[(colon + 1)..].Trim() });
        }

        return [.. items];
    }

    /// <summary>The 10-character dBASE forms of a name, as written camelCase (dateOfInfo) or snake_case (date_of_in).</summary>
    private static IEnumerable<string> DbfForms(string name)
    {
        var snake = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString()));
        return new[] { name, snake }.Where(n => n.Length > 10).Select(n => Normalise(n[..10]));
    }

    private static string Normalise(string key) =>
        string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
