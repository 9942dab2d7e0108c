namespace LandRelease.Domain.Releases;

/// <summary>IMAS 07.11: how land leaves the books. Non-technical survey cancels, technical survey reduces, clearance clears.</summary>
public enum ReleaseKind
{
    Cancelled,
    Reduced,
    Cleared,
}

public enum DecisionState
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Certified,
    HandedOver,
    Revoked,
}

public enum WorkflowAction
{
    Submit,
    Approve,
    Reject,
    Certify,
    HandOver,
    Revoke,
}

public enum AreaUnit
{
    Sqm,
    Ha,
    Km2,
}

public enum AttachmentKind
{
    CompletionReport,
    HandoverCertificate,
    Other,
}
