using LandRelease.Domain.Common;

namespace LandRelease.Domain.Tests.Common;

public sealed class PlausibleDatesTests
{
    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("1979-04-17")]
    [InlineData("2024-05-01")]
    [InlineData("2199-12-31")]
    public void ADateFrom1900OnIsRead(string text)
    {
        Assert.True(PlausibleDates.TryRead(text, out var date, out var error), error);
        Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd"), date);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("9999-12-31")]
    public void ADateOutsideTheRangeIsRefusedSayingTheRange(string text)
    {
        Assert.False(PlausibleDates.TryRead(text, out _, out var error));
        Assert.Contains("1900-01-01", error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024-02-30")]
    [InlineData("-infinity")]
    [InlineData("infinity")]
    [InlineData("2024-05-01T00:00:00Z")]
    public void WhatIsNotADateIsRefused(string? text) => Assert.False(PlausibleDates.TryRead(text, out _, out _));

    [Fact]
    public void TheRangeExcludesTheValuesNpgsqlStoresAsInfinity()
    {
        Assert.False(PlausibleDates.Contains(DateOnly.MinValue));
        Assert.False(PlausibleDates.Contains(DateOnly.MaxValue));
    }
}
