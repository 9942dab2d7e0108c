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

    /// <summary>The name the file gave the feature, so a surveyor recognises it.</summary>
    public string? Name { get; private set; }

    /// <summary>The file's line the feature starts on, where the format has lines (CSV).</summary>
    public int? Line { get; private set; }

    /// <summary>A refused feature's outline in WGS 84 (when it could be read as such), for its map and download.</summary>
    public NetTopologySuite.Geometries.Geometry? Geometry { get; private set; }

    /// <summary>A refused feature's attributes as the file wrote them, in its order (JSON [[name, value], ...]), to download, fix and send again.</summary>
    public string? Attributes { get; private set; }
}
