namespace LandRelease.Web.Reports;

/// <summary>The report pages' static files: their stylesheet, and the map modules bundled by ./landrelease (js/build.mjs).</summary>
public static class ReportAssets
{
    public const string Stylesheet = WebAssets.Root + "/css/reports.css";
    public const string MapStylesheet = WebAssets.Root + "/dist/maplibre-gl.css";
    public const string RegionalMap = WebAssets.Root + "/dist/regional-map.js";
    public const string CountryMap = WebAssets.Root + "/dist/country-map.js";
    public const string Outlines = "/api/countries/outlines";
}
