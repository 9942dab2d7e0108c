using System.Text.Json;
using LandRelease.Data.Reports;

namespace LandRelease.Web.Reports;

/// <summary>What the regional map module reads from the page: the classes, and per state its class and its link.</summary>
public static class RegionalMapData
{
    /// <summary>The ten states, with a margin: 92°E to 141°E, 11°S to 29°N.</summary>
    private static readonly double[][] Bounds = [[92.0, -11.2], [141.1, 28.6]];

    public static string Json(RegionalFigures figures, IReadOnlyList<MapClass> classes) => JsonSerializer.Serialize(new
    {
        outlinesUrl = ReportAssets.Outlines,
        bounds = Bounds,
        classes = classes.Select(c => new { color = c.Color, label = c.Label }),
        countries = figures.Countries.ToDictionary(c => c.Code, c => new
        {
            name = c.Name,
            reported = c.Reported,
            @class = c.Reported ? MapClasses.IndexOf(classes, Figures.Remaining(c.Values)) : -1,
            @short = c.Reported ? Figures.Area(Figures.Remaining(c.Values)) : "no data",
            href = $"/countries/{c.Code}?to={figures.Year}",
        }),
    });
}
