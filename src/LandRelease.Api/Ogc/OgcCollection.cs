using LandRelease.Data.Ogc;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Ogc;

/// <summary>A published collection: its id, words for people, its source, and the values each property filter accepts.</summary>
/// <param name="Filters">Filter name to its allowed values; null values means free text (a country or organisation code).</param>
internal sealed record OgcCollection(string Id, string Title, string Description, FeatureSource Source,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>?> Filters)
{
    public static readonly IReadOnlyList<OgcCollection> All =
    [
        new("hazard-areas", "Hazardous areas",
            "Suspected and confirmed hazardous areas (SHA, CHA) as the register holds them now; datetime filters by date of information.",
            FeatureSources.HazardAreas, new Dictionary<string, IReadOnlyCollection<string>?>
            {
                ["country"] = null, ["organisation"] = null,
                ["status"] = WireName<HazardAreaStatus>.All, ["classification"] = WireName<HazardClassification>.All,
            }),
        new("released-land", "Released land",
            "Land cancelled, reduced or cleared by an approved, certified or handed-over release decision; datetime filters by date of information.",
            FeatureSources.ReleasedLand, new Dictionary<string, IReadOnlyCollection<string>?>
            {
                ["country"] = null, ["organisation"] = null,
                ["status"] = [WireName<DecisionState>.Of(DecisionState.Approved), WireName<DecisionState>.Of(DecisionState.Certified),
                    WireName<DecisionState>.Of(DecisionState.HandedOver)],
                ["kind"] = WireName<ReleaseKind>.All,
            }),
        new("activities", "Survey and clearance activities",
            "Non-technical and technical surveys, clearance and other activities by the land worked; datetime filters by the activity's start and end dates.",
            FeatureSources.Activities, new Dictionary<string, IReadOnlyCollection<string>?>
            {
                ["country"] = null, ["organisation"] = null,
                ["status"] = WireName<ActivityStatus>.All, ["type"] = WireName<ActivityType>.All,
            }),
        new("admin-areas", "Administrative areas",
            "Provinces (level 1) and districts (level 2) as the national authority loaded them, current versions; datetime filters by the day the version was recorded.",
            FeatureSources.AdminAreas, new Dictionary<string, IReadOnlyCollection<string>?>
            {
                ["country"] = null, ["level"] = ["1", "2"], ["parentCode"] = null,
            })
        {
            ListedOnlyWhenPresent = true, CaseSensitiveFilters = ["parentCode"],
        },
    ];

    /// <summary>Listed in /collections only when the caller's countries hold a feature of it (a country may load no boundaries).</summary>
    public bool ListedOnlyWhenPresent { get; init; }

    /// <summary>Filters whose values are compared as given rather than in capitals (admin-area codes keep their case).</summary>
    public IReadOnlyCollection<string> CaseSensitiveFilters { get; init; } = [];

    public static OgcCollection? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}
