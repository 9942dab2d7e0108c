using System.Text.Json;

namespace LandRelease.Web.Register;

/// <summary>One hazardous area as the register browser lists it, read from the Feature PostgreSQL rendered.</summary>
public sealed record AreaRow(Guid Id, string CountryCode, string LocalId, string Name, string Classification, string Status,
    string Organisation, DateOnly DateOfInformation, double AreaSqm, double RemainingAreaSqm, int Version)
{
    public static AreaRow FromFeature(string featureJson)
    {
        using var document = JsonDocument.Parse(featureJson);
        var p = document.RootElement.GetProperty("properties");
        return new AreaRow(p.GetProperty("id").GetGuid(), p.GetProperty("countryCode").GetString()!, p.GetProperty("localId").GetString()!,
            p.GetProperty("name").GetString()!, p.GetProperty("classification").GetString()!, p.GetProperty("status").GetString()!,
            p.GetProperty("organisation").GetString()!, DateOnly.Parse(p.GetProperty("dateOfInformation").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            p.GetProperty("areaSqm").GetDouble(), p.GetProperty("remainingAreaSqm").GetDouble(), p.GetProperty("version").GetInt32());
    }
}
