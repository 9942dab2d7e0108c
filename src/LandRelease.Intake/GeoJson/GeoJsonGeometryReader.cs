using System.Text.Json;
using LandRelease.Intake.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.GeoJson;

/// <summary>
/// An RFC 7946 geometry read by hand, so each way it can be wrong has its own sentence (NetTopologySuite's
/// converter would throw one exception for the whole file, or say "invalid number of points").
/// </summary>
internal static class GeoJsonGeometryReader
{
    private static readonly GeometryFactory Factory = Rings.Factory;

    /// <summary>
    /// Reads the geometry value the reader is on and leaves it on the value's last token. Null for a null geometry;
    /// otherwise a Point, Polygon or MultiPolygon, or a <see cref="FeatureProblem"/> (the reader is then anywhere
    /// inside the value). Coordinates are read in the same pass when "type" comes first, as writers put it.
    /// </summary>
    public static Geometry? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FeatureProblem($"Its \"geometry\" is a {reader.TokenType}, not a geometry object.");
        }

        string? type = null;
        Geometry? geometry = null;
        int coordinatesStart = -1, coordinatesEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type"u8), isCoordinates = reader.ValueTextEquals("coordinates"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = CheckedType(reader.GetString()!);
            }
            else if (isCoordinates && type is not null)
            {
                geometry = Build(ref reader, type);
            }
            else if (isCoordinates)
            {
                coordinatesStart = (int)reader.TokenStartIndex;
                reader.Skip();
                coordinatesEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Skip();
            }
        }

        if (type is null)
        {
            throw new FeatureProblem("The geometry has no \"type\".");
        }

        if (geometry is null && coordinatesStart < 0)
        {
            throw new FeatureProblem($"The {type} has no \"coordinates\".");
        }

        if (geometry is null)
        {
            var coordinates = new Utf8JsonReader(json[coordinatesStart..coordinatesEnd]);
            coordinates.Read();
            geometry = Build(ref coordinates, type);
        }

        return geometry;
    }

    private static string CheckedType(string type) => type switch
    {
        "Point" or "Polygon" or "MultiPolygon" => type,
        "LineString" or "MultiLineString" or "MultiPoint" or "GeometryCollection" => throw new FeatureProblem(GeometryProblems.UnsupportedType(type)),
        _ => throw new FeatureProblem($"The geometry type \"{type}\" is not a GeoJSON geometry type."),
    };

    private static Geometry Build(ref Utf8JsonReader coordinates, string type) => type switch
    {
        "Point" => Factory.CreatePoint(Position(ref coordinates)),
        "Polygon" => Polygon(ref coordinates, "The polygon"),
        _ => MultiPolygon(ref coordinates),
    };

    private static MultiPolygon MultiPolygon(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "The MultiPolygon's coordinates");
        var polygons = new List<Polygon>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            polygons.Add(Polygon(ref reader, $"Polygon {polygons.Count + 1}"));
        }

        return Factory.CreateMultiPolygon([.. polygons]);
    }

    private static Polygon Polygon(ref Utf8JsonReader reader, string name)
    {
        ExpectArray(ref reader, $"{name}'s coordinates");
        var rings = new List<LinearRing>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rings.Add(Ring(ref reader, $"{name}, ring {rings.Count + 1}"));
        }

        return rings.Count == 0 ? Factory.CreatePolygon() : Factory.CreatePolygon(rings[0], [.. rings.Skip(1)]);
    }

    private static LinearRing Ring(ref Utf8JsonReader reader, string name)
    {
        ExpectArray(ref reader, name);
        var positions = new List<Coordinate>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            positions.Add(Position(ref reader));
        }

        return Rings.Build(positions, name);
    }

    private static Coordinate Position(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "A position");
        Span<double> values = stackalloc double[3];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            double value = Number(ref reader);
            if (count < 3)
            {
                values[count] = value;
            }

            count++;
        }

        return count switch
        {
            < 2 => throw new FeatureProblem($"A position has {count} number{(count == 1 ? "" : "s")}; it needs longitude and latitude (x and y)."),
            2 => new Coordinate(values[0], values[1]),
            _ => new CoordinateZ(values[0], values[1], values[2]),
        };
    }

    private static double Number(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            throw new FeatureProblem($"A coordinate is the text {Text.Quote(reader.GetString()!)}, not a number.");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new FeatureProblem($"A coordinate is {(reader.TokenType == JsonTokenType.StartArray ? "an array" : reader.TokenType.ToString().ToLowerInvariant())}, not a number.");
        }

        if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new FeatureProblem($"The coordinate {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is too large to be a number.");
        }

        return value;
    }

    private static void ExpectArray(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FeatureProblem($"{what} should be an array but is {reader.TokenType.ToString().ToLowerInvariant()}.");
        }
    }
}
