using LandRelease.Api.Access;
using LandRelease.Api.Countries;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LandRelease.Api.HazardAreas;

/// <summary>
/// The HTTP door of the register: reads a request, applies the geometry checks and the register's rules, then hands
/// the area to <see cref="HazardAreaWriter"/>, which every write of a hazardous area goes through.
/// </summary>
internal sealed class HazardAreaRegister(
    LandReleaseDbContext db,
    CountryBoundaries boundaries,
    TimeProvider clock,
    IOptions<RegisterOptions> options,
    HazardAreaWriter writer)
{
    public const string InitialReason = "Registered";

    public async Task<RegisterOutcome> RegisterAsync(HazardAreaFeatureRequest? request, UserScope user, CancellationToken ct)
    {
        var (read, failure) = await ValidateAsync(request, null, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var area = HazardArea.Register(Guid.CreateVersion7(), read!.Details, read.Geometry, user.Actor,
            clock.GetUtcNow(), read.ChangeReason ?? InitialReason);
        return await writer.CreateAsync(area, ct) switch
        {
            HazardAreaWrite.Duplicate d => new RegisterOutcome.Duplicate(read.Details.CountryCode, read.Details.LocalId, d.ExistingId),
            var written => Outcome(written, read.Warnings),
        };
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

        area.Revise(read.Details, read.Geometry, user.Actor, clock.GetUtcNow(), read.ChangeReason);
        return Outcome(await writer.ReviseAsync(area, expectedVersion, ct), read.Warnings);
    }

    private static RegisterOutcome Outcome(HazardAreaWrite written, IReadOnlyList<GeometryIssue> warnings) => written switch
    {
        HazardAreaWrite.Stored stored => new RegisterOutcome.Stored(stored.Id, warnings),
        HazardAreaWrite.Stale stale => new RegisterOutcome.Stale(stale.CurrentVersion),
        _ => throw new InvalidOperationException($"Unexpected write outcome {written}."),
    };

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
