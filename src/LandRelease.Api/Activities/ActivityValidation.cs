using LandRelease.Api.Countries;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

/// <summary>What an activity is checked against before it is stored: its area, its organisation, the rules and its shapes.</summary>
internal sealed class ActivityValidation(LandReleaseDbContext db, CountryBoundaries boundaries, ActivityShapeChecks shapeChecks,
    TimeProvider clock)
{
    public const string HazardAreaMismatch = "hazard-area-mismatch";

    public async Task<(HazardArea? Area, ActivityOutcome? Failure)> ResolveAreaAsync(AreaReference reference, ReadActivity read,
        CancellationToken ct)
    {
        var areas = db.HazardAreas.AsNoTracking();
        var area = reference.Id is { } id
            ? await areas.FirstOrDefaultAsync(a => a.Id == id, ct)
            : await areas.FirstOrDefaultAsync(a => a.CountryCode == reference.CountryCode && a.LocalId == reference.LocalId, ct);
        if (area is null)
        {
            return (null, new ActivityOutcome.Missing($"No hazardous area has {reference}."));
        }

        return (area, Mismatch(area, read));
    }

    /// <summary>The area a feature names in its properties, if it names one, must be the area it is recorded on.</summary>
    public static ActivityOutcome.Rejected? Mismatch(HazardArea area, ReadActivity read)
    {
        var violations = new List<RuleViolation>();
        if (read.HazardAreaId is { } id && id != area.Id)
        {
            violations.Add(new(HazardAreaMismatch, "properties.hazardAreaId",
                $"properties.hazardAreaId {id} is not the hazardous area {area.Id} this activity is recorded on."));
        }

        if (read.HazardAreaLocalId is { } localId && localId != area.LocalId)
        {
            violations.Add(new(HazardAreaMismatch, "properties.hazardAreaLocalId",
                $"properties.hazardAreaLocalId '{localId}' is not the local id '{area.LocalId}' of the area this activity is recorded on."));
        }

        return violations.Count > 0 ? new ActivityOutcome.Rejected(violations, []) : null;
    }

    public async Task<(ActivityShapes? Shapes, IReadOnlyList<FieldIssue> Warnings, ActivityOutcome? Rejected)> ValidateAsync(
        ReadActivity read, HazardArea area, Activity? current, CancellationToken ct)
    {
        var today = clock.Today();
        var hasWorkedArea = read.WorkedArea is not null;
        var kinds = read.Outcomes.Select(o => o.Kind).ToList();
        var violations = new List<RuleViolation>(current is null
            ? ActivityRules.Check(read.Details, hasWorkedArea, kinds, today)
            : ActivityRules.CheckRevision(current, read.Details, hasWorkedArea, kinds, today));
        violations.AddRange(await CheckOrganisationAsync(read.Details.OrganisationCode, area.CountryCode, ct));

        var shapes = await shapeChecks.CheckAsync(read, area.Id, await boundaries.FindAsync(area.CountryCode, ct), ct);
        violations.AddRange(shapes.Violations);
        return violations.Count > 0 || shapes.Errors.Count > 0
            ? (null, [], new ActivityOutcome.Rejected(violations, shapes.Errors))
            : (shapes.Shapes, shapes.Warnings, null);
    }

    private async Task<IEnumerable<RuleViolation>> CheckOrganisationAsync(string code, string countryCode, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (organisation is null)
        {
            return [new("organisation-unknown", "properties.organisation", $"No organisation has the code '{code}'; see GET /api/organisations.")];
        }

        return organisation.WorksIn(countryCode)
            ? []
            : [new("organisation-not-in-country", "properties.organisation",
                $"{organisation.Code} does not work in {countryCode} (it works in {string.Join(", ", organisation.Countries)}).")];
    }
}
