using LandRelease.Api.Access;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.Accounts;
using LandRelease.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.Certificates.CertificateApi;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>
/// The certificate names the approver by the display name and position their account had when they approved: an edit
/// of the account afterwards (a promotion, a corrected name) does not rewrite a certificate already issued.
/// </summary>
public sealed class CertificateApproverTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Officer = "officer-chanthy";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task DescribeAsync(string displayName, string position)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var input = new AccountInput(Officer, Roles.NationalAuthority, ["KHM"], null, displayName, position);
        if (await users.FindByNameAsync(Officer) is { } account)
        {
            Assert.Empty(await admin.UpdateAsync(account, input, disabled: false, Ct));
        }
        else
        {
            Assert.Empty((await admin.CreateAsync(input, "a long enough passphrase for tests", Ct)).Errors);
        }
    }

    [Fact]
    public async Task TheApproversNameAndPositionAreThoseOfTheDayOfApproval()
    {
        await DescribeAsync("Sok Chanthy", "Deputy Director, Operations");
        var officer = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", Officer);
        var areaId = await _client.CreateAreaAsync();
        var id = await _client.DraftAsync(areaId, Features.Square(103.857, 13.357, 0.002));
        await _client.MoveAsync(id, "submit");
        await officer.MoveAsync(id, "approve");

        var before = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();
        Assert.Contains("Sok Chanthy", before, StringComparison.Ordinal);
        Assert.Contains("Deputy Director, Operations", before, StringComparison.Ordinal);
        Assert.DoesNotContain(Officer, before, StringComparison.Ordinal);

        await DescribeAsync("Sok Chanthy Vann", "Director General");
        var after = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();
        Assert.Contains("Deputy Director, Operations", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Director General", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Sok Chanthy Vann", after, StringComparison.Ordinal);
    }
}
