namespace LandRelease.Api.Uploads;

/// <summary>What became of an upload request; the endpoint maps each to its response.</summary>
internal abstract record UploadOutcome
{
    /// <summary>The upload is recorded (or, for a repeated Idempotency-Key, was recorded before).</summary>
    public sealed record Received(Guid UploadId, bool Replayed) : UploadOutcome;

    /// <summary>Parameters that could not be read (400).</summary>
    public sealed record Malformed(Dictionary<string, string[]> Errors) : UploadOutcome;

    public sealed record Forbidden(string Reason) : UploadOutcome;

    /// <summary>The whole upload is refused (4xx), e.g. an unreadable file or an unknown CRS; nothing was stored.</summary>
    public sealed record Refused(int Status, string Code, string Title, string Detail, Guid? UploadId) : UploadOutcome;
}
