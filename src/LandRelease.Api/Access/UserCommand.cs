using LandRelease.Web.Accounts;

namespace LandRelease.Api.Access;

/// <summary>
/// `LandRelease.Api user add --name N --role R [--country ISO3]... [--org CODE] [--display-name D] [--position P]`:
/// creates an account. The password is read from standard input when it is redirected, else generated and printed once.
/// </summary>
internal static class UserCommand
{
    private const string Usage =
        "usage: user add --name NAME --role ROLE [--country ISO3]... [--org CODE] [--display-name TEXT] [--position TEXT]  (password on stdin, or one is generated)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var name = Last(args, "--name");
        var role = Last(args, "--role");
        if (args is not ["add", ..] || name is null || role is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var generated = !Console.IsInputRedirected;
        var password = generated ? AccountAdmin.GeneratePassword() : (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var input = new AccountInput(name, role, Values(args, "--country"), Last(args, "--org"), Last(args, "--display-name"), Last(args, "--position"));
        var (account, errors) = await admin.CreateAsync(input, password, CancellationToken.None);
        if (account is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            return 1;
        }

        Console.WriteLine($"Created account {account.UserName} ({RoleNames.Label(account.Role)}).");
        if (generated)
        {
            Console.WriteLine($"Password (shown once): {password}");
        }

        return 0;
    }

    private static string? Last(string[] args, string flag) => Values(args, flag).LastOrDefault();

    private static List<string> Values(string[] args, string flag) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == flag && p.i + 1 < args.Length).Select(p => args[p.i + 1])];
}
