namespace LandRelease.Domain.HazardAreas;

/// <summary>IMAS 04.10: suspected (indirect evidence) or confirmed (direct evidence) hazardous area.</summary>
public enum HazardClassification
{
    Sha,
    Cha,
}

public enum ContaminationType
{
    ApMine,
    AvMine,
    ClusterMunition,
    OtherErw,
}

public enum HazardAreaStatus
{
    Open,
    WorkedOn,
    Closed,
    HandedOver,
}

public enum EvidenceKind
{
    Direct,
    Indirect,
}
