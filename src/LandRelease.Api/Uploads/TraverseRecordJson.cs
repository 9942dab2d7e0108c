using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Domain.Common;
using LandRelease.Domain.Traverses;

namespace LandRelease.Api.Uploads;

/// <summary>A traverse as kept beside the area it outlines: what was observed, exactly as written, and what was computed.</summary>
internal static class TraverseRecordJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Of(TraverseSolution solution) => JsonSerializer.Serialize(new
    {
        observed = new
        {
            referencePoint = new { x = solution.Input.ReferencePoint.X, y = solution.Input.ReferencePoint.Y, crs = solution.Input.ReferencePoint.Crs },
            bearingReference = WireName<BearingReference>.Of(solution.Input.BearingReference),
            angleUnit = WireName<AngleUnit>.Of(solution.Input.AngleUnit),
            magneticDeclinationDegrees = solution.Input.MagneticDeclinationDegrees,
            legs = solution.Observations.Select(o => new { from = o.From, to = o.To, bearing = o.Bearing, distance = o.Distance }),
        },
        computed = new
        {
            zone = solution.Zone,
            gridConvergenceDegrees = solution.GridConvergenceDegrees,
            misclosureMetres = solution.MisclosureMetres,
            closureRatio = solution.ClosureRatio,
            perimeterMetres = solution.PerimeterMetres,
            points = solution.Points.Select(p => new { name = p.Name, longitude = p.Longitude, latitude = p.Latitude, easting = p.Easting, northing = p.Northing }),
        },
    }, Json);
}
