using System.Diagnostics.CodeAnalysis;

namespace LandRelease.Domain.Coordinates;

/// <summary>Why a CRS cannot be used. <see cref="Code"/> is one of <see cref="CrsFailureCodes"/>; the message names the CRS.</summary>
public sealed record CrsFailure(string Code, string Message);

public static class CrsFailureCodes
{
    /// <summary>No CRS given.</summary>
    public const string Missing = "crs-missing";

    /// <summary>A code or name LandRelease does not define.</summary>
    public const string Unknown = "crs-unknown";

    /// <summary>WKT that cannot be read, or that contradicts itself (a known datum on another ellipsoid).</summary>
    public const string Invalid = "crs-invalid";

    /// <summary>Readable, but beyond what LandRelease converts (another prime meridian, a projection ProjNet lacks, WKT 2 without an EPSG code).</summary>
    public const string Unsupported = "crs-unsupported";

    /// <summary>A datum other than WGS 84 with no shift configured and none in the WKT.</summary>
    public const string DatumShiftMissing = "datum-shift-missing";
}

/// <summary>The outcome of <see cref="CoordinateSystems.Resolve"/>: a transform to and from WGS 84, or why there is none.</summary>
public sealed class CrsResolution
{
    private CrsResolution(CrsTransform? transform, CrsFailure? failure) => (Transform, Failure) = (transform, failure);

    public CrsTransform? Transform { get; }

    public CrsFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Transform))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Transform is not null;

    internal static CrsResolution Success(CrsTransform transform) => new(transform, null);

    internal static CrsResolution Fail(string code, string message) => new(null, new(code, message));
}
