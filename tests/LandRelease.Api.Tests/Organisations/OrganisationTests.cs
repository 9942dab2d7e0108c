using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Organisations;

public sealed class OrganisationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Codes are 2-20 characters; a short random suffix keeps each test's codes its own.
    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 7)].ToUpperInvariant();

    private Task<HttpResponseMessage> PostAsync(string? code, string? kind = "OPERATOR", string[]? countries = null,
        string? name = "Demining team") =>
        _client.PostAsJsonAsync("/api/organisations", new { code, name, kind, countries = countries ?? ["KHM"] }, Ct);

    [Fact]
    public async Task CreatesAnOrganisationWithLocationAndBody()
    {
        var code = NewCode("HALO");
        var response = await PostAsync(code, "NATIONAL_AUTHORITY", ["lao", "KHM"], "  HALO Trust  ");

        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/organisations/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal("HALO Trust", body.GetProperty("name").GetString());
        Assert.Equal("NATIONAL_AUTHORITY", body.GetProperty("kind").GetString());
        Assert.Equal(["KHM", "LAO"], body.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
        Assert.InRange(body.GetProperty("createdAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task ADuplicateCodeIsAConflictProblem()
    {
        var code = NewCode("MAG");
        (await PostAsync(code)).EnsureSuccessStatusCode();

        var problem = await (await PostAsync(code.ToLowerInvariant())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(code, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE code = $1", code));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1ABC")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXY")]
    [InlineData("CMAC KHM")]
    public async Task AnInvalidCodeIsAValidationProblemNamingCode(string code)
    {
        var errors = await ErrorsOf(await PostAsync(code));
        Assert.Equal(["code"], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE code = $1", code.ToUpperInvariant()));
    }

    [Fact]
    public async Task AnUnknownKindIsAValidationProblemNamingKind()
    {
        var errors = await ErrorsOf(await PostAsync(NewCode("K"), "DONOR"));
        Assert.Equal(["kind"], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Contains("OPERATOR", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCountryIsAValidationProblemNamingTheCountry()
    {
        var errors = await ErrorsOf(await PostAsync(NewCode("C"), countries: ["KHM", "FRA"]));
        var message = errors.GetProperty("countries")[0].GetString();
        Assert.Contains("FRA", message, StringComparison.Ordinal);
        Assert.DoesNotContain("KHM", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganisationMustWorkInAtLeastOneCountry()
    {
        var code = NewCode("E");
        var errors = await ErrorsOf(await PostAsync(code, countries: []));
        Assert.Equal(["countries"], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE code = $1", code));
    }

    [Fact]
    public async Task ListsOnlyTheOrganisationsWorkingInTheCountryAsked()
    {
        var inLaos = NewCode("LA");
        var inBoth = NewCode("BO");
        var inCambodia = NewCode("KH");
        (await PostAsync(inLaos, countries: ["LAO"])).EnsureSuccessStatusCode();
        (await PostAsync(inBoth, countries: ["KHM", "LAO"])).EnsureSuccessStatusCode();
        (await PostAsync(inCambodia, countries: ["KHM"])).EnsureSuccessStatusCode();

        var listed = (await (await _client.GetAsync("/api/organisations?country=lao", Ct)).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();

        var codes = listed.Select(o => o.GetProperty("code").GetString()).ToList();
        Assert.Contains(inLaos, codes);
        Assert.Contains(inBoth, codes);
        Assert.DoesNotContain(inCambodia, codes);
        Assert.All(listed, o => Assert.Contains("LAO", o.GetProperty("countries").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task GetsAnOrganisationByCodeWhateverItsCase()
    {
        var code = NewCode("NPA");
        (await PostAsync(code, countries: ["VNM"])).EnsureSuccessStatusCode();

        var body = await (await _client.GetAsync($"/api/organisations/{code.ToLowerInvariant()}", Ct)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(["VNM"], body.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToArray());
    }

    [Fact]
    public async Task AnUnknownCodeIsANotFoundProblem()
    {
        var problem = await (await _client.GetAsync("/api/organisations/NO-SUCH-ORG", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("NO-SUCH-ORG", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"code\": \"ABC\", \"name\": ")]
    [InlineData("not json")]
    [InlineData("{\"code\": \"ABC\", \"countries\": \"KHM\"}")]
    public async Task AnUnreadableBodyIsABadRequestProblemNotAServerError(string body)
    {
        var response = await _client.PostAsync("/api/organisations",
            new StringContent(body, new MediaTypeHeaderValue("application/json")), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE code = 'ABC'"));
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors");
    }
}
