using System.Net;
using LandRelease.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Web.Tests.Accounts;

/// <summary>
/// Who may open which page, one row per page and one column per role, like the API's authorization matrix.
/// A page that is not in the table fails the walk: a new page must say who may see it.
/// </summary>
public sealed class PageAccessTests(WebFactory web) : IClassFixture<WebFactory>
{
    private const int SignIn = 302;

    private static readonly string[] Columns =
        ["anonymous", WebFactory.Names.OperatorKhm, WebFactory.Names.AuthorityKhm, WebFactory.Names.Regional, WebFactory.Names.Admin];

    private static readonly (string Route, string Path, int[] Expected)[] Table =
    [
        //                                                             anon    fo-khm  na-khm  regional admin
        ("/uploads",               "/uploads",                         [SignIn, 200,    200,    403,    403]),
        ("/uploads/new",           "/uploads/new",                     [SignIn, 200,    200,    403,    403]),
        ("/uploads/{Id:guid}",     "/uploads/01890000-0000-7000-8000-000000000000", [SignIn, 404, 404, 403, 403]),
        ("/activities",            "/activities",                      [SignIn, 200,    200,    403,    403]),
        ("/account/tokens",        "/account/tokens",                  [SignIn, 200,    200,    200,    200]),
        ("/admin/accounts",        "/admin/accounts",                  [SignIn, 403,    403,    403,    200]),
        ("/admin/accounts/{Id:guid}", "/admin/accounts/{admin}",       [SignIn, 403,    403,    403,    200]),
        ("/regional",              "/regional",                        [SignIn, 403,    200,    200,    200]),
        ("/countries/{Code:regex(^(?i:BRN|IDN|KHM|LAO|MMR|MYS|PHL|SGP|THA|VNM)$)}", "/countries/KHM", [SignIn, 200, 200, 200, 200]),
        ("/areas",                 "/areas",                           [SignIn, 200,    200,    403,    403]),
        // No area has this id: the register's readers get the 404 page (RegisterBrowserTests: another country's too).
        ("/areas/{Id:guid}",       "/areas/00000000-0000-0000-0000-000000000001", [SignIn, 404, 404, 403,    403]),
        ("/review",                "/review",                          [SignIn, 403,    200,    403,    403]),
        ("/review/{Id:guid}",      "/review/00000000-0000-0000-0000-000000000001", [SignIn, 403, 404, 403, 403]),
    ];

    /// <summary>Pages anyone may open (they hold no data), and the role landing, which only redirects.</summary>
    private static readonly string[] Open = ["/signin", "/"];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var (_, path, expected) in Table)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                cases.Add(Columns[i], path, expected[i]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRoleGetsThePageTheTableGivesIt(string identity, string path, int expected)
    {
        using var client = identity == "anonymous" ? new FormClient(web) : await FormClient.SignedInAsync(web, identity);
        var adminId = await web.WithDbAsync(db => Task.FromResult(db.Users.Single(a => a.UserName == WebFactory.Names.Admin).Id));
        var url = path.Replace("{admin}", adminId.ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expected, $"{identity} {url}: expected {expected}, got {(int)response.StatusCode}");
        switch (expected)
        {
            case SignIn:
                Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location?.PathAndQuery);
                break;
            case 403:
                Assert.Contains("Access denied", body, StringComparison.Ordinal);
                Assert.DoesNotContain("<table", body, StringComparison.Ordinal);
                break;
        }
    }

    [Theory]
    [InlineData(WebFactory.Names.OperatorKhm, "/uploads")]
    [InlineData(WebFactory.Names.AuthorityKhm, "/countries/KHM")]
    [InlineData(WebFactory.Names.Regional, "/regional")]
    [InlineData(WebFactory.Names.Admin, "/regional")]
    public async Task TheStartPageLeadsEachRoleToItsPlace(string identity, string place)
    {
        using var client = await FormClient.SignedInAsync(web, identity);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(web.BaseAddress, place), response.Headers.Location);
    }

    [Fact]
    public async Task AnAnonymousVisitToTheStartPageLeadsToTheSignInForm()
    {
        using var client = new FormClient(web);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPageIsInTheTable()
    {
        _ = web.BaseAddress;
        var pages = web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var known = Table.Select(row => row.Route).Concat(Open).Order(StringComparer.Ordinal).ToList();
        Assert.True(known.SequenceEqual(pages),
            $"Pages: {string.Join(", ", pages)}\nIn the table: {string.Join(", ", known)}\nAdd each page to the table with who may open it.");
    }
}
