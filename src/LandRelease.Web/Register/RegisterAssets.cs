namespace LandRelease.Web.Register;

/// <summary>The register browser's map modules, bundled by ./landrelease (js/build.mjs) beside the report maps.</summary>
public static class RegisterAssets
{
    public const string AreasMap = WebAssets.Root + "/dist/areas-map.js";
    public const string AreaMap = WebAssets.Root + "/dist/area-map.js";
    public const string Stylesheet = WebAssets.Root + "/css/register.css";

    /// <summary>Rows on a page of the search; the API's list pages the same way, up to its own maximum.</summary>
    public const int PageSize = 50;

    /// <summary>Rows shown in each list of an area's page before it says how many more the API lists.</summary>
    public const int ListShown = 100;
}
