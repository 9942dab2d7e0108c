using LandRelease.Domain.Countries;

namespace LandRelease.Domain.Tests.Common;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("KHM", "KHM")]
    [InlineData(" khm\t", "KHM")]
    [InlineData("Lao", "LAO")]
    public void ACodeIsKeptTrimmedAndInCapitals(string text, string kept)
    {
        Assert.Equal(kept, CountryCode.From(text)!.Value.Value);
        Assert.Equal(kept, CountryCode.Normalise(text));
        Assert.Equal(CountryCode.From(kept), CountryCode.From(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankCodeIsNoCode(string? text)
    {
        Assert.Null(CountryCode.From(text));
        Assert.Equal("", CountryCode.Normalise(text ?? ""));
    }

    [Theory]
    [InlineData("KHM", true)]
    [InlineData("KH", false)]
    [InlineData("KHMR", false)]
    [InlineData("K1M", false)]
    [InlineData("ÉTA", false)]
    public void OnlyThreeLettersAToZAreWellFormed(string text, bool wellFormed) =>
        Assert.Equal(wellFormed, CountryCode.From(text)!.Value.IsWellFormed);

    [Fact]
    public void ACodeReadsAsItsTextWhereStringsAreExpected()
    {
        string text = CountryCode.From("vnm")!.Value;
        Assert.Equal(("VNM", "VNM"), (text, CountryCode.From("vnm").ToString()));
    }
}
