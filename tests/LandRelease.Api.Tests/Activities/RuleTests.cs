using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>Readable activities that break a rule: a 422 naming each rule and field, and nothing stored.</summary>
public sealed partial class RuleTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    /// <summary>About 0.5 m at 13° N: inside the 1 m tolerance.</summary>
    private const double HalfMetre = 0.0000045;

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("LAO-OPS", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) m² outside")]
    private static partial Regex OutsideSqm();

    /// <summary>Posts the activity, asserts a 422 with the rule at the field, that nothing was stored, and returns the violation.</summary>
    private async Task<JsonElementViolation> AssertRefusedAsync(TestArea area, JsonObject feature, string rule, string field)
    {
        var response = await _client.PostActivityAsync(area.Id, feature);
        var violation = await response.AssertViolationAsync(rule);
        Assert.Equal(field, violation.Text("field"));
        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
        return new(violation.Text("message")!, violation);
    }

    private sealed record JsonElementViolation(string Message, System.Text.Json.JsonElement Item);

    [Theory]
    [InlineData("TS", "CLEARED")]
    [InlineData("NTS", "REDUCED")]
    [InlineData("CLEARANCE", "CANCELLED")]
    [InlineData("EOD_SPOT_TASK", "CLEARED")]
    public async Task AnOutcomeKindThatDoesNotFitTheActivityTypeIsRefused(string type, string kind)
    {
        var area = await _client.NewTestAreaAsync();
        var feature = Activity(area, type, area.Box.Polygon(), outcomes: [Outcome(kind, area.WestHalf.Polygon())]);

        var violation = await AssertRefusedAsync(area, feature, "outcome-kind-mismatch", "properties.proposedOutcomes[0].kind");

        Assert.Contains(kind, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkedAreaStrayingOutsideItsHazardousAreaIsRefusedSayingHowManySquareMetres()
    {
        var area = await _client.NewTestAreaAsync();
        var straddling = area.Box with { East = area.Box.East + 0.001 };
        var outside = area.Box with { West = area.Box.East, East = area.Box.East + 0.001 };

        var violation = await AssertRefusedAsync(area, Activity(area, "CLEARANCE", straddling.Polygon()), "outside-hazard-area", "geometry");

        AssertSqm(outside.Sqm, SqmIn(violation.Message), "m² outside in the message");
    }

    /// <summary>
    /// A cleared outcome drawn as the worked area itself is measured once against the area; both fields are still
    /// refused, each with the same m² outside, and an equal outcome that lies inside is not taken for it.
    /// </summary>
    [Fact]
    public async Task AnOutcomeEqualToAStrayingWorkedAreaIsRefusedAtBothFieldsWithTheSameSquareMetres()
    {
        var area = await _client.NewTestAreaAsync();
        var straddling = area.Box with { East = area.Box.East + 0.001 };
        var outside = area.Box with { West = area.Box.East, East = area.Box.East + 0.001 };
        var feature = Activity(area, "CLEARANCE", straddling.Polygon(),
            outcomes: [Outcome("CLEARED", straddling.Polygon()), Outcome("CLEARED", area.WestHalf.Polygon())]);

        var response = await _client.PostActivityAsync(area.Id, feature);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stray = problem.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("rule").GetString() == "outside-hazard-area").ToList();
        Assert.Equal(["geometry", "properties.proposedOutcomes[0].geometry"], stray.Select(v => v.GetProperty("field").GetString()));
        foreach (var violation in stray)
        {
            AssertSqm(outside.Sqm, SqmIn(violation.GetProperty("message").GetString()!), "m² outside in the message");
        }

        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task AProposedOutcomeOutsideItsHazardousAreaIsRefusedAtItsOwnField()
    {
        var area = await _client.NewTestAreaAsync();
        var elsewhere = new Box(area.Box.East + 0.001, area.Box.South, area.Box.East + 0.002, area.Box.South + 0.001);
        var feature = Activity(area, "CLEARANCE", area.Box.Polygon(),
            outcomes: [Outcome("CLEARED", area.WestHalf.Polygon()), Outcome("CLEARED", elsewhere.Polygon())]);

        var violation = await AssertRefusedAsync(area, feature, "outside-hazard-area", "properties.proposedOutcomes[1].geometry");

        AssertSqm(elsewhere.Sqm, SqmIn(violation.Message), "m² outside in the message");
    }

    [Fact]
    public async Task ShapesExceedingTheAreaByHalfAMetreAreAccepted()
    {
        var area = await _client.NewTestAreaAsync();
        var b = area.Box;
        var enlarged = new Box(b.West - HalfMetre, b.South - HalfMetre, b.East + HalfMetre, b.North + HalfMetre);

        await _client.CreateActivityAsync(area.Id, Activity(area, "CLEARANCE", enlarged.Polygon(),
            outcomes: [Outcome("CLEARED", enlarged.Polygon())]));
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "NTS", null, startDate: "2024-05-01", endDate: "2024-04-30"),
            "end-before-start", "properties.endDate");
    }

    [Fact]
    public async Task OngoingWorkDatedInTheFutureIsRefusedButAPlanMayBe()
    {
        var area = await _client.NewTestAreaAsync();
        var future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await AssertRefusedAsync(area, Activity(area, "TS", null, status: "ONGOING", startDate: future, endDate: null),
            "date-in-future", "properties.startDate");
        await _client.CreateActivityAsync(area.Id, Activity(area, "TS", null, status: "PLANNED", startDate: future, endDate: null));
    }

    [Fact]
    public async Task ACompletedActivityWithoutAnEndDateIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "NTS", null, endDate: null), "end-date-required", "properties.endDate");
    }

    [Fact]
    public async Task ACompletedClearanceWithoutItsWorkedAreaIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "CLEARANCE", null), "worked-area-required", "geometry");
    }

    [Fact]
    public async Task ANegativeDeviceCountIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "EOD_SPOT_TASK", null, devices: [Device("AV_MINE", 2, -1)]),
            "device-count-negative", "properties.devices[0].destroyed");
    }

    [Fact]
    public async Task ADeviceTypeCountedTwiceIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "EOD_SPOT_TASK", null, devices: [Device("SUBMUNITION", 2, 2), Device("SUBMUNITION", 1, 1)]),
            "device-type-repeated", "properties.devices[1].type");
    }

    [Fact]
    public async Task ASelfIntersectingWorkedAreaIsRefusedWithItsLocation()
    {
        var area = await _client.NewTestAreaAsync();
        var b = area.Box;
        var bowtie = Features.Polygon((b.West, b.South), (b.East, b.North), (b.East, b.South), (b.West, b.North), (b.West, b.South));

        var violation = await AssertRefusedAsync(area, Activity(area, "CLEARANCE", bowtie), "invalid-geometry", "geometry");

        Assert.Equal(2, violation.Item.GetProperty("location").GetArrayLength());
    }

    [Fact]
    public async Task AProposedOutcomeWithTooFewVerticesIsRefusedAtItsOwnField()
    {
        var area = await _client.NewTestAreaAsync();
        var b = area.Box;
        var sliver = Features.Polygon((b.West, b.South), (b.East, b.South), (b.West, b.South), (b.West, b.South));

        await AssertRefusedAsync(area, Activity(area, "CLEARANCE", b.Polygon(), outcomes: [Outcome("CLEARED", sliver)]),
            "too-few-vertices", "properties.proposedOutcomes[0].geometry");
    }

    [Fact]
    public async Task AWorkedAreaThatIsAPointIsRefusedForItsType()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "CLEARANCE", Point(area.Box.West, area.Box.South)), "geometry-type", "geometry");
    }

    [Fact]
    public async Task CoordinatesOf1E308AreOutOfRangeNotAServerError()
    {
        var area = await _client.NewTestAreaAsync();
        var huge = Features.Polygon((1e308, 13), (1e308, 13.1), (103, 13.1), (1e308, 13));
        await AssertRefusedAsync(area, Activity(area, "CLEARANCE", huge), "coordinate-range", "geometry");
    }

    [Fact]
    public async Task AReferencePointOutsideTheCountryIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        // Bangkok: inside Thailand, far from Cambodia.
        await AssertRefusedAsync(area, Activity(area, "NTS", null, referencePoint: Point(100.5, 13.75)), "outside-country", "properties.referencePoint");
    }

    [Fact]
    public async Task AReferencePointWithLatitudeAndLongitudeSwappedIsNamedAsSuch()
    {
        var area = await _client.NewTestAreaAsync();
        var (lon, lat) = area.NearbyPoint;
        await AssertRefusedAsync(area, Activity(area, "NTS", null, referencePoint: Point(lat, lon)), "swapped-coordinates", "properties.referencePoint");
    }

    [Fact]
    public async Task AReferencePointInTheCountryButFarFromTheAreaIsRefusedWithTheDistance()
    {
        var area = await _client.NewTestAreaAsync();
        // 0.2° further south: about 22 km, still in Cambodia.
        var far = Point(area.Box.West, area.Box.South - 0.2);

        var violation = await AssertRefusedAsync(area, Activity(area, "NTS", null, referencePoint: far),
            "reference-point-far-from-area", "properties.referencePoint");

        Assert.Matches(@"lies 2[0-9]\.[0-9]+ km from", violation.Message);
    }

    [Fact]
    public async Task AnUnknownOrganisationAndOneNotWorkingInTheCountryAreRefused()
    {
        var area = await _client.NewTestAreaAsync();
        await AssertRefusedAsync(area, Activity(area, "NTS", null, organisation: "NOBODY"), "organisation-unknown", "properties.organisation");
        await AssertRefusedAsync(area, Activity(area, "NTS", null, organisation: "LAO-OPS"), "organisation-not-in-country", "properties.organisation");
    }

    [Fact]
    public async Task PropertiesNamingAnotherAreaThanTheUrlAreRefused()
    {
        var area = await _client.NewTestAreaAsync();
        var other = await _client.NewTestAreaAsync();
        var feature = Activity(area, "NTS", null);
        feature.Properties()["hazardAreaId"] = other.Id.ToString();

        await AssertRefusedAsync(area, feature, "hazard-area-mismatch", "properties.hazardAreaId");
        Assert.Equal(0L, await api.ActivityRowsAsync(other.Id));
    }

    [Fact]
    public async Task EveryBrokenRuleIsListedInOneResponse()
    {
        var area = await _client.NewTestAreaAsync();
        var feature = Activity(area, "TS", null, startDate: "2024-05-01", endDate: "2024-04-01",
            devices: [Device("AP_MINE", -1, 0)], outcomes: [Outcome("CLEARED", area.WestHalf.Polygon())]);

        var rules = await (await _client.PostActivityAsync(area.Id, feature)).AssertViolationsAsync();

        Assert.Equal(["device-count-negative", "end-before-start", "outcome-kind-mismatch", "worked-area-required"],
            rules.Order(StringComparer.Ordinal).ToArray());
    }

    private static double SqmIn(string message)
    {
        var match = OutsideSqm().Match(message);
        Assert.True(match.Success, $"No m² figure in: {message}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
