using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;

namespace LandRelease.Domain.Tests.Common;

public sealed class PlausibleNumbersTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(1_500_000)]
    [InlineData(1e12)]
    public void AnAreaUpToAMillionSquareKilometresIsPlausible(double squareMetres) => Assert.True(PlausibleNumbers.IsArea(squareMetres));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.000001e12)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void AnAreaOutsideTheRangeIsNot(double squareMetres) => Assert.False(PlausibleNumbers.IsArea(squareMetres));

    [Fact]
    public void TheLargestJsonNumberInSquareKilometresIsNoPlausibleArea() =>
        Assert.False(PlausibleNumbers.IsArea(new EnteredArea(1e308, AreaUnit.Km2).SquareMetres));
}
