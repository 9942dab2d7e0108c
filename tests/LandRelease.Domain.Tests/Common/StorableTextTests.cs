using LandRelease.Domain.Common;

namespace LandRelease.Domain.Tests.Common;

public sealed class StorableTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("O Chrov rice field north")]
    [InlineData("ស្រែអូរជ្រៅ")]
    [InlineData("line one\nline two\ttabbed\r\n")]
    [InlineData("\u0001\u001f control characters PostgreSQL accepts")]
    [InlineData("a pair: \U0001F600")]
    public void TextPostgreSqlStoresIsAccepted(string? text) => Assert.Null(StorableText.Problem(text));

    [Theory]
    [InlineData("\0", 0)]
    [InlineData("KHM-\0-1", 4)]
    public void ANulCharacterIsRefusedWithItsPosition(string text, int position)
    {
        var problem = StorableText.Problem(text);
        Assert.NotNull(problem);
        Assert.Contains("NUL", problem, StringComparison.Ordinal);
        Assert.Contains($"position {position}", problem, StringComparison.Ordinal);
    }

    /// <summary>Built in code: an unpaired surrogate in an attribute argument does not survive compilation.</summary>
    [Fact]
    public void AnUnpairedSurrogateIsRefused()
    {
        const char high = '\ud800';
        const char low = '\udc00';
        foreach (var text in new[] { $"{high}", $"x{low}", $"{high}x", $"{low}{high}" })
        {
            Assert.Contains("surrogate", StorableText.Problem(text), StringComparison.Ordinal);
        }
    }
}
