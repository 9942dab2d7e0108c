using LandRelease.Api.Countries;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Common;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

/// <summary>What the checks need of the hazardous area an activity names (its outline stays in the database).</summary>
internal sealed record AreaFacts(Guid Id, string CountryCode, string LocalId, HazardAreaStatus Status);

/// <summary>An activity read and placed on its area, waiting for the checks; <see cref="Current"/> when it revises one.</summary>
internal sealed record PendingActivity(ReadActivity Read, AreaFacts Area, Activity? Current);

/// <summary>What the checks made of one activity: its shapes and warnings, or why it is refused.</summary>
internal sealed record CheckedActivity(ActivityShapes? Shapes, IReadOnlyList<FieldIssue> Warnings, ActivityOutcome.Rejected? Rejected);

/// <summary>
/// What activities are checked against before they are stored: their areas, their organisations, the rules and their
/// shapes. Many at once: the checks that need no database run in parallel, the others take one statement each.
/// </summary>
internal sealed class ActivityValidation(LandReleaseDbContext db, CountryBoundaries boundaries, ActivityShapeChecks shapeChecks,
    TimeProvider clock)
{
    public const string HazardAreaMismatch = "hazard-area-mismatch";
    public const string AreaClosed = "area-closed";

    /// <summary>The areas the references name, found in two queries (by id, and by local id in a country).</summary>
    public async Task<Dictionary<AreaReference, AreaFacts>> ResolveAreasAsync(IEnumerable<AreaReference> references, CancellationToken ct)
    {
        var all = references.Distinct().ToList();
        var ids = all.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var byLocalId = all.Where(r => r.Id is null).GroupBy(r => r.CountryCode!).ToList();
        var found = ids.Count == 0 ? [] : await Facts(db.HazardAreas.Where(a => ids.Contains(a.Id))).ToListAsync(ct);
        foreach (var country in byLocalId)
        {
            var localIds = country.Select(r => r.LocalId!).ToList();
            found.AddRange(await Facts(db.HazardAreas.Where(a => a.CountryCode == country.Key && localIds.Contains(a.LocalId))).ToListAsync(ct));
        }

        var areas = new Dictionary<AreaReference, AreaFacts>();
        var byId = found.DistinctBy(a => a.Id).ToDictionary(a => a.Id);
        var byLocal = found.DistinctBy(a => a.Id).ToDictionary(a => (a.CountryCode, a.LocalId));
        foreach (var reference in all)
        {
            var area = reference.Id is { } id ? byId.GetValueOrDefault(id) : byLocal.GetValueOrDefault((reference.CountryCode!, reference.LocalId!));
            if (area is not null)
            {
                areas[reference] = area;
            }
        }

        return areas;
    }

    public static IQueryable<AreaFacts> Facts(IQueryable<HazardArea> areas) =>
        areas.Select(a => new AreaFacts(a.Id, a.CountryCode, a.LocalId, a.Status));

    /// <summary>The area a feature names in its properties, if it names one, must be the area it is recorded on.</summary>
    public static ActivityOutcome.Rejected? Mismatch(AreaFacts area, ReadActivity read)
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

    public async Task<IReadOnlyList<CheckedActivity>> ValidateAsync(IReadOnlyList<PendingActivity> pending, CancellationToken ct)
    {
        var today = clock.Today();
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var countries = new Dictionary<string, CountryBoundary?>(StringComparer.Ordinal);
        foreach (var code in pending.Select(p => p.Area.CountryCode).Distinct())
        {
            countries[code] = await boundaries.FindAsync(code, ct);
        }

        var violations = new List<RuleViolation>[pending.Count];
        var shapes = new ShapeCheck[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (read, area, current) = pending[i];
            var kinds = read.Outcomes.Select(o => o.Kind).ToList();
            violations[i] = [.. current is null
                ? ActivityRules.Check(read.Details, read.WorkedArea is not null, kinds, today)
                : ActivityRules.CheckRevision(current, read.Details, read.WorkedArea is not null, kinds, today)];
            violations[i].AddRange(CheckOrganisation(organisations.GetValueOrDefault(read.Details.OrganisationCode),
                read.Details.OrganisationCode, area.CountryCode));
            shapes[i] = shapeChecks.Check(read, countries[area.CountryCode]);
        });

        await StepClock.TimeAsync("Placement", () => shapeChecks.PlaceAsync([.. shapes.Select((s, i) => (s, pending[i].Area.Id))], ct));
        return [.. pending.Select((p, i) =>
        {
            violations[i].AddRange(shapes[i].Violations);
            return violations[i].Count > 0 || shapes[i].Errors.Count > 0
                ? new CheckedActivity(null, [], new ActivityOutcome.Rejected(violations[i], shapes[i].Errors))
                : new CheckedActivity(shapes[i].Shapes, [.. shapes[i].Warnings, .. ClosedArea(p.Area)], null);
        })];
    }

    /// <summary>
    /// Work recorded on land already closed or handed over is kept (late reports are real), but said aloud: the area's
    /// status follows its release decisions alone, so the sender should know the work moved nothing.
    /// </summary>
    private static IEnumerable<FieldIssue> ClosedArea(AreaFacts area) => area.Status is HazardAreaStatus.Closed or HazardAreaStatus.HandedOver
        ? [new FieldIssue("properties.hazardAreaId", new GeometryIssue(AreaClosed,
            $"Hazardous area '{area.LocalId}' is already {WireName<HazardAreaStatus>.Of(area.Status)}; the activity is recorded, " +
            "but it changes neither the area's status nor its remaining land. Check that the right area is named."))]
        : [];

    private static IEnumerable<RuleViolation> CheckOrganisation(Organisation? organisation, string code, string countryCode)
    {
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
