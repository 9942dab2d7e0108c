using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Tests.HazardAreas;

public sealed class VersionChangesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly Actor Surveyor = new("surveyor", "CMAC");
    private static readonly DateTimeOffset At = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static HazardAreaDetails Details(string name = "Rice field", HazardAreaStatus status = HazardAreaStatus.Open,
        params ContaminationType[] contamination) => new(
        "KHM", "BTB-1", name, HazardClassification.Cha, contamination.Length == 0 ? [ContaminationType.ApMine, ContaminationType.AvMine] : contamination,
        status, [new Evidence(EvidenceKind.Direct, "PMN-2 seen")], new DateOnly(2024, 5, 1), "CMAC");

    private static MultiPolygon Square(double lon, double lat, double size, int startCorner = 0)
    {
        Coordinate[] corners = [new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size)];
        var ring = Enumerable.Range(0, 5).Select(i => corners[(i + startCorner) % 4]).ToArray();
        return Factory.CreateMultiPolygon([Factory.CreatePolygon(ring)]);
    }

    private static (HazardAreaVersion Before, HazardAreaVersion After) Revised(HazardAreaDetails details, MultiPolygon geometry)
    {
        var area = HazardArea.Register(Guid.NewGuid(), Details(), Square(102.9, 13.5, 0.002), Surveyor, At, "survey");
        var before = area.Snapshot();
        area.Revise(details, geometry, Surveyor, At.AddDays(1), "resurvey");
        return (before, area.Snapshot());
    }

    [Fact]
    public void NamesEachChangedAttributeWithItsOldAndNewValue()
    {
        var (before, after) = Revised(Details("Rice field north", HazardAreaStatus.WorkedOn), Square(102.9, 13.5, 0.002));

        var change = VersionChanges.Between(before, after);

        Assert.Equal(2, change.Version);
        Assert.Equal(
            [new AttributeChange("Name", "Rice field", "Rice field north"), new AttributeChange("Status", "OPEN", "WORKED_ON")],
            change.Attributes);
        Assert.False(change.GeometryChanged);
        Assert.Equal(0, change.AreaChangeSqm);
    }

    [Fact]
    public void AMovedPolygonIsAGeometryChange()
    {
        var (before, after) = Revised(Details(), Square(102.9, 13.5, 0.003));

        var change = VersionChanges.Between(before, after);

        Assert.True(change.GeometryChanged);
        Assert.Empty(change.Attributes);
        Assert.False(change.IsEmpty);
    }

    [Fact]
    public void TheSamePolygonStartingAtAnotherCornerAndContaminationInAnotherOrderAreNoChange()
    {
        var (before, after) = Revised(Details(contamination: [ContaminationType.AvMine, ContaminationType.ApMine]),
            Square(102.9, 13.5, 0.002, startCorner: 2));

        var change = VersionChanges.Between(before, after);

        Assert.True(change.IsEmpty, string.Join(", ", change.Attributes));
    }

    [Fact]
    public void TheFirstVersionHasNoChangeAndEachLaterOneItsOwn()
    {
        var (before, after) = Revised(Details("Renamed"), Square(102.9, 13.5, 0.002));

        var changes = VersionChanges.Of([before, after]);

        Assert.Null(changes[0]);
        Assert.Equal("Name", Assert.Single(changes[1]!.Attributes).Attribute);
    }
}
