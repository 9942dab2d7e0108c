namespace LandRelease.Domain.Releases;

/// <summary>Metadata of a document behind a decision; the file itself lives in the authority's document store.</summary>
public sealed record Attachment(AttachmentKind Kind, string FileName, string Sha256, string? SignedBy);
