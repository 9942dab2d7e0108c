namespace LandRelease.Api.Access;

/// <summary>`LandRelease.Api token --role R [--role R2] --country KHM [--org CMAC] [--name N] [--hours H]`.</summary>
internal static class TokenCommand
{
    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        if (environment.IsProduction())
        {
            Console.Error.WriteLine("Development tokens are not issued in Production; use your identity provider.");
            return 2;
        }

        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var roles = Values(args, "--role");
        var unknown = roles.Except(Roles.All).ToList();
        if (roles.Count == 0 || unknown.Count > 0 || options.DevelopmentSigningKey is null)
        {
            Console.Error.WriteLine($"usage: token --role ({string.Join("|", Roles.All)}) [--country ISO3]... [--org CODE] [--name NAME] [--hours N]");
            Console.Error.WriteLine(options.DevelopmentSigningKey is null ? "Auth:DevelopmentSigningKey is not set." : $"Unknown role: {string.Join(", ", unknown)}");
            return 2;
        }

        var hours = int.TryParse(Values(args, "--hours").LastOrDefault(), out var h) ? h : 12;
        var name = Values(args, "--name").LastOrDefault() ?? $"dev-{roles[0]}";
        Console.WriteLine(DevelopmentTokens.Issue(options, name, roles, Values(args, "--country"),
            Values(args, "--org").LastOrDefault(), TimeSpan.FromHours(hours)));
        return 0;
    }

    private static List<string> Values(string[] args, string flag) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == flag && p.i + 1 < args.Length).Select(p => args[p.i + 1])];
}
