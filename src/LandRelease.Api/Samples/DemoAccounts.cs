using System.Security.Cryptography;
using System.Text;
using LandRelease.Data.Accounts;
using LandRelease.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LandRelease.Api.Samples;

/// <summary>
/// One account per role on the samples, for trying the pages locally (Development only, never in Production).
/// Each password is derived from this machine's development key, so it is the same on every run and printed again.
/// </summary>
internal static class DemoAccounts
{
    private static readonly AccountInput[] Accounts =
    [
        new("demo-regional", Roles.RegionalViewer, [], "ARMAC", "Regional Viewer (demo)", "Information officer, ARMAC"),
        new("demo-authority", Roles.NationalAuthority, ["KHM"], "CMAA", "National Authority (demo)", "Database manager, CMAA"),
        new("demo-operator", Roles.FieldOperator, ["KHM"], "CMAC", "Field Operator (demo)", "Survey team leader, CMAC"),
        new("demo-admin", Roles.Admin, [], "ARMAC", "Administrator (demo)", "System administrator"),
    ];

    public static async Task EnsureAsync(WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || app.Configuration["Samples:LoadFrom"] is not { Length: > 0 })
        {
            return;
        }

        var key = app.Configuration["Auth:DevelopmentSigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var lines = new List<string>();
        foreach (var input in Accounts)
        {
            var password = PasswordFor(key, input.Name);
            var existing = await users.FindByNameAsync(input.Name);
            var errors = existing is null
                ? (await admin.CreateAsync(input, password, CancellationToken.None)).Errors
                : await admin.SetPasswordAsync(existing, password);
            lines.Add(errors.Count == 0
                ? $"  {input.Name,-16} {password}   {RoleNames.Label(input.Role)}{(input.Countries.Count > 0 ? " of " + string.Join(", ", input.Countries) : "")}"
                : $"  {input.Name,-16} not ready: {string.Join("; ", errors)}");
        }

        Console.WriteLine("Demo accounts (Development only), sign in at /signin:");
        lines.ForEach(Console.WriteLine);
    }

    private static string PasswordFor(string key, string name)
    {
        var bytes = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("demo-account:" + name));
        return "demo-" + Convert.ToHexStringLower(bytes)[..16];
    }
}
