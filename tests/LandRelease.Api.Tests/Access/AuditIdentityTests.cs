using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Access;

/// <summary>The register records who wrote each version, from the token; a token the API did not issue counts for nothing.</summary>
public sealed class AuditIdentityTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Issuer = "landrelease-development";
    private const string Audience = "landrelease-api";

    public async ValueTask InitializeAsync() => await api.CreateClient().EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnAreaRecordsTheNameAndOrganisationOfTheTokenThatCreatedIt()
    {
        var surveyor = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-7");

        var (id, feature) = await surveyor.CreateAreaAsync(Features.HazardArea(NewLocalId("AUDIT")));

        Assert.Equal("surveyor-7", feature.Props().GetProperty("recordedBy").GetString());
        Assert.Equal("CMAC", feature.Props().GetProperty("recordedByOrganisation").GetString());
        Assert.Equal("surveyor-7", await api.ScalarAsync<string>("SELECT recorded_by FROM hazard_areas WHERE id = $1", id));
        Assert.Equal("CMAC", await api.ScalarAsync<string>("SELECT recorded_by_organisation FROM hazard_areas WHERE id = $1", id));
    }

    [Fact]
    public async Task ARevisionRecordsItsAuthorInTheNewVersionAndKeepsTheFirstAuthorInVersionOne()
    {
        var localId = NewLocalId("AUDIT-REV");
        var surveyor = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-7");
        var officer = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-2");
        var (id, _) = await surveyor.CreateAreaAsync(Features.HazardArea(localId));
        var revision = Features.HazardArea(localId);
        revision.Properties()["changeReason"] = "Checked on site by the national authority";

        var response = await officer.PutFeatureAsync(id, revision, "\"1\"");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("officer-2", body.Props().GetProperty("recordedBy").GetString());
        Assert.Equal("CMAA", body.Props().GetProperty("recordedByOrganisation").GetString());
        Assert.Equal("surveyor-7|CMAC", await VersionAuthorAsync(id, 1));
        Assert.Equal("officer-2|CMAA", await VersionAuthorAsync(id, 2));
        // The area is still CMAC's: who revised it does not change whose record it is.
        Assert.Equal("CMAC", await api.ScalarAsync<string>("SELECT organisation_code FROM hazard_areas WHERE id = $1", id));
    }

    private Task<string> VersionAuthorAsync(Guid id, int version) => api.ScalarAsync<string>(
        "SELECT recorded_by || '|' || recorded_by_organisation FROM hazard_area_versions WHERE hazard_area_id = $1 AND version = $2",
        id, version);

    public static TheoryData<string> BadTokens() => ["wrong-signature", "expired", "wrong-audience", "wrong-issuer", "unsigned"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ATokenTheApiDidNotIssueOrThatHasExpiredIsUnauthorised(string kind)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(DevelopmentKey()));
        var randomKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "wrong-signature" => Token(randomKey, Audience, Issuer, now.AddHours(1)),
            "expired" => Token(key, Audience, Issuer, now.AddMinutes(-10)),
            "wrong-audience" => Token(key, "some-other-api", Issuer, now.AddHours(1)),
            "wrong-issuer" => Token(key, Audience, "someone-else", now.AddHours(1)),
            "unsigned" => Token(null, Audience, Issuer, now.AddHours(1)),
            _ => throw new ArgumentException(kind, nameof(kind)),
        };
        var client = api.ClientAs([], [], null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/countries", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AGoodTokenIsAcceptedSoTheBadOnesFailForTheirFault()
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(DevelopmentKey()));
        var client = api.ClientAs([], [], null);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Token(key, Audience, Issuer, DateTime.UtcNow.AddHours(1)));

        using var response = await client.GetAsync("/api/countries", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The key this class's API was started with: the one a forger would need and not have.</summary>
    private string DevelopmentKey()
    {
        _ = api.CreateClient();
        return api.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentSigningKey"]!;
    }

    private static string Token(SymmetricSecurityKey? key, string audience, string issuer, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([
                new Claim(TokenClaims.Subject, "forger"), new Claim(TokenClaims.Role, Roles.NationalAuthority),
                new Claim(TokenClaims.Country, "KHM")]),
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = key is null ? null : new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
