using System.Globalization;
using LandRelease.Api.Access;
using LandRelease.Api.HazardAreas;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Organisations;
using LandRelease.Intake;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Everything about one uploaded hazardous area that can be decided without the database: its attributes, its
/// coordinates in WGS 84, the register's rules and the geometry checks. Thread-safe: batches are checked in parallel.
/// </summary>
internal sealed class HazardAreaFeatureChecker(
    UploadParameters parameters,
    SourceGeometry sourceGeometry,
    CountryBoundary country,
    IReadOnlyDictionary<string, Organisation> organisations,
    UserScope user,
    GeometryCheckOptions geometryOptions,
    DateOnly today)
{
    public CheckedFeature Check(SourceFeature source)
    {
        var (feature, refused) = StorableAttributes.Split(source);
        var result = new CheckedFeature(feature.Index) { Line = feature.Line, SourceAttributes = feature.Attributes };
        foreach (var (attribute, problem) in refused)
        {
            result.Reject("unreadable-attribute", attribute, problem);
        }

        if (feature.Problem is not null)
        {
            // What made the feature unreadable comes first; a row that could not even be split into its cells has no
            // attributes worth reporting as missing.
            result.Reject("unreadable-feature", "geometry", feature.Problem);
            if (feature.Attributes.Count == 0)
            {
                return result;
            }
        }

        var errors = new Dictionary<string, string[]>();
        var properties = HazardAreaAttributes.Read(feature.Attributes, parameters.CountryCode, parameters.OrganisationCode, errors,
            out var statusGiven);
        result.LocalId = properties.LocalId is { Length: <= 64 } localId ? localId.Trim() : null;
        result.Name = properties.Name is { } name ? name.Trim()[..Math.Min(name.Trim().Length, 200)] : null;
        result.StatusGiven = statusGiven;
        var read = HazardAreaRequestReader.ReadProperties(properties, errors);
        foreach (var (field, messages) in errors)
        {
            result.Reject("unreadable-attribute", field, string.Join(" ", messages));
        }

        if (read is { } r)
        {
            result.Details = r.Details;
            result.ChangeReason = r.ChangeReason;
            foreach (var violation in HazardAreaRules.Check(r.Details, today))
            {
                result.Reject(violation);
            }

            CheckOrganisation(result, r.Details.OrganisationCode);
        }

        if (feature.Problem is not null)
        {
            return result;
        }

        if (sourceGeometry.IsProjected && feature is { Traverse: null, Geometry: { } raw }
            && CrsHints.DegreesAsProjected(raw, country, sourceGeometry.Name, geometryOptions.CountryToleranceMetres) is { } degrees)
        {
            result.Reject(degrees);
            return result;
        }

        var geometry = sourceGeometry.ToWgs84(feature, out var traverse, out var conversionProblem);
        result.Traverse = traverse;
        result.Drawn = geometry;
        if (traverse is { Accepted: true })
        {
            var closure = traverse.ClosureRatio is { } ratio
                ? string.Create(CultureInfo.InvariantCulture, $"(1:{ratio:F0}) over {traverse.TraverseLengthMetres:F1} m")
                : "(it closes exactly)";
            result.Warn(new GeometryIssue("traverse-misclosure", string.Create(CultureInfo.InvariantCulture,
                $"The traverse closes with a misclosure of {traverse.MisclosureMetres:F2} m {closure}."),
                traverse.ClosingPoint.Longitude, traverse.ClosingPoint.Latitude));
        }
        if (conversionProblem is not null)
        {
            result.Reject(conversionProblem.Rule, "geometry", conversionProblem.Message);
            return result;
        }

        if (sourceGeometry.IsWgs84 && geometry is not null && CrsHints.ProjectedAsDegrees(geometry, country) is { } metres)
        {
            result.Reject(metres);
            return result;
        }

        var checkedGeometry = GeometryChecks.Check(geometry, country, geometryOptions);
        foreach (var error in checkedGeometry.Errors)
        {
            result.Reject(error);
        }

        foreach (var warning in checkedGeometry.Warnings)
        {
            result.Warn(warning);
        }

        result.Geometry = checkedGeometry.Geometry;
        return result;
    }

    private void CheckOrganisation(CheckedFeature result, string organisationCode)
    {
        if (!organisations.TryGetValue(organisationCode, out var organisation))
        {
            result.Reject("organisation-unknown", "properties.organisation",
                $"No organisation has the code '{organisationCode}'; see GET /api/organisations.");
        }
        else if (!organisation.WorksIn(parameters.CountryCode))
        {
            result.Reject("organisation-not-in-country", "properties.organisation",
                $"{organisation.Code} does not work in {parameters.CountryCode}.");
        }
        else if (!user.CanWrite(parameters.CountryCode, organisationCode))
        {
            result.Reject("not-your-organisation", "properties.organisation",
                $"Your token does not allow recording {parameters.CountryCode} areas in the name of {organisationCode}.");
        }
    }
}
