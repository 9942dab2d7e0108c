using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.AdminAreas;
using LandRelease.Domain.AdminAreas;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Loads a national authority's administrative areas from an upload: every feature is read and checked
/// (<see cref="AdminAreaRules"/>, the geometry checks), then all are written by <see cref="AdminAreaWriter"/> in one
/// transaction, or none: a set of boundaries loaded in part would place the figures in some provinces and not others.
/// A file holds a few hundred areas at most, so it is read whole.
/// </summary>
internal sealed class AdminAreaIntake(LandReleaseDbContext db, AdminAreaWriter writer, TimeProvider clock)
{
    private sealed record Read(SourceFeature Feature, string? Code, AdminAreaDetails? Details, List<Dictionary<string, object?>> Violations,
        List<Dictionary<string, object?>> Warnings);

    public async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, GeometryCheckOptions options, CancellationToken ct)
    {
        var read = new List<Read>();
        await foreach (var feature in source.ReadAsync(ct))
        {
            read.Add(Check(feature, geometry, options));
        }

        if (read.Count == 0)
        {
            return 0;
        }

        var knownProvinces = (await db.AdminAreas.AsNoTracking()
            .Where(a => a.CountryCode == parameters.CountryCode && a.Level == 1).Select(a => a.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var fileProvinces = read.Where(r => r.Details is { Level: 1 }).Select(r => r.Details!.Code).ToHashSet(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in read.Where(r => r.Details is not null))
        {
            r.Violations.AddRange(AdminAreaRules.CheckInSet(r.Details!, codes, fileProvinces, knownProvinces).Select(Problems.ToItem));
        }

        var refused = read.Any(r => r.Violations.Count > 0);
        IReadOnlyList<AdminAreaWriter.Written> written = [];
        if (!refused)
        {
            var loaded = await writer.LoadAsync(parameters.CountryCode, [.. read.Select(r => r.Details!)], user.Actor,
                clock.GetUtcNow(), uploadId, ct);
            foreach (var overlap in loaded.Overlaps)
            {
                read.Single(r => r.Details!.Code == overlap.Code).Violations.Add(Problems.ToItem(AdminAreaRules.Overlaps(
                    overlap.Level, overlap.OtherCode, overlap.Sqm, new NetTopologySuite.Geometries.Coordinate(overlap.Longitude, overlap.Latitude))));
            }

            refused = loaded.Overlaps.Count > 0;
            written = loaded.Areas;
        }

        List<FeatureOutcomeRow> lines = refused
            ? [.. read.Select(r => r.Violations.Count > 0
                ? FeatureOutcomeRow.Rejected(r.Feature.Index, r.Code, r.Violations)
                : new FeatureOutcomeRow(r.Feature.Index, r.Details!.Code, FeatureOutcome.NotStored, null, null, null, Warnings(r)))]
            : [.. read.Zip(written, (r, w) =>
                new FeatureOutcomeRow(r.Feature.Index, r.Details!.Code, FeatureOutcome.Accepted, w.Action, w.Id, null, Warnings(r)))];

        await UploadOutcomeRows.WriteAsync(db, uploadId, lines, refused, ct);
        return read.Count;
    }

    private static List<Dictionary<string, object?>>? Warnings(Read r) => r.Warnings.Count == 0 ? null : r.Warnings;

    private static Read Check(SourceFeature source, SourceGeometry geometry, GeometryCheckOptions options)
    {
        var (feature, refusedAttributes) = StorableAttributes.Split(source);
        var violations = refusedAttributes.Select(a => Problems.Item("unstorable-attribute", a.Attribute, a.Problem)).ToList();
        var warnings = new List<Dictionary<string, object?>>();
        if (feature.Problem is { } problem)
        {
            violations.Add(Problems.Item("unreadable-feature", "feature", problem));
        }

        var attributes = new AdminAreaRules.Attributes(Value(feature, "code"), Value(feature, "name"), Value(feature, "level"),
            Value(feature, "parentCode") ?? Value(feature, "parent_code") ?? Value(feature, "parent"));
        violations.AddRange(AdminAreaRules.Check(attributes, out var level).Select(Problems.ToItem));

        NetTopologySuite.Geometries.MultiPolygon? outline = null;
        if (feature.Problem is null)
        {
            var converted = geometry.ToWgs84(feature, out _, out var conversion);
            if (conversion is not null)
            {
                violations.Add(Problems.Item(conversion.Rule, "geometry", conversion.Message));
            }
            else
            {
                // No country check: official boundaries follow coasts and rivers that a generalised country outline cuts.
                var checkedGeometry = GeometryChecks.Check(converted, null, options);
                violations.AddRange(checkedGeometry.Errors.Select(Problems.ToItem));
                warnings.AddRange(checkedGeometry.Warnings.Select(Problems.ToItem));
                outline = checkedGeometry.Geometry;
            }
        }

        var details = violations.Count == 0
            ? new AdminAreaDetails(attributes.Code!.Trim(), attributes.Name!.Trim(), level,
                level == 2 ? attributes.ParentCode!.Trim() : null, outline!)
            : null;
        return new Read(feature, attributes.Code?.Trim(), details, violations, warnings);
    }

    /// <summary>An attribute by name in any case (dBASE files shout their column names).</summary>
    private static string? Value(SourceFeature feature, string name) =>
        feature.Attributes.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } value
        && !string.IsNullOrWhiteSpace(value) ? value : null;
}
