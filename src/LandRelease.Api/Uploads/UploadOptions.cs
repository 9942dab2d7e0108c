namespace LandRelease.Api.Uploads;

/// <summary>Settings of batch uploads (configuration section "Uploads").</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Uploads of at most this many features are merged before the response; larger ones by a background job.</summary>
    public int InlineFeatureLimit { get; set; } = 2000;

    /// <summary>Where zipped shapefiles and GeoPackages are spooled while read (deleted afterwards).</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Features checked together: coordinate conversion and geometry checks run in parallel over a batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Threads checking features; by default every core.</summary>
    public int CheckParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// A larger upload that is not atomic is merged in parts of this many features, each in its own transaction.
    /// </summary>
    public int MergePartFeatures { get; set; } = 25_000;

    /// <summary>Parts merged at once, each on its own database connection: the database server's cores to give it.</summary>
    public int MergeParallelism { get; set; } = 2;

    /// <summary>Activities of a non-atomic upload recorded at once, each on its own connection and transaction.</summary>
    public int ActivityParallelism { get; set; } = 4;

    /// <summary>Features per page of an upload's report.</summary>
    public int ReportPageSize { get; set; } = 100;
}
