using System.Text;
using System.Text.Json;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Uploads;

/// <summary>The columns an outcome adds to a feature's own attributes, named so that none is read back as a property.</summary>
internal static class OutcomeColumns
{
    public static readonly string[] Names = ["feature", "line", "outcome", "rule", "message"];

    public static string?[] Values(UploadFeature f)
    {
        var (rule, message) = UploadFeatureDownloads.FirstNote(f);
        return [(f.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture), WireName<FeatureOutcome>.Of(f.Outcome), rule, message];
    }

    /// <summary>The local id and name the outcome row holds, for a feature whose own attributes were not kept (an accepted one).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Identity(UploadFeature f, List<KeyValuePair<string, string?>> own) =>
        IdentityNames(own).Select(name => new KeyValuePair<string, string?>(name, name == "localId" ? f.LocalId : f.Name));

    /// <summary>Which of localId and name a feature's own attributes lack (they depend on its attributes alone).</summary>
    public static IEnumerable<string> IdentityNames(List<KeyValuePair<string, string?>> own)
    {
        var canonical = HazardAreaAttributes.Canonical(own.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
        if (!canonical.ContainsKey("localId"))
        {
            yield return "localId";
        }

        if (!canonical.ContainsKey("name"))
        {
            yield return "name";
        }
    }
}

/// <summary>A FeatureCollection in WGS 84 (RFC 7946): each feature's own attributes, then the outcome columns.</summary>
internal static class FeatureGeoJson
{
    private static readonly JsonSerializerOptions Geometry = new() { Converters = { new GeoJsonConverterFactory() } };

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<UploadFeature> rows, CancellationToken ct)
    {
        // Written to a buffer and sent from it asynchronously: the server refuses synchronous writes to the response.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128 * 1024);
        await using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var f in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            if (f.Geometry is { } geometry)
            {
                JsonSerializer.Serialize(json, geometry, Geometry);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartObject("properties");
            var own = UploadFeatureDownloads.SourceAttributes(f);
            foreach (var (name, value) in own.Concat(OutcomeColumns.Identity(f, own))
                         .Concat(OutcomeColumns.Names.Zip(OutcomeColumns.Values(f), (n, v) => new KeyValuePair<string, string?>(n, v))))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            if (buffer.WrittenCount > 64 * 1024)
            {
                await body.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await body.WriteAsync(buffer.WrittenMemory, ct);
    }
}

/// <summary>
/// CSV with a wkt and a crs column, as the upload reads it back: the outcome columns, every attribute any feature had,
/// then the outline in WGS 84 (empty when it could not be read as one).
/// </summary>
internal static class FeatureCsv
{
    /// <param name="attributes">Each feature's own attributes, read first for the header (every name any feature had).</param>
    /// <param name="rows">The same features in the same order, streamed after the header.</param>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<string?> attributes, IAsyncEnumerable<UploadFeature> rows,
        CancellationToken ct)
    {
        var attributeNames = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var json in attributes.WithCancellation(ct))
        {
            var own = UploadFeatureDownloads.SourceAttributes(json);
            foreach (var name in own.Select(a => a.Key).Concat(OutcomeColumns.IdentityNames(own)).Where(seen.Add))
            {
                attributeNames.Add(name);
            }
        }

        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        var wkt = new WKTWriter();
        await writer.WriteLineAsync(Line([.. OutcomeColumns.Names, .. attributeNames, "wkt", "crs"]));
        await foreach (var f in rows.WithCancellation(ct))
        {
            var own = UploadFeatureDownloads.SourceAttributes(f);
            var values = own.Concat(OutcomeColumns.Identity(f, own)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            string?[] cells = [.. OutcomeColumns.Values(f), .. attributeNames.Select(values.GetValueOrDefault),
                f.Geometry is Geometry g ? wkt.Write(g) : null, f.Geometry is null ? null : "EPSG:4326"];
            await writer.WriteLineAsync(Line(cells));
        }

        await writer.FlushAsync(ct);
    }

    private static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>Quoted when needed; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '@' || (value[0] == '-' && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
