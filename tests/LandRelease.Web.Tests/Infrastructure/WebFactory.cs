using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Organisations;
using LandRelease.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Web.Tests.Infrastructure;

/// <summary>
/// The whole host (API and pages) on real Kestrel over loopback, on a database of its own, with one account
/// per role. Browsers and HttpClients reach it at <see cref="BaseAddress"/>.
/// </summary>
public class WebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    /// <summary>Sign-in names of the seeded accounts, by what they are.</summary>
    public static class Names
    {
        public const string Admin = "admin";
        public const string Regional = "regional";
        public const string AuthorityKhm = "authority-khm";
        public const string OperatorKhm = "operator-khm";
    }

    public static readonly IReadOnlyDictionary<string, AccountInput> Accounts = new Dictionary<string, AccountInput>
    {
        [Names.Admin] = new(Names.Admin, Roles.Admin, [], "ARMAC", "Ada Admin", "System administrator"),
        [Names.Regional] = new(Names.Regional, Roles.RegionalViewer, [], "ARMAC", "Rin Regional", "Information officer, ARMAC"),
        [Names.AuthorityKhm] = new(Names.AuthorityKhm, Roles.NationalAuthority, ["KHM"], "CMAA", "Sokha Chan", "Database manager, CMAA"),
        [Names.OperatorKhm] = new(Names.OperatorKhm, Roles.FieldOperator, ["KHM"], "CMAC", "Dara Field", "Team leader, CMAC"),
    };

    public WebFactory() => UseKestrel(0);

    public string ConnectionString { get; private set; } = "";

    public Uri BaseAddress => CreateClient().BaseAddress!;

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync();
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        foreach (var (code, kind) in new[] { ("ARMAC", OrganisationKind.RegionalBody), ("CMAA", OrganisationKind.NationalAuthority), ("CMAC", OrganisationKind.Operator) })
        {
            db.Organisations.Add(Organisation.Create(Guid.NewGuid(), code, code, kind, kind == OrganisationKind.RegionalBody ? [] : ["KHM"], DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
        foreach (var input in Accounts.Values)
        {
            await CreateAccountAsync(input);
        }
    }

    public async Task CreateAccountAsync(AccountInput input, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var (account, errors) = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(input, password, CancellationToken.None);
        Assert.True(account is not null, string.Join("; ", errors));
    }

    public async Task DisableAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Accounts.Account>>();
        var account = await users.FindByNameAsync(name) ?? throw new InvalidOperationException($"No account {name}.");
        var errors = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().UpdateAsync(account,
            new AccountInput(name, account.Role, account.Countries, account.Organisation, account.DisplayName, account.Position), disabled: true, CancellationToken.None);
        Assert.Empty(errors);
    }

    public async Task<T> WithDbAsync<T>(Func<LandReleaseDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:LandRelease", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Samples:LoadFrom", "");
        builder.UseSetting("Auth:DevelopmentSigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Auth:SignIn:AllowHttpCookies", "true");
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
        foreach (var (key, value) in ExtraSettings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Settings a derived factory adds (an external provider, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
        GC.SuppressFinalize(this);
    }
}
