using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using static LandRelease.Domain.Tests.Releases.ReleaseWorkflowTests;

namespace LandRelease.Domain.Tests.Releases;

/// <summary>Certificate numbers (country, year, six-digit running number) and the zero-credit rule of approval.</summary>
public sealed class CertificateNumberTests
{
    private static readonly Actor Officer = new("officer-1", "CMAA");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("KHM", 2026, 123, "KHM-2026-000123")]
    [InlineData("lao", 2027, 1, "LAO-2027-000001")]
    [InlineData("VNM", 2026, 999_999, "VNM-2026-999999")]
    public void ANumberNamesCountryYearAndSixDigits(string country, int year, long sequence, string expected) =>
        Assert.Equal(expected, CertificateNumbers.Format(country, year, sequence));

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void ASequenceOutsideSixDigitsIsRefusedRatherThanPrintedWrong(long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumbers.Format("KHM", 2026, sequence));

    [Fact]
    public void OnlyACertifiedDecisionTakesANumberAndOnlyOnce()
    {
        var approved = DecisionIn(DecisionState.Approved);
        Assert.Throws<InvalidOperationException>(() => approved.NumberCertificate("KHM-2026-000001"));

        Assert.True(approved.Move(WorkflowAction.Certify, Officer, Now, null, DateOnly.FromDateTime(Now.UtcDateTime)).Succeeded);
        approved.NumberCertificate("KHM-2026-000001");
        Assert.Equal("KHM-2026-000001", approved.CertificateNumber);
        Assert.Throws<InvalidOperationException>(() => approved.NumberCertificate("KHM-2026-000002"));
        Assert.Equal("KHM-2026-000001", approved.CertificateNumber);
    }

    [Fact]
    public void SubmittingRecordsWhenForTheQueue()
    {
        var draft = DecisionIn(DecisionState.Draft);
        Assert.Null(draft.SubmittedAt);
        Assert.True(draft.Move(WorkflowAction.Submit, Officer, Now, null, DateOnly.FromDateTime(Now.UtcDateTime)).Succeeded);
        Assert.Equal(Now, draft.SubmittedAt);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.4, true)]
    [InlineData(1.0, true)]
    [InlineData(1.5, false)]
    [InlineData(62_356.0, false)]
    public void ADecisionCreditingAtMostOneSquareMetreCreditsNothing(double credit, bool nothing) =>
        Assert.Equal(nothing, ApprovalRules.CreditsNothing(credit));
}
