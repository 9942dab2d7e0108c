using LandRelease.Domain.Common;

namespace LandRelease.Domain.Uploads;

/// <summary>
/// One batch upload: who sent which file for which country, and how far it got. The per-feature report
/// lives in its own rows (<see cref="UploadFeature"/>); the counts here summarise it.
/// </summary>
public sealed class Upload
{
    private Upload()
    {
    }

    public Guid Id { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string OrganisationCode { get; private set; } = "";
    public UploadKind Kind { get; private set; }
    public bool Atomic { get; private set; }
    public string? FileName { get; private set; }
    public string? Format { get; private set; }

    /// <summary>The coordinate system the features were read in (from the file or the request).</summary>
    public string? Crs { get; private set; }

    /// <summary>The client's Idempotency-Key, unique per requester: the same key again returns this upload.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of the request body, known once it has been read; a reused key with another body is refused.</summary>
    public string? RequestSha256 { get; private set; }

    public UploadState State { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }

    /// <summary>Why a whole upload failed (an unreadable file, an unknown coordinate system), as ProblemDetails JSON.</summary>
    public string? Problem { get; private set; }

    public int? ProblemStatus { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? CreatedByOrganisation { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public static Upload Receive(Guid id, string countryCode, string organisationCode, UploadKind kind, bool atomic,
        string? fileName, string? idempotencyKey, Actor actor, DateTimeOffset at) => new()
    {
        Id = id, CountryCode = countryCode, OrganisationCode = organisationCode, Kind = kind, Atomic = atomic,
        FileName = fileName, IdempotencyKey = idempotencyKey, State = UploadState.Receiving,
        CreatedAt = at, CreatedBy = actor.Name, CreatedByOrganisation = actor.Organisation,
    };
}
