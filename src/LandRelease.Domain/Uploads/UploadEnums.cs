namespace LandRelease.Domain.Uploads;

/// <summary>What an upload holds: hazardous areas for the register, or activities recorded on existing areas.</summary>
public enum UploadKind
{
    HazardAreas,
    Activities,

    /// <summary>A national authority's official administrative boundaries (levels 1 and 2).</summary>
    AdminAreas,
}

/// <summary>
/// RECEIVING while the file streams in and each feature is checked; QUEUED once every feature is staged;
/// PROCESSING while the staged features are merged into the register; DONE or FAILED at the end.
/// </summary>
public enum UploadState
{
    Receiving,
    Queued,
    Processing,
    Done,
    Failed,
}

/// <summary>
/// ACCEPTED: stored (created or updated). REJECTED: broke a rule, named in the report. NOT_STORED: passed every
/// check but was not stored because the upload was atomic and another feature was rejected.
/// </summary>
public enum FeatureOutcome
{
    Accepted,
    Rejected,
    NotStored,
}

/// <summary>What an accepted feature did to the register (UNCHANGED: it matched the stored record exactly).</summary>
public enum FeatureAction
{
    Created,
    Updated,
    Unchanged,
}
