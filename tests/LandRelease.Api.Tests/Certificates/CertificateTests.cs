using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Certificates.CertificateApi;

namespace LandRelease.Api.Tests.Certificates;

public sealed class CertificateTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    // A 0.003° x 0.002° lon/lat rectangle in Siem Reap whose south-west corner is a PROJ test point.
    private const double West = 103.86, South = 13.36, Width = 0.003, Height = 0.002;

    // From /work/shared/vectors/crs.json (PROJ 9.1.1, +proj=utm +zone=48 +datum=WGS84): 376550.135 E 1477231.131 N
    // is lon 103.860000003, lat 13.360000002, i.e. (West, South) to within half a millimetre.
    private const double ProjEasting = 376550.135, ProjNorthing = 1477231.131;

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Rectangle() => Features.Polygon(
        (West, South), (West + Width, South), (West + Width, South + Height), (West, South + Height), (West, South));

    [Fact]
    public async Task AnApprovedDecisionRendersAPrintableCertificate()
    {
        var areaId = await _client.CreateAreaAsync();
        var id = await _client.ApprovedAsync(areaId, Rectangle(),
            enteredArea: new JsonObject { ["value"] = 7.2, ["unit"] = "HA" },
            attachments: [new JsonObject
            {
                ["kind"] = "COMPLETION_REPORT", ["fileName"] = "KHM-SRP-completion.pdf",
                ["sha256"] = new string('a', 64), ["signedBy"] = "Sok Dara, CMAC team leader",
            }]);

        var html = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();

        var localId = (await _client.GetJsonAsync($"/api/hazard-areas/{areaId}")).Props().GetProperty("localId").GetString()!;
        Assert.Contains(localId, html, StringComparison.Ordinal);
        Assert.Contains("Land release certificate", html, StringComparison.Ordinal);
        Assert.Contains("Land cleared by clearance", html, StringComparison.Ordinal);
        Assert.Contains("Cambodia", html, StringComparison.Ordinal);
        Assert.Contains("CMAC demining", html, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("14 March 2025", html, StringComparison.Ordinal);
        Assert.Contains("<th>State</th><td>Approved</td>", html, StringComparison.Ordinal);
        Assert.Contains("7.2 ha", html, StringComparison.Ordinal);
        Assert.Contains("KHM-SRP-completion.pdf", html, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), html, StringComparison.Ordinal);
        Assert.Contains("Sok Dara, CMAC team leader", html, StringComparison.Ordinal);
        Assert.Matches(new Regex("<svg[^>]*viewBox=\"0 0 400 300\""), html);

        var expected = ReferenceFormulas.RectangleAreaSqm(South, South + Height, Width);
        Assert.InRange(expected, 71_800, 72_000); // ~325 m x ~221 m
        Assert.Equal(expected, Figure(html, "Area released", "m²"), 1.0);
        Assert.Equal(expected / 10_000, Figure(html, "Area released", "ha"), 0.0001);

        var signatures = Regex.Matches(html, "<section class=\"signature\"><h3>(.*?)</h3>").Select(m => m.Groups[1].Value);
        Assert.Equal(["National authority", "Operator", "Community representative"], signatures);
    }

    [Fact]
    public async Task EveryTurningPointIsListedInWgs84AndUtm48N()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Rectangle());

        var html = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();

        var ring = Assert.Single(await _client.ExteriorRingsAsync(id));
        Assert.Equal(["TP1", "TP2", "TP3", "TP4"], TurningPointLabels(html));
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var row = TurningPoint(html, $"TP{i + 1}");
            var (easting, northing) = ReferenceFormulas.Utm(ring[i][0], ring[i][1], 48);
            Assert.Equal((Degrees(ring[i][1]), Degrees(ring[i][0]), "48N"), (row.Lat, row.Lon, row.Zone));
            Assert.Equal(easting, row.Easting, 0.01);
            Assert.Equal(northing, row.Northing, 0.01);
        }

        var corner = TurningPoint(html, $"TP{Array.FindIndex(ring, p => p[0] == West && p[1] == South) + 1}");
        Assert.Equal(ProjEasting, corner.Easting, 0.01);
        Assert.Equal(ProjNorthing, corner.Northing, 0.01);
    }

    [Fact]
    public async Task PolygonsAreNumberedAndHolesListedApart()
    {
        var areaId = await _client.CreateAreaAsync();
        var multi = new JsonObject
        {
            ["type"] = "MultiPolygon",
            ["coordinates"] = new JsonArray(
                new JsonArray(
                    Features.Ring((103.856, 13.356), (103.859, 13.356), (103.859, 13.359), (103.856, 13.359), (103.856, 13.356)),
                    Features.Ring((103.857, 13.357), (103.857, 13.358), (103.858, 13.358), (103.858, 13.357), (103.857, 13.357))),
                new JsonArray(Features.Ring((103.862, 13.362), (103.864, 13.362), (103.863, 13.364), (103.862, 13.362)))),
        };
        var id = await _client.ApprovedAsync(areaId, multi);

        var html = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();

        Assert.Equal(["P1-TP1", "P1-TP2", "P1-TP3", "P1-TP4", "P1-H1.1", "P1-H1.2", "P1-H1.3", "P1-H1.4", "P2-TP1", "P2-TP2", "P2-TP3"],
            TurningPointLabels(html));
        Assert.Contains("fill-rule=\"evenodd\"", html, StringComparison.Ordinal);
        Assert.Contains("Excluded area H1 of polygon P1", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "DRAFT")]
    [InlineData(new[] { "submit" }, "SUBMITTED")]
    [InlineData(new[] { "submit", "reject" }, "REJECTED")]
    [InlineData(new[] { "submit", "approve", "revoke" }, "REVOKED")]
    public async Task LandNotApprovedHasNoCertificate(string[] moves, string state)
    {
        var id = await _client.DraftAsync(await _client.CreateAreaAsync(), Rectangle());
        foreach (var move in moves)
        {
            var body = move is "reject" or "revoke" ? new JsonObject { ["reason"] = "Not proven" } : [];
            (await _client.PostAsync($"/api/release-decisions/{id}/{move}", System.Net.Http.Json.JsonContent.Create(body), Ct))
                .EnsureSuccessStatusCode();
        }

        var problem = await (await _client.GetCertificateAsync(id)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(state, problem.GetProperty("state").GetString());
        Assert.Contains(state, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertifiedAndHandedOverLandKeepsItsCertificate()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Rectangle());

        await _client.MoveAsync(id, "certify");
        Assert.Contains("<th>State</th><td>Certified</td>", await (await _client.GetCertificateAsync(id)).AssertCertificateAsync(),
            StringComparison.Ordinal);
        await _client.MoveAsync(id, "hand-over");
        Assert.Contains("<th>State</th><td>Handed over</td>", await (await _client.GetCertificateAsync(id)).AssertCertificateAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownDecisionIsNotFound() =>
        await (await _client.GetCertificateAsync(Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task AFieldOperatorOfAnotherCountryIsAnsweredAsIfTheDecisionDidNotExist()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Rectangle());
        var thai = api.ClientAs([Roles.FieldOperator], ["THA"], "HALO-THA");

        await (await thai.GetCertificateAsync(id)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFieldOperatorOfTheCountryMayPrintIt()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Rectangle());
        var operatorClient = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC");

        await (await operatorClient.GetCertificateAsync(id)).AssertCertificateAsync();
    }
}
