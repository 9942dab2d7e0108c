namespace LandRelease.Domain.Activities;

/// <summary>
/// One state of an activity, kept whole as the GeoJSON Feature the API served for it (geometry, devices and
/// outcomes included), with who recorded it, when and why: nothing an activity once said is lost.
/// </summary>
public sealed class ActivityVersion
{
    private ActivityVersion()
    {
    }

    public long Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public int Version { get; private set; }
    public string Feature { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }
    public string ChangeReason { get; private set; } = "";

    public static ActivityVersion Of(Activity activity, string featureJson) => new()
    {
        ActivityId = activity.Id,
        Version = activity.Version,
        Feature = featureJson,
        RecordedAt = activity.RecordedAt,
        RecordedBy = activity.RecordedBy,
        RecordedByOrganisation = activity.RecordedByOrganisation,
        ChangeReason = activity.ChangeReason,
    };
}
