using System.Xml.Linq;
using LandRelease.Intake.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Kml;

/// <summary>
/// One Placemark: name -> "name", description -> "description", ExtendedData Data and SchemaData/SimpleData by
/// their name, the placemark's id -> "id"; Point, Polygon (outer and inner rings) or a MultiGeometry of polygons.
/// </summary>
internal static class KmlPlacemark
{
    private static readonly GeometryFactory Factory = Rings.Factory;

    public static SourceFeature Read(XElement placemark, int index)
    {
        var attributes = Text.NewAttributes();
        try
        {
            foreach (var child in placemark.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "name" or "description":
                        attributes[child.Name.LocalName] = child.Value.Trim();
                        break;
                    case "ExtendedData":
                        ReadExtendedData(child, attributes);
                        break;
                }
            }

            if (placemark.Attribute("id") is { } id)
            {
                attributes.TryAdd("id", id.Value);
            }

            var shape = placemark.Elements().FirstOrDefault(e => IsGeometry(e.Name.LocalName))
                        ?? throw new FeatureProblem("The placemark has no geometry.");
            var geometry = Geometry(shape);
            return new SourceFeature(index, geometry, attributes, null, GeometryProblems.Find(geometry));
        }
        catch (FeatureProblem problem)
        {
            return new SourceFeature(index, null, attributes, null, problem.Message);
        }
    }

    private static void ReadExtendedData(XElement extended, Dictionary<string, string?> attributes)
    {
        foreach (var item in extended.Descendants())
        {
            string? name = item.Attribute("name")?.Value;
            if (name is null)
            {
                continue;
            }

            if (item.Name.LocalName == "Data")
            {
                attributes[name] = Child(item, "value")?.Value.Trim();
            }
            else if (item.Name.LocalName == "SimpleData")
            {
                attributes[name] = item.Value.Trim();
            }
        }
    }

    private static Geometry Geometry(XElement shape)
    {
        switch (shape.Name.LocalName)
        {
            case "Point":
                var points = Coordinates(shape);
                return points.Count == 1
                    ? Factory.CreatePoint(points[0])
                    : throw new FeatureProblem($"The Point has {points.Count} coordinate tuples; it needs one.");
            case "Polygon":
                return Polygon(shape, "The polygon");
            case "MultiGeometry":
                var parts = Flatten(shape).ToList();
                if (parts.Count > 0 && parts.All(p => p.Name.LocalName == "Polygon"))
                {
                    return Factory.CreateMultiPolygon([.. parts.Select((p, i) => Polygon(p, $"Polygon {i + 1}"))]);
                }

                string kinds = string.Join(", ", parts.Select(p => p.Name.LocalName).Distinct());
                throw new FeatureProblem(parts.Count == 0
                    ? "The MultiGeometry is empty."
                    : $"The MultiGeometry holds {kinds}; only polygons can be read as one area.");
            default:
                throw new FeatureProblem(GeometryProblems.UnsupportedType(shape.Name.LocalName));
        }
    }

    private static IEnumerable<XElement> Flatten(XElement multi) =>
        multi.Elements().Where(e => IsGeometry(e.Name.LocalName))
            .SelectMany(e => e.Name.LocalName == "MultiGeometry" ? Flatten(e) : [e]);

    private static Polygon Polygon(XElement polygon, string name)
    {
        var outer = Child(polygon, "outerBoundaryIs") is { } boundary ? Child(boundary, "LinearRing") : null;
        if (outer is null)
        {
            throw new FeatureProblem($"{name} has no outerBoundaryIs/LinearRing.");
        }

        var shell = Rings.Build(Coordinates(outer), $"{name}, outer ring");
        var holes = polygon.Elements().Where(e => e.Name.LocalName == "innerBoundaryIs")
            .SelectMany(e => e.Elements().Where(r => r.Name.LocalName == "LinearRing"))
            .Select((ring, i) => Rings.Build(Coordinates(ring), $"{name}, inner ring {i + 1}"))
            .ToArray();
        return Factory.CreatePolygon(shell, holes);
    }

    /// <summary>"lon,lat[,alt]" tuples separated by white space.</summary>
    private static List<Coordinate> Coordinates(XElement owner)
    {
        string text = Child(owner, "coordinates")?.Value
                      ?? throw new FeatureProblem($"The {owner.Name.LocalName} has no <coordinates>.");
        var result = new List<Coordinate>();
        foreach (string tuple in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = tuple.Split(',');
            if (parts.Length is < 2 or > 3 || !Text.TryParseNumber(parts[0], out double x) || !Text.TryParseNumber(parts[1], out double y))
            {
                throw new FeatureProblem($"The coordinate tuple {Text.Quote(tuple)} is not longitude,latitude[,altitude].");
            }

            result.Add(parts.Length == 3 && Text.TryParseNumber(parts[2], out double z) ? new CoordinateZ(x, y, z) : new Coordinate(x, y));
        }

        return result;
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static bool IsGeometry(string localName) =>
        localName is "Point" or "Polygon" or "MultiGeometry" or "LineString" or "LinearRing" or "Model" or "Track" or "MultiTrack";
}
