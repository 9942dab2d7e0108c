namespace LandRelease.Web.Accounts;

/// <summary>Bound from "Auth:SignIn": accounts' password rules, lockout and the sign-in cookie.</summary>
public sealed class SignInOptions
{
    public const string Section = "Auth:SignIn";

    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Failed passwords in a row before an account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A signed-in browser stays signed in this long without a request (sliding).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How soon a disabled account or a changed scope reaches browsers already signed in.</summary>
    public TimeSpan RecheckAccountEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Send the cookie over plain HTTP too. Only for Development and tests on loopback.</summary>
    public bool AllowHttpCookies { get; set; }
}
