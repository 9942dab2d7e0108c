using System.Globalization;
using System.Net;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>How the certificate words and formats things: invariant digits, IMAS terms spelled out, user text encoded.</summary>
internal static class CertificateText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every string that came from a user or an upload goes through here before it reaches the page.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string KindSpelledOut(ReleaseKind kind) => kind switch
    {
        ReleaseKind.Cancelled => "Land cancelled by non-technical survey",
        ReleaseKind.Reduced => "Land reduced by technical survey",
        ReleaseKind.Cleared => "Land cleared by clearance",
        _ => kind.ToString(),
    };

    /// <summary>How the land came to be released, as the signatories attest it (IMAS 07.11).</summary>
    public static string Statement(ReleaseKind kind) => kind switch
    {
        ReleaseKind.Cancelled => "was cancelled through non-technical survey, no evidence of explosive ordnance having been found",
        ReleaseKind.Reduced => "was reduced through technical survey, no explosive ordnance having been found by intrusive survey",
        ReleaseKind.Cleared => "was cleared of all explosive ordnance found, to the depth required by the national mine action standards",
        _ => "was released",
    };

    public static string State(DecisionState state) => state switch
    {
        DecisionState.Approved => "Approved",
        DecisionState.Certified => "Certified",
        DecisionState.HandedOver => "Handed over",
        _ => state.ToString(),
    };

    public static string Classification(HazardClassification classification) => classification switch
    {
        HazardClassification.Sha => "SHA (suspected hazardous area)",
        HazardClassification.Cha => "CHA (confirmed hazardous area)",
        _ => classification.ToString(),
    };

    public static string Device(LandRelease.Domain.Activities.DeviceType type) => type switch
    {
        LandRelease.Domain.Activities.DeviceType.ApMine => "Anti-personnel mines",
        LandRelease.Domain.Activities.DeviceType.AvMine => "Anti-vehicle mines",
        LandRelease.Domain.Activities.DeviceType.Submunition => "Submunitions",
        _ => "Other explosive remnants of war",
    };

    public static string Attachment(AttachmentKind kind) => kind switch
    {
        AttachmentKind.CompletionReport => "Completion report",
        AttachmentKind.HandoverCertificate => "Handover certificate",
        _ => "Other",
    };

    public static string Unit(AreaUnit unit) => unit switch
    {
        AreaUnit.Sqm => "m²",
        AreaUnit.Ha => "ha",
        AreaUnit.Km2 => "km²",
        _ => unit.ToString(),
    };

    /// <summary>Whole square metres with thousands separators: 49,152 m².</summary>
    public static string SquareMetres(double sqm) => sqm.ToString("N0", Invariant) + " m²";

    /// <summary>Hectares to four decimals, i.e. to the square metre: 4.9152 ha.</summary>
    public static string Hectares(double sqm) => (sqm / 10_000).ToString("N4", Invariant) + " ha";

    /// <summary>An entered figure as the surveyor wrote it (1.5 ha), not rounded.</summary>
    public static string Entered(EnteredArea entered) => entered.Value.ToString("#,0.##########", Invariant) + " " + Unit(entered.Unit);

    public static string Degrees(double value) => value.ToString("F6", Invariant);

    public static string Metres(double value) => value.ToString("F2", Invariant);

    public static string Number(double value, string format) => value.ToString(format, Invariant);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", Invariant);

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
}
