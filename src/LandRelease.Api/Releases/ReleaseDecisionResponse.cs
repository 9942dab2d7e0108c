using LandRelease.Api.Infrastructure;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Releases;

/// <summary>A release decision as a GeoJSON Feature; geometry is the land released.</summary>
public sealed record ReleaseDecisionFeature(string Type, Guid Id, NetTopologySuite.Geometries.Geometry Geometry,
    ReleaseDecisionProperties Properties)
{
    internal static ReleaseDecisionFeature From(ReleaseDecision d) => new("Feature", d.Id, d.Geometry, new ReleaseDecisionProperties(
        d.Id, d.HazardAreaId, d.CountryCode, WireName<ReleaseKind>.Of(d.Kind), WireName<DecisionState>.Of(d.State), d.StateReason,
        Math.Round(d.AreaSqm, 2), Math.Round(d.AreaSqm / 10_000, 4), Math.Round(d.CreditedAreaSqm, 2),
        d.EnteredArea is { } e ? new EnteredAreaResponse(e.Value, WireName<AreaUnit>.Of(e.Unit), e.SquareMetres) : null,
        d.ActivityId, d.OrganisationCode, d.DateOfInformation, d.Notes,
        [.. d.Attachments.Select(a => new AttachmentResponse(WireName<AttachmentKind>.Of(a.Kind), a.FileName, a.Sha256, a.SignedBy))],
        d.SubmittedAt, d.ApprovedAt, d.CertificateNumber, d.RevokedFrom, d.Version, d.CreatedAt, d.CreatedBy,
        [.. ReleaseWorkflow.AllowedFrom(d.State).Select(WireName<WorkflowAction>.Of)]));
}

public sealed record ReleaseDecisionProperties(
    Guid Id,
    Guid HazardAreaId,
    string CountryCode,
    string Kind,
    string State,
    string? StateReason,
    double AreaSqm,
    double AreaHa,
    double CreditedAreaSqm,
    EnteredAreaResponse? EnteredArea,
    Guid? ActivityId,
    string Organisation,
    DateOnly DateOfInformation,
    string? Notes,
    AttachmentResponse[] Attachments,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    string? CertificateNumber,
    DateOnly? RevokedFrom,
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string[] AllowedMoves);

public sealed record EnteredAreaResponse(double Value, string Unit, double SquareMetres);

public sealed record AttachmentResponse(string Kind, string FileName, string Sha256, string? SignedBy);

public sealed record ReleaseDecisionFeatureCollection(string Type, ReleaseDecisionFeature[] Features, int NumberReturned, ListLink[] Links);

public sealed record DecisionEventResponse(string FromState, string ToState, DateTimeOffset At, string By, string? ByOrganisation, string? Reason)
{
    internal static DecisionEventResponse From(DecisionEvent e) =>
        new(WireName<DecisionState>.Of(e.FromState), WireName<DecisionState>.Of(e.ToState), e.At, e.By, e.ByOrganisation, e.Reason);
}

/// <summary>An approval's preview: m² credited, released before by other decisions, outside the area; and the overlaps.</summary>
public sealed record ReleasePreviewResponse(double CreditSqm, double AlreadyReleasedSqm, double OutsideSqm, PreviewOverlapResponse[] Overlaps)
{
    internal static ReleasePreviewResponse From(LandRelease.Data.Releases.ReleasePreview p) => new(
        Math.Round(p.CreditSqm, 2), Math.Round(p.AlreadyReleasedSqm, 2), Math.Round(p.OutsideSqm, 2),
        [.. p.Overlaps.Select(o => new PreviewOverlapResponse(o.ReleaseDecisionId, Math.Round(o.AreaSqm, 2), o.DateOfInformation, o.ReleasedEarlier))]);
}

/// <summary><c>ReleasedEarlier</c>: that decision comes first in the crediting order, so the shared land is its credit.</summary>
public sealed record PreviewOverlapResponse(Guid ReleaseDecisionId, double AreaSqm, DateOnly DateOfInformation, bool ReleasedEarlier);
