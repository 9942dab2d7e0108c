using LandRelease.Intake;

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

    /// <summary>
    /// Activities checked and written together; in an upload that is not atomic, each part is one transaction.
    /// </summary>
    public int ActivityPartFeatures { get; set; } = 2000;

    /// <summary>
    /// Activity parts written at once outside an atomic upload, each on its own database connection, while the next
    /// part is checked on one more.
    /// </summary>
    public int ActivityPartWriters { get; set; } = 2;

    /// <summary>Features per page of an upload's per-feature outcomes (GET /api/uploads/{id}).</summary>
    public int OutcomePageSize { get; set; } = 100;

    /// <summary>
    /// Uploads of one organisation read at once (across nodes, counted in the database); one more is a 429. Each
    /// may spool up to <see cref="MaxExtractedBytes"/> to disk and keep a core busy.
    /// </summary>
    public int MaxConcurrentPerOrganisation { get; set; } = 2;

    /// <summary>
    /// How long reading, checking and staging one upload may take, its body's arrival included; past it the upload
    /// is FAILED (408). The sweep fails an upload still RECEIVING five minutes after this (its node died).
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the API merges, as it starts, every upload staged but not merged (a crash cut its merge short).</summary>
    public bool ResumeOnStart { get; set; } = true;

    /// <summary>A staged upload not merged this long after it was created is merged by the sweep.</summary>
    public TimeSpan StalledMergeAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most features one upload may hold (more is a 422 <c>too-many-features</c>).</summary>
    public int MaxFeatures { get; set; } = IntakeOptions.Default.MaxFeatures;

    /// <summary>The largest single feature (GeoJSON feature, KML placemark, GeoPackage value), in bytes.</summary>
    public int MaxFeatureBytes { get; set; } = IntakeOptions.Default.MaxFeatureBytes;

    /// <summary>The most a zip may expand to, in bytes, over all the entries read.</summary>
    public long MaxExtractedBytes { get; set; } = IntakeOptions.Default.MaxExtractedBytes;

    /// <summary>How many times its compressed size a zip entry past 64 MiB may expand.</summary>
    public int MaxCompressionRatio { get; set; } = IntakeOptions.Default.MaxCompressionRatio;

    /// <summary>The longest CSV line, in bytes.</summary>
    public int MaxCsvLineBytes { get; set; } = IntakeOptions.Default.MaxCsvLineBytes;

    /// <summary>The reading limits of one upload, with its layer.</summary>
    public IntakeOptions Intake(string? layer) => new()
    {
        Layer = layer,
        MaxFeatures = MaxFeatures,
        MaxFeatureBytes = MaxFeatureBytes,
        MaxExtractedBytes = MaxExtractedBytes,
        MaxCompressionRatio = MaxCompressionRatio,
        MaxCsvLineBytes = MaxCsvLineBytes,
    };
}
