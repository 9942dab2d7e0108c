using LandRelease.Api.Access;
using LandRelease.Api.Audit;
using LandRelease.Api.Countries;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.Releases;
using LandRelease.Data.Reports;
using LandRelease.Domain.Audit;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.HazardAreas;

/// <summary>
/// The write side of the register: reads a request, applies the geometry checks and the register's rules,
/// and stores the area with a version row in one transaction. Every intake path goes through here.
/// </summary>
internal sealed class HazardAreaRegister(
    LandReleaseDbContext db,
    CountryBoundaries boundaries,
    TimeProvider clock,
    IOptions<RegisterOptions> options,
    IReportTrigger reports)
{
    public const string InitialReason = "Registered";

    public async Task<RegisterOutcome> RegisterAsync(HazardAreaFeatureRequest? request, UserScope user, CancellationToken ct)
    {
        var (read, failure) = await ValidateAsync(request, null, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var existing = await db.HazardAreas.AsNoTracking()
            .Where(a => a.CountryCode == read!.Details.CountryCode && a.LocalId == read.Details.LocalId)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return new RegisterOutcome.Duplicate(read!.Details.CountryCode, read.Details.LocalId, existingId);
        }

        var area = HazardArea.Register(Guid.CreateVersion7(), read!.Details, read.Geometry, user.Actor,
            clock.GetUtcNow(), read.ChangeReason ?? InitialReason);
        db.HazardAreas.Add(area);
        db.HazardAreaVersions.Add(area.Snapshot());
        db.AuditLog.Add(AuditEntry.Record(user.Actor, area.RecordedAt, area.CountryCode, AuditEntityTypes.HazardArea, area.Id,
            "CREATE", null, AuditSnapshots.Of(area), area.ChangeReason));
        db.ReportDirty.Add(ReportDirty.Mark(area.CountryCode, area.DateOfInformation, area.Id, "CREATE", area.RecordedAt));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request registered the same local id between our check and our insert.
            return new RegisterOutcome.Duplicate(read.Details.CountryCode, read.Details.LocalId, Guid.Empty);
        }

        reports.CountryChanged(area.CountryCode);
        return new RegisterOutcome.Stored(area.Id, read.Warnings);
    }

    public async Task<RegisterOutcome> ReviseAsync(Guid id, int expectedVersion, HazardAreaFeatureRequest? request,
        UserScope user, CancellationToken ct)
    {
        var area = await db.HazardAreas.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null || !user.CanRead(area.CountryCode))
        {
            return new RegisterOutcome.Missing(id);
        }

        if (!user.CanWrite(area.CountryCode, area.OrganisationCode))
        {
            return new RegisterOutcome.Forbidden(
                $"Your token does not allow changing {area.CountryCode} areas recorded by {area.OrganisationCode}.");
        }

        if (area.Version != expectedVersion)
        {
            return new RegisterOutcome.Stale(area.Version);
        }

        var (read, failure) = await ValidateAsync(request, area, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (read!.ChangeReason is null)
        {
            return new RegisterOutcome.Malformed(new() { ["properties.changeReason"] = ["Say why the area is revised (changeReason)."] });
        }

        var before = AuditSnapshots.Of(area);
        area.Revise(read.Details, read.Geometry, user.Actor, clock.GetUtcNow(), read.ChangeReason);
        db.HazardAreaVersions.Add(area.Snapshot());
        db.AuditLog.Add(AuditEntry.Record(user.Actor, area.RecordedAt, area.CountryCode, AuditEntityTypes.HazardArea, area.Id,
            "REVISE", before, AuditSnapshots.Of(area), area.ChangeReason));
        // The new version holds from its date of information on; what it does to released land already counted
        // (a new outline clips it differently) the pipeline finds by comparing credits.
        db.ReportDirty.Add(ReportDirty.Mark(area.CountryCode, area.DateOfInformation, area.Id, "REVISE", area.RecordedAt));
        try
        {
            // A new outline changes what remains of the area once its released land is taken away.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await ReleaseCounting.RecomputeAsync(db, area.Id, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
                                           || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else wrote the same version first (seen as a changed token, or as their version row
            // already holding our version number); our transaction rolled back whole.
            return new RegisterOutcome.Stale(expectedVersion + 1);
        }

        reports.CountryChanged(area.CountryCode);
        return new RegisterOutcome.Stored(area.Id, read.Warnings);
    }

    private async Task<(Checked? Read, RegisterOutcome? Failure)> ValidateAsync(HazardAreaFeatureRequest? request,
        HazardArea? current, UserScope user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var read = HazardAreaRequestReader.Read(request, errors);
        if (read is null)
        {
            return (null, new RegisterOutcome.Malformed(errors));
        }


        var today = clock.Today();
        var violations = new List<RuleViolation>(current is null
            ? HazardAreaRules.Check(read.Details, today)
            : HazardAreaRules.CheckRevision(current, read.Details, today));

        var country = await boundaries.FindAsync(read.Details.CountryCode, ct);
        if (country is not null && !user.CanWrite(read.Details.CountryCode, read.Details.OrganisationCode))
        {
            return (null, new RegisterOutcome.Forbidden(
                $"Your token does not allow recording {read.Details.CountryCode} areas in the name of {read.Details.OrganisationCode}."));
        }

        if (country is null)
        {
            violations.Add(new("country-unknown", "properties.countryCode",
                $"'{read.Details.CountryCode}' is not a country this system serves; see GET /api/countries."));
        }

        violations.AddRange(await CheckOrganisationAsync(read.Details, ct));

        var checkOptions = new GeometryCheckOptions
        {
            CountryToleranceMetres = options.Value.CountryToleranceMetres,
            LongEdgeWarningMetres = options.Value.LongEdgeWarningMetres,
        };
        var geometry = GeometryChecks.Check(read.Geometry, country, checkOptions);
        if (violations.Count > 0 || !geometry.IsAccepted)
        {
            return (null, new RegisterOutcome.Rejected(violations, geometry.Errors));
        }

        return (new Checked(read.Details, geometry.Geometry!, read.ChangeReason, geometry.Warnings), null);
    }

    private async Task<IEnumerable<RuleViolation>> CheckOrganisationAsync(HazardAreaDetails details, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Code == details.OrganisationCode, ct);
        if (organisation is null)
        {
            return [new("organisation-unknown", "properties.organisation",
                $"No organisation has the code '{details.OrganisationCode}'; see GET /api/organisations.")];
        }

        return organisation.WorksIn(details.CountryCode)
            ? []
            : [new("organisation-not-in-country", "properties.organisation",
                $"{organisation.Code} does not work in {details.CountryCode} (it works in {string.Join(", ", organisation.Countries)}).")];
    }

    private sealed record Checked(HazardAreaDetails Details, NetTopologySuite.Geometries.MultiPolygon Geometry,
        string? ChangeReason, IReadOnlyList<GeometryIssue> Warnings);
}
