namespace LandRelease.Domain.Activities;

/// <summary>
/// IMAS 07.11, 08.10, 08.20, 09.10: non-technical survey, technical survey, clearance, battle area clearance,
/// explosive ordnance disposal spot task, post-clearance inspection.
/// </summary>
public enum ActivityType
{
    Nts,
    Ts,
    Clearance,
    Bac,
    EodSpotTask,
    PostClearanceInspection,
}

public enum ActivityStatus
{
    Planned,
    Ongoing,
    Suspended,
    Completed,
}

/// <summary>The device categories of the IMAS common counting rules and of the treaty reports.</summary>
public enum DeviceType
{
    ApMine,
    AvMine,
    Submunition,
    OtherErw,
}
