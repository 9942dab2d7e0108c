namespace LandRelease.Web.Review;

/// <summary>The review page's map module, bundled by ./landrelease (js/build.mjs).</summary>
public static class ReviewAssets
{
    public const string Map = WebAssets.Root + "/dist/review-map.js";
}
