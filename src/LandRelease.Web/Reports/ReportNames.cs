namespace LandRelease.Web.Reports;

/// <summary>The reports' contamination and device codes as a reader names them: the one source for the country page and its downloads.</summary>
public static class ReportNames
{
    public static string Contamination(string code) => code switch
    {
        "AP_MINE" => "Anti-personnel mines",
        "AV_MINE" => "Anti-vehicle mines",
        "CLUSTER_MUNITION" => "Cluster munitions",
        "SUBMUNITION" => "Submunitions",
        _ => "Other explosive remnants of war",
    };
}
