namespace LandRelease.Domain.Uploads;

/// <summary>One line of an upload's report: what became of the feature at <see cref="Index"/> in the file.</summary>
public sealed class UploadFeature
{
    private UploadFeature()
    {
    }

    public Guid UploadId { get; private set; }

    /// <summary>Position in the file, from 0.</summary>
    public int Index { get; private set; }

    public string? LocalId { get; private set; }
    public FeatureOutcome Outcome { get; private set; }
    public FeatureAction? Action { get; private set; }

    /// <summary>The record created or updated.</summary>
    public Guid? RecordId { get; private set; }

    /// <summary>Rules broken, as JSON [{rule, field, message, location?}], when rejected.</summary>
    public string? Violations { get; private set; }

    /// <summary>Fixes made and warnings, as JSON [{rule, message, location?}].</summary>
    public string? Warnings { get; private set; }
}
