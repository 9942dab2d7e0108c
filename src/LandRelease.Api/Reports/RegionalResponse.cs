using System.Text.Json.Nodes;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports;

/// <summary>
/// The regional report as JSON: the states in order of their names, each with the country report's figure names (null
/// objects: no data reported), the ASEAN total of the states that reported, and the trend of the region by year.
/// </summary>
public sealed record RegionalResponse(int Year, IReadOnlyList<RegionalCountry> Countries, RegionalTotalResponse Total,
    IReadOnlyList<RegionalTotalResponse> Trend, IReadOnlyList<string> Notes)
{
    internal static RegionalResponse From(RegionalFigures figures) => new(figures.Year,
        [.. figures.Countries.Select(RegionalCountry.From)], RegionalTotalResponse.From(figures.Total),
        [.. figures.Trend.Select(RegionalTotalResponse.From)],
        [
            "Remaining land as at the end of the year; released land and devices by date of information in the year; approved data only.",
            "A state with null figures had reported nothing by the end of the year: no data reported, not zero.",
            "The ASEAN total adds up the states that reported; each state's figures reflect its own data version.",
            "Aggregates only: where land not yet released lies is shown to each country's own users.",
        ]);
}

public sealed record RegionalCountry(string Code, string Name, bool Reported, int? ReportedSince, long DataVersion,
    DateTimeOffset ComputedAt, bool FromSnapshot, JsonObject? Remaining, JsonObject? Released, JsonObject? Devices,
    JsonObject? Incidents, IReadOnlyList<RegionalTrendResponse> Trend)
{
    internal static RegionalCountry From(RegionalCountryFigures c) => new(c.Code, c.Name, c.Reported, c.ReportedSince,
        c.DataVersion, c.ComputedAt, c.FromSnapshot, Part(c.Values, "remaining"), Part(c.Values, "released"),
        Part(c.Values, "devices"), Part(c.Values, "incidents"),
        [.. c.Trend.Select(t => new RegionalTrendResponse(t.Year, t.Values is not null, Part(t.Values, "released"),
            Part(t.Values, "remaining"), Part(t.Values, "devices")))]);

    internal static JsonObject? Part(IReadOnlyDictionary<string, double>? values, string prefix) =>
        values is null ? null : FigureValues.Nest(values, prefix);
}

/// <summary>A year of a state's trend; null figures: no data reported.</summary>
public sealed record RegionalTrendResponse(int Year, bool Reported, JsonObject? Released, JsonObject? Remaining, JsonObject? Devices);

/// <summary>The region's figures of a year: the sum over the states that reported; null when none did.</summary>
public sealed record RegionalTotalResponse(int Year, int CountriesReporting, JsonObject? Remaining, JsonObject? Released,
    JsonObject? Devices, JsonObject? Incidents)
{
    internal static RegionalTotalResponse From(RegionalTotal t) => new(t.Year, t.CountriesReporting,
        RegionalCountry.Part(t.Values, "remaining"), RegionalCountry.Part(t.Values, "released"),
        RegionalCountry.Part(t.Values, "devices"), RegionalCountry.Part(t.Values, "incidents"));
}
