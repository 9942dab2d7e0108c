namespace LandRelease.Intake;

/// <summary>
/// The file as a whole cannot be read (not one bad feature: those come back as <see cref="SourceFeature.Problem"/>).
/// Thrown by <see cref="FeatureSources.OpenAsync"/> or, for damage found further into a stream, while reading.
/// </summary>
public sealed class UploadFormatException : Exception
{
    public UploadFormatException(string code, string message)
        : base(message) => Code = code;

    public UploadFormatException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>One of <see cref="UploadFormatErrors"/>; stable on the wire.</summary>
    public string Code { get; }
}
