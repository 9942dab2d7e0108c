namespace LandRelease.Web;

/// <summary>Where the pages' own static files are served (a Razor class library's files live under _content/).</summary>
public static class WebAssets
{
    public const string Root = "/_content/LandRelease.Web";
    public const string Stylesheet = Root + "/css/site.css";
    public const string Icon = Root + "/favicon.svg";
}
