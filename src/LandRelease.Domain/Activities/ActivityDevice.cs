namespace LandRelease.Domain.Activities;

/// <summary>Devices of one type found and destroyed in an activity; one row per type (table activity_devices).</summary>
public sealed class ActivityDevice
{
    private ActivityDevice()
    {
    }

    internal ActivityDevice(DeviceType type, int found, int destroyed)
    {
        DeviceType = type;
        Set(found, destroyed);
    }

    public DeviceType DeviceType { get; private set; }
    public int Found { get; private set; }
    public int Destroyed { get; private set; }

    internal void Set(int found, int destroyed)
    {
        Found = found;
        Destroyed = destroyed;
    }
}
