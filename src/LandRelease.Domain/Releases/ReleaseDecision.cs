using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Releases;

/// <summary>
/// The statement that a piece of a hazardous area is cancelled, reduced or cleared. Only a draft may be
/// edited; every later change is a workflow move, recorded as a <see cref="DecisionEvent"/>.
/// </summary>
public sealed class ReleaseDecision
{
    private ReleaseDecision()
    {
    }

    public Guid Id { get; private set; }
    public Guid HazardAreaId { get; private set; }
    public string CountryCode { get; private set; } = "";
    public ReleaseKind Kind { get; private set; }
    public MultiPolygon Geometry { get; private set; } = null!;

    /// <summary>Geodesic m² of <see cref="Geometry"/> (PostGIS geography, a generated column).</summary>
    public double AreaSqm { get; private set; }

    /// <summary>
    /// The m² this decision adds to released land: its area less what earlier-dated counted decisions of
    /// the same hazardous area already released (IMAS counting: each square metre once). Set by the database.
    /// </summary>
    public double CreditedAreaSqm { get; private set; }

    public EnteredArea? EnteredArea { get; private set; }
    public Guid? ActivityId { get; private set; }
    public string OrganisationCode { get; private set; } = "";
    public DateOnly DateOfInformation { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];
    public DecisionState State { get; private set; }
    public string? StateReason { get; private set; }

    /// <summary>When it was approved: with the date of information, the order in which land is credited.</summary>
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>When it was last submitted for review: the review queue's order.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The certificate's number (KHM-2026-000123), given once, when the decision is certified.</summary>
    public string? CertificateNumber { get; private set; }

    /// <summary>From this date the decision no longer counts (revocation's date of information).</summary>
    public DateOnly? RevokedFrom { get; private set; }

    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public static ReleaseDecision Draft(Guid id, Guid hazardAreaId, string countryCode, ReleaseDecisionDetails details,
        Actor actor, DateTimeOffset at)
    {
        var decision = new ReleaseDecision
        {
            Id = id, HazardAreaId = hazardAreaId, CountryCode = countryCode, State = DecisionState.Draft,
            Version = 1, CreatedAt = at, CreatedBy = actor.Name,
        };
        decision.Apply(details);
        return decision;
    }

    /// <summary>Edits a draft; anything further along is changed only by a workflow move.</summary>
    public WorkflowResult Edit(ReleaseDecisionDetails details)
    {
        if (State != DecisionState.Draft)
        {
            return WorkflowResult.Illegal(State, "edit");
        }

        Version++;
        Apply(details);
        return WorkflowResult.Moved(null);
    }

    public WorkflowResult Move(WorkflowAction action, Actor actor, DateTimeOffset at, string? reason, DateOnly effectiveDate)
    {
        if (ReleaseWorkflow.Target(State, action) is not { } target)
        {
            return WorkflowResult.Illegal(State, WireName<WorkflowAction>.Of(action));
        }

        if (ReleaseWorkflow.RequiresReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowResult.NoReason(action);
        }

        var evt = DecisionEvent.Of(Id, State, target, actor, at, reason);
        State = target;
        StateReason = reason ?? StateReason;
        RevokedFrom = action == WorkflowAction.Revoke ? effectiveDate : RevokedFrom;
        ApprovedAt = action == WorkflowAction.Approve ? at : ApprovedAt;
        SubmittedAt = action == WorkflowAction.Submit ? at : SubmittedAt;
        Version++;
        return WorkflowResult.Moved(evt);
    }

    /// <summary>Numbers the certificate of a decision just certified; a number once given never changes.</summary>
    public void NumberCertificate(string number)
    {
        if (State != DecisionState.Certified || CertificateNumber is not null)
        {
            throw new InvalidOperationException($"Decision {Id} in state {State} cannot take certificate number {number}.");
        }

        CertificateNumber = number;
    }

    private void Apply(ReleaseDecisionDetails details)
    {
        Kind = details.Kind;
        Geometry = details.Geometry;
        EnteredArea = details.EnteredArea;
        ActivityId = details.ActivityId;
        OrganisationCode = details.OrganisationCode;
        DateOfInformation = details.DateOfInformation;
        Notes = details.Notes;
        Attachments = [.. details.Attachments];
    }
}

public sealed record ReleaseDecisionDetails(
    ReleaseKind Kind,
    MultiPolygon Geometry,
    EnteredArea? EnteredArea,
    Guid? ActivityId,
    string OrganisationCode,
    DateOnly DateOfInformation,
    string? Notes,
    IReadOnlyList<Attachment> Attachments);
