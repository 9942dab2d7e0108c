using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Tests.HazardAreas;

public sealed class HazardAreaRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static HazardAreaDetails Details(HazardClassification classification, params Evidence[] evidence) => new(
        "KHM", "BTB-1", "Rice field", classification, [ContaminationType.ApMine], HazardAreaStatus.Open, evidence,
        new DateOnly(2024, 5, 1), "CMAC");

    [Fact]
    public void ConfirmedAreaWithOnlyIndirectEvidenceBreaksTheEvidenceRule()
    {
        var violations = HazardAreaRules.Check(Details(HazardClassification.Cha, new Evidence(EvidenceKind.Indirect, "interview")), Today);
        var violation = Assert.Single(violations);
        Assert.Equal(HazardAreaRules.ChaNeedsDirectEvidence, violation.Rule);
        Assert.Equal("properties.classification", violation.Field);
    }

    [Fact]
    public void ConfirmedAreaWithDirectEvidenceIsAccepted() =>
        Assert.Empty(HazardAreaRules.Check(Details(HazardClassification.Cha, new Evidence(EvidenceKind.Direct, "PMN-2 seen")), Today));

    [Fact]
    public void SuspectedAreaNeedsNoDirectEvidence() =>
        Assert.Empty(HazardAreaRules.Check(Details(HazardClassification.Sha, new Evidence(EvidenceKind.Indirect, "history")), Today));

    [Fact]
    public void DateOfInformationMoreThanADayAheadIsRefused()
    {
        var details = Details(HazardClassification.Sha) with { DateOfInformation = Today.AddDays(2) };
        Assert.Equal(HazardAreaRules.DateInFuture, Assert.Single(HazardAreaRules.Check(details, Today)).Rule);
        Assert.Empty(HazardAreaRules.Check(details with { DateOfInformation = Today.AddDays(1) }, Today));
    }

    [Fact]
    public void RevisionMayNotChangeCountryOrLocalId()
    {
        var area = HazardArea.Register(Guid.NewGuid(), Details(HazardClassification.Sha), Square(), new Actor("tester", "CMAC"), DateTimeOffset.UnixEpoch, "Registered");
        var revised = Details(HazardClassification.Sha) with { CountryCode = "LAO", LocalId = "OTHER" };
        var violations = HazardAreaRules.CheckRevision(area, revised, Today);
        Assert.Equal(["properties.countryCode", "properties.localId"], violations.Select(v => v.Field).ToArray());
        Assert.All(violations, v => Assert.Equal(HazardAreaRules.IdentityIsFixed, v.Rule));
    }

    [Fact]
    public void RevisingBumpsTheVersionAndTheSnapshotCarriesIt()
    {
        var area = HazardArea.Register(Guid.NewGuid(), Details(HazardClassification.Sha), Square(), new Actor("tester", "CMAC"), DateTimeOffset.UnixEpoch, "Registered");
        var revised = Details(HazardClassification.Cha, new Evidence(EvidenceKind.Direct, "AP mine found")) with { Name = "North field" };
        area.Revise(revised, Square(), new Actor("surveyor", "CMAC"), DateTimeOffset.UnixEpoch.AddDays(1), "Device found");
        var snapshot = area.Snapshot();
        Assert.Equal(2, area.Version);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(area.Id, snapshot.HazardAreaId);
        Assert.Equal("North field", snapshot.Name);
        Assert.Equal(HazardClassification.Cha, snapshot.Classification);
        Assert.Equal("Device found", snapshot.ChangeReason);
    }

    [Theory]
    [InlineData(ContaminationType.ApMine, "AP_MINE")]
    [InlineData(ContaminationType.ClusterMunition, "CLUSTER_MUNITION")]
    [InlineData(ContaminationType.OtherErw, "OTHER_ERW")]
    public void EnumsTravelAsUpperSnakeCase(ContaminationType type, string wire)
    {
        Assert.Equal(wire, WireName<ContaminationType>.Of(type));
        Assert.True(WireName<ContaminationType>.TryParse(wire.ToLowerInvariant(), out var parsed));
        Assert.Equal(type, parsed);
        Assert.False(WireName<ContaminationType>.TryParse("MINE", out _));
    }

    private static MultiPolygon Square()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var shell = factory.CreateLinearRing(
            [new(102.95, 13.55), new(102.96, 13.55), new(102.96, 13.56), new(102.95, 13.56), new(102.95, 13.55)]);
        return factory.CreateMultiPolygon([factory.CreatePolygon(shell)]);
    }
}
