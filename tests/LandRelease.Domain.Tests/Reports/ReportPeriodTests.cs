using LandRelease.Domain.Reports;

namespace LandRelease.Domain.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static (ReportPeriod? Period, string[] Rules, Dictionary<string, string[]> Errors) Read(string? year = null,
        string? from = null, string? to = null, string? asAt = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (period, violations) = ReportPeriod.Read(year, from, to, asAt, Today, errors);
        return (period, [.. violations.Select(v => v.Rule)], errors);
    }

    [Fact]
    public void NoParametersMeanTheCurrentCalendarYearWithEverythingRecorded()
    {
        var (period, rules, errors) = Read();
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null), period);
        Assert.True(period!.IsCalendarYear);
        Assert.Empty(rules);
        Assert.Empty(errors);
    }

    [Fact]
    public void AYearIsItsFirstToItsLastDayAndAnAsAtDateMakesItAnotherReport()
    {
        Assert.Equal(ReportPeriod.Year(2024), Read(year: "2024").Period);
        var asAt = Read(year: "2024", asAt: "2025-03-31").Period!;
        Assert.Equal(new DateOnly(2025, 3, 31), asAt.AsAt);
        Assert.False(asAt.IsCalendarYear);
        Assert.False(Read(from: "2024-01-01", to: "2024-06-30").Period!.IsCalendarYear);
    }

    [Theory]
    [InlineData(null, "2024-02-30", null, null, "from")]
    [InlineData(null, null, "31/12/2024", null, "to")]
    [InlineData(null, null, null, "2025-3-31", "asAt")]
    [InlineData("MMXXIV", null, null, null, "year")]
    [InlineData("-2024", null, null, null, "year")]
    [InlineData("2024", "2024-01-01", null, null, "year")]
    public void UnreadableValuesNameTheirField(string? year, string? from, string? to, string? asAt, string field)
    {
        var (period, _, errors) = Read(year, from, to, asAt);
        Assert.Null(period);
        Assert.True(errors.ContainsKey(field), string.Join(", ", errors.Keys));
    }

    [Theory]
    [InlineData(null, "2024-12-31", "2024-01-01", null, "period-reversed")]
    [InlineData("1949", null, null, null, "period-out-of-range")]
    [InlineData("2028", null, null, null, "period-out-of-range")]
    [InlineData(null, "1900-01-01", "2024-01-01", null, "period-out-of-range")]
    [InlineData(null, null, null, "2026-12-02", "as-at-out-of-range")]
    public void ReadableButImpossiblePeriodsBreakARule(string? year, string? from, string? to, string? asAt, string rule)
    {
        var (period, rules, _) = Read(year, from, to, asAt);
        Assert.Null(period);
        Assert.Contains(rule, rules);
    }

    [Fact]
    public void AnAsAtDateOneDayAheadIsAcceptedForTeamsEastOfUtc()
    {
        Assert.NotNull(Read(asAt: "2026-12-01").Period);
        Assert.NotNull(Read(year: "2027").Period);
    }
}
