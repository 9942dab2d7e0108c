using LandRelease.Domain.AdminAreas;
using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Tests.AdminAreas;

public sealed class AdminAreaRulesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static MultiPolygon Square(double west) => Factory.CreateMultiPolygon([Factory.CreatePolygon(
        [new(west, 0), new(west + 1, 0), new(west + 1, 1), new(west, 1), new(west, 0)])]);

    private static string[] Rules(string? code, string? name, string? level, string? parent) =>
        [.. AdminAreaRules.Check(new AdminAreaRules.Attributes(code, name, level, parent), out _).Select(v => v.Rule)];

    [Fact]
    public void AProvinceHasACodeANameAndNoParent() => Assert.Empty(Rules("KH-2", "Battambang", "1", null));

    [Fact]
    public void ADistrictNamesItsProvince()
    {
        Assert.Empty(Rules("KH-2-01", "Banan", "2", "KH-2"));
        Assert.Equal(["parent-required"], Rules("KH-2-01", "Banan", "2", null));
    }

    [Theory]
    [InlineData(null, "A", "1", null, "code-required")]
    [InlineData("KH 2", "A", "1", null, "code-malformed")]
    [InlineData("KH-2", " ", "1", null, "name-required")]
    [InlineData("KH-2", "A", "3", null, "level-unknown")]
    [InlineData("KH-2", "A", "one", null, "level-unknown")]
    [InlineData("KH-2", "A", "1", "KH-1", "parent-of-province")]
    public void EachBrokenRuleIsNamed(string? code, string? name, string? level, string? parent, string rule) =>
        Assert.Contains(rule, Rules(code, name, level, parent));

    [Fact]
    public void ACodeRepeatedInTheFileAndAParentThatIsNoProvinceAreRefused()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var provinces = new HashSet<string>(StringComparer.Ordinal) { "KH-1" };
        var known = new HashSet<string>(StringComparer.Ordinal) { "KH-2" };

        Assert.Empty(AdminAreaRules.CheckInSet(new AdminAreaDetails("KH-1-01", "A", 2, "KH-1", Square(0)), codes, provinces, known));
        Assert.Empty(AdminAreaRules.CheckInSet(new AdminAreaDetails("KH-2-01", "B", 2, "KH-2", Square(1)), codes, provinces, known));
        Assert.Equal(["code-repeated"], AdminAreaRules.CheckInSet(new AdminAreaDetails("KH-1-01", "C", 2, "KH-1", Square(2)), codes, provinces, known)
            .Select(v => v.Rule));
        Assert.Equal(["parent-unknown"], AdminAreaRules.CheckInSet(new AdminAreaDetails("KH-9-01", "D", 2, "KH-9", Square(3)), codes, provinces, known)
            .Select(v => v.Rule));
    }

    [Fact]
    public void TheSameDetailsAgainMakeNoNewVersionAndAChangedOutlineDoes()
    {
        var actor = new Actor("officer", "CMAA");
        var area = AdminArea.Create(Guid.NewGuid(), "KHM", new AdminAreaDetails("KH-2", "Battambang", 1, null, Square(0)), actor,
            DateTimeOffset.UnixEpoch, null);

        Assert.False(area.Revise(new AdminAreaDetails("KH-2", "Battambang", 1, null, Square(0)), actor, DateTimeOffset.UnixEpoch, null));
        Assert.Equal(1, area.Version);
        Assert.True(area.Revise(new AdminAreaDetails("KH-2", "Battambang", 1, null, Square(0.5)), actor, DateTimeOffset.UnixEpoch, null));
        Assert.Equal(2, area.Version);
        Assert.Equal(2, area.Snapshot().Version);
    }

    [Fact]
    public void AnOverlapNamesTheOtherAreaItsLevelTheSquareMetresAndWhereItIs()
    {
        var violation = AdminAreaRules.Overlaps(2, "KH-1-02", 123456.7, new Coordinate(103.12345678, 13.5));

        Assert.Equal(("overlaps-area", "geometry"), (violation.Rule, violation.Field));
        Assert.StartsWith("It overlaps level 2 area 'KH-1-02' by 123,457 m² around (longitude 103.12", violation.Message, StringComparison.Ordinal);
    }
}
