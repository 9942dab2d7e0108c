using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Domain.Geometry;

namespace LandRelease.Api.Tests.Traverses;

/// <summary>
/// The traverse of the project's test vectors (PROJ 9.1.1 geodesic solution from explicit definitions): reference
/// point 103.86E 13.36N, magnetic bearings with a declination of -0.5°, four turning points.
/// </summary>
public sealed class TraversePreviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly (string Name, double Lon, double Lat)[] Expected =
    [
        ("BM", 103.860522206, 13.360511314), ("TP1", 103.860562282, 13.360733852), ("TP2", 103.861653219, 13.3605455),
        ("TP3", 103.861508949, 13.359744363), ("TP4", 103.860418014, 13.35993271),
    ];

    private static readonly double[][] MagneticLegs =
        [[45.5, 80], [10.5, 25], [100.5, 120], [190.5, 90], [280.5, 120], [10.5, 90]];

    private readonly HttpClient _client = api.ClientAs(["field-operator"], ["KHM"], "HALO-KHM");

    private static object Traverse(double[][] legs, string unit = "DEGREES", string reference = "MAGNETIC") => new
    {
        referencePoint = new { x = 103.86, y = 13.36, crs = "EPSG:4326" },
        bearingReference = reference,
        angleUnit = unit,
        magneticDeclinationDegrees = -0.5,
        legs = legs.Select(l => new { bearing = l[0], distance = l[1] }),
    };

    [Fact]
    public async Task AClosedMagneticTraverseGivesTheKnownPointsAndClosesWithinACentimetre()
    {
        var response = await _client.PostAsJsonAsync("/api/traverses/preview", Traverse(MagneticLegs), TestContext.Current.CancellationToken);

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("accepted").GetBoolean());
        Assert.Equal("48N", body.GetProperty("zone").GetString());
        Assert.True(body.GetProperty("misclosureMetres").GetDouble() < 0.01);
        var points = body.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var (name, lon, lat) in Expected)
        {
            var point = points[name];
            var offset = Geodesy.DistanceMetres(point.GetProperty("longitude").GetDouble(), point.GetProperty("latitude").GetDouble(), lon, lat);
            Assert.True(offset < 0.05, $"{name} is {offset:F3} m from the expected point");
        }

        Assert.Equal("Polygon", body.GetProperty("polygon").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AMisclosureOfOneAndAHalfMetresIsReportedAndRefusedAt1To298()
    {
        double[][] legs = [[45, 80], [10, 25], [100, 120], [190, 90], [280, 120], [10, 91.5]];

        var response = await _client.PostAsJsonAsync("/api/traverses/preview", Traverse(legs, reference: "TRUE"), TestContext.Current.CancellationToken);

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1.4995, body.GetProperty("misclosureMetres").GetDouble(), 0.01);
        Assert.Equal(446.5 / 1.4995, body.GetProperty("closureRatio").GetDouble(), 2.0);
        Assert.True(body.GetProperty("accepted").GetBoolean(), "1:298 is within the default 1:200");
    }

    [Fact]
    public async Task BadTraversesAreProblemsNamingTheField()
    {
        var missing = await _client.PostAsJsonAsync("/api/traverses/preview", new { legs = Array.Empty<object>() }, TestContext.Current.CancellationToken);
        var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("referencePoint", out _));

        double[][] tooFew = [[45, 80], [10, 25], [100, 120]];
        var short_ = await _client.PostAsJsonAsync("/api/traverses/preview", Traverse(tooFew), TestContext.Current.CancellationToken);
        await short_.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var unknownCrs = await _client.PostAsJsonAsync("/api/traverses/preview", new
        {
            referencePoint = new { x = 1.0, y = 2.0, crs = "EPSG:9999" },
            bearingReference = "TRUE", angleUnit = "DEGREES",
            legs = MagneticLegs.Select(l => new { bearing = l[0], distance = l[1] }),
        }, TestContext.Current.CancellationToken);
        var crsProblem = await unknownCrs.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("9999", crsProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
