using LandRelease.Data.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace LandRelease.Web.Accounts;

/// <summary>Sign-out and the round trip through the external provider; the password form is the /signin page.</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebPaths.SignOut, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ExternalSignIn.Path, StartExternalAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ExternalSignIn.Path + "/complete", CompleteExternalAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<Account> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        await signIn.SignOutAsync();
        return Results.Redirect(WebPaths.SignIn);
    }

    private static async Task<IResult> StartExternalAsync(HttpContext context, IAntiforgery antiforgery, ExternalSignIn external)
    {
        if (!external.IsConfigured)
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = WebPaths.LocalOrHome(form["returnUrl"]);
        var complete = $"{ExternalSignIn.Path}/complete?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return Results.Challenge(new AuthenticationProperties { RedirectUri = complete }, [SignInSchemes.Oidc]);
    }

    private static async Task<IResult> CompleteExternalAsync(HttpContext context, string? returnUrl, OidcAccounts accounts,
        SignInManager<Account> signIn)
    {
        var external = await context.AuthenticateAsync(SignInSchemes.External);
        if (!external.Succeeded)
        {
            return Results.Redirect(WebPaths.SignIn);
        }

        var account = await accounts.ProvisionAsync(external.Principal, context.RequestAborted);
        await context.SignOutAsync(SignInSchemes.External);
        if (account is null || !await signIn.CanSignInAsync(account))
        {
            return Results.Redirect(WebPaths.AccessDenied);
        }

        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: SignInSchemes.Oidc);
        return Results.Redirect(WebPaths.LocalOrHome(returnUrl));
    }
}
