using System.Text;
using System.Text.Json;
using LandRelease.Intake.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.GeoJson;

/// <summary>
/// Reads one Feature object (already known to be well-formed JSON) into a <see cref="SourceFeature"/>. Anything
/// wrong inside it (a null geometry, a coordinate given as text) becomes that feature's problem.
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    public static SourceFeature Read(ReadOnlySpan<byte> json, int index)
    {
        var attributes = Text.NewAttributes();
        try
        {
            return ReadChecked(json, index, attributes);
        }
        catch (InvalidOperationException e)
        {
            // The whole feature was checked as JSON; only its text can still be wrong (not UTF-8) when decoded.
            return new SourceFeature(index, null, attributes, null, $"The feature holds text that is not valid UTF-8: {e.Message}");
        }
    }

    private static SourceFeature ReadChecked(ReadOnlySpan<byte> json, int index, Dictionary<string, string?> attributes)
    {
        string? id = null, type = null, problem = null;
        Geometry? geometry = null;
        bool hasGeometry = false;
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "type":
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString();
                    break;
                case "id":
                    id = Scalar(ref reader, json);
                    break;
                case "geometry":
                    hasGeometry = true;
                    geometry = Guarded(ref reader, json, GeoJsonGeometryReader.Read, ref problem);
                    break;
                case "properties":
                    Guarded(ref reader, json, (ref r, j) => ReadProperties(ref r, j, attributes), ref problem);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (id is not null)
        {
            attributes.TryAdd("id", id);
        }

        problem = type != "Feature"
            ? $"Its type is {(type is null ? "missing" : $"\"{type}\"")}; each member of \"features\" must be a Feature."
            : hasGeometry ? problem ?? GeometryProblems.Find(geometry) : "The feature has no \"geometry\" member.";
        return new SourceFeature(index, problem is null ? geometry : null, attributes, null, problem);
    }

    private delegate T? MemberReader<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json);

    /// <summary>
    /// Reads one member's value; a problem inside it is kept and the reader moved past the value, so the feature's
    /// other members (its localId above all, for the upload report) are still read.
    /// </summary>
    private static T? Guarded<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, MemberReader<T> read, ref string? problem)
    {
        int depth = reader.CurrentDepth;
        var start = reader.TokenType;
        try
        {
            return read(ref reader, json);
        }
        catch (FeatureProblem e)
        {
            problem ??= e.Message;
            while (start is JsonTokenType.StartObject or JsonTokenType.StartArray
                   && !(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                reader.Read();
            }

            return default;
        }
    }

    private static bool ReadProperties(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Dictionary<string, string?> attributes)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FeatureProblem($"Its \"properties\" is a {reader.TokenType}, not an object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            attributes[key] = Scalar(ref reader, json);
        }

        return true;
    }

    /// <summary>A value as its attribute text: strings unquoted, numbers as written, objects and arrays as raw JSON.</summary>
    private static string? Scalar(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }
}
