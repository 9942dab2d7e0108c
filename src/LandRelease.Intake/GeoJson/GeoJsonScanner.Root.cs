using System.Text;
using System.Text.Json;

namespace LandRelease.Intake.GeoJson;

/// <summary>The root object's members other than the features themselves: "type", "crs", a bare Feature's parts.</summary>
internal sealed partial class GeoJsonScanner
{
    /// <summary>One "name": value pair of the root object, committed whole (null) or not at all (NeedMore).</summary>
    private ScanEvent? RootMember(ref Utf8JsonReader reader)
    {
        string name = reader.GetString()!;
        if (!reader.Read())
        {
            return ScanEvent.NeedMore;
        }

        int valueStart = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && name != "features" && !reader.TrySkip())
        {
            return ScanEvent.NeedMore;
        }

        var value = _window.Unread[valueStart..(int)reader.BytesConsumed];
        switch (name)
        {
            case "type":
                Type = reader.TokenType == JsonTokenType.String ? reader.GetString() : value.ToString();
                if (Type is not ("FeatureCollection" or "Feature"))
                {
                    throw NotACollection($"Its type is {Quote(Type)}.");
                }

                break;
            case "features" when reader.TokenType != JsonTokenType.StartArray:
                throw NotACollection($"Its \"features\" member is a {reader.TokenType}, not an array.");
            case "features":
                if (SawFeatures || Type == "Feature")
                {
                    throw NotACollection(SawFeatures ? "It has two \"features\" members." : "It is a Feature with a \"features\" member.");
                }

                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                _where = Where.Features;

                SawFeatures = true;
                return ScanEvent.FeaturesStarted;
            case "crs":
                string? crs = LegacyCrs.Parse(value);
                if (SawFeatures && (crs ?? LegacyCrs.Wgs84) != (Crs ?? LegacyCrs.Wgs84))
                {
                    throw new UploadFormatException(
                        UploadFormatErrors.NotAFeatureCollection,
                        $"The GeoJSON names its CRS ({crs ?? "unreadable"}) after its features; put \"crs\" before \"features\" "
                        + "or, better, convert to WGS 84 longitude/latitude as RFC 7946 requires.");
                }

                Crs = crs;
                break;
            case "geometry" or "properties" or "id":
                _bareMembers[name] = value.ToArray();
                break;
        }

        _window.Commit(reader.BytesConsumed, reader.CurrentState);
        return null;
    }

    private ScanEvent AtEndOfRoot()
    {
        if (Type == "Feature" && !SawFeatures)
        {
            Current = BareFeature();
            return ScanEvent.Feature;
        }

        if (!SawFeatures)
        {
            throw NotACollection("It has no \"features\" array.");
        }

        if (Type is not (null or "FeatureCollection"))
        {
            throw NotACollection($"Its type is {Quote(Type)}.");
        }

        return Step();
    }

    private byte[] BareFeature()
    {
        var json = new MemoryStream();
        json.Write("{\"type\":\"Feature\""u8);
        foreach (var (name, value) in _bareMembers)
        {
            json.Write(Encoding.UTF8.GetBytes($",\"{name}\":"));
            json.Write(value);
        }

        json.Write("}"u8);
        return json.ToArray();
    }
}
