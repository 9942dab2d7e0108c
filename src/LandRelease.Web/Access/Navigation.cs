namespace LandRelease.Web.Access;

/// <summary>Where each role lands after signing in, and the places its menu offers.</summary>
public static class Navigation
{
    public sealed record Link(string Href, string Text);

    public static string Home(UserScope user)
    {
        if (user.Is(Roles.RegionalViewer) || user.Is(Roles.Admin))
        {
            return "/regional";
        }

        if (user.Is(Roles.NationalAuthority) && user.Countries.Count > 0)
        {
            return $"/countries/{user.Countries.Order(StringComparer.Ordinal).First()}";
        }

        return user.Is(Roles.FieldOperator) ? "/uploads" : "/account/tokens";
    }

    public static IReadOnlyList<Link> Menu(UserScope user)
    {
        var links = new List<Link>();
        if (user.Is(Roles.RegionalViewer) || user.Is(Roles.NationalAuthority) || user.Is(Roles.Admin))
        {
            links.Add(new Link("/regional", "Regional dashboard"));
        }

        if (user.Is(Roles.NationalAuthority))
        {
            links.Add(new Link("/review", "Review queue"));
            links.AddRange(user.Countries.Order(StringComparer.Ordinal).Select(c => new Link($"/countries/{c}", $"Country {c}")));
        }

        if (user.Is(Roles.FieldOperator) || user.Is(Roles.NationalAuthority))
        {
            links.Add(new Link("/areas", "Hazardous areas"));
            links.Add(new Link("/uploads", "Uploads"));
            links.Add(new Link("/activities", "Activities"));
        }

        if (user.Is(Roles.Admin))
        {
            links.Add(new Link("/admin/accounts", "Accounts"));
        }

        links.Add(new Link("/account/tokens", "API tokens"));
        return links;
    }
}
