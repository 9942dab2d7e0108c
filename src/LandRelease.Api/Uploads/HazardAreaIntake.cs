using LandRelease.Data.HazardAreas;
using LandRelease.Data.Uploads;
using LandRelease.Intake;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Streams an upload's hazardous areas into staging: reads a batch, checks it in parallel, looks up the local ids
/// the register already holds (one query per batch) and writes the batch by binary COPY while the next is read.
/// One transaction: a file that turns out to be broken half-way leaves nothing staged.
/// </summary>
internal sealed class HazardAreaIntake(NpgsqlDataSource dataSource, Microsoft.Extensions.Options.IOptions<UploadOptions> uploadOptions, UploadProgress progress)
{
    private UploadOptions Options => uploadOptions.Value;

    public async Task<int> StageAsync(Guid uploadId, FeatureSource source, HazardAreaFeatureChecker checker,
        UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<SourceFeature>(Options.BatchSize);
        var count = 0;
        var nextProgress = UploadProgress.Every;

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var staging = await HazardAreaStaging.BeginAsync(connection, ct))
        {
            await foreach (var feature in source.ReadAsync(ct))
            {
                batch.Add(feature);
                if (batch.Count == Options.BatchSize)
                {
                    count += await StageBatchAsync(batch, staging, uploadId, checker, parameters, user, seen, ct);
                    batch.Clear();
                    if (count >= nextProgress)
                    {
                        await progress.ReportAsync(uploadId, count, ct);
                        nextProgress += UploadProgress.Every;
                    }
                }
            }

            count += await StageBatchAsync(batch, staging, uploadId, checker, parameters, user, seen, ct);
            await staging.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return count;
    }

    private async Task<int> StageBatchAsync(List<SourceFeature> batch, HazardAreaStaging staging, Guid uploadId,
        HazardAreaFeatureChecker checker, UploadParameters parameters, UserScope user, Dictionary<string, int> seen,
        CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var results = new CheckedFeature[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.CheckParallelism, CancellationToken = ct },
            i => results[i] = checker.Check(batch[i]));

        RejectRepeatedLocalIds(results, seen);
        var existing = await FindExistingAsync(parameters.CountryCode, results, ct);
        await WarnOfSameOutlinesAsync(parameters.CountryCode, results, ct);
        foreach (var result in results)
        {
            var known = result.LocalId is { } localId ? existing.GetValueOrDefault(localId) : null;
            if (known is not null && result.IsAccepted && !user.CanWrite(parameters.CountryCode, known.OrganisationCode))
            {
                result.Reject("not-your-area", "properties.localId",
                    $"{parameters.CountryCode} area '{result.LocalId}' was recorded by {known.OrganisationCode}; your token does not allow revising it.");
            }

            result.ChangeReason ??= known is null ? $"Registered by upload {uploadId}" : $"Revised by upload {uploadId}";
            await staging.WriteAsync(result.ToStaged(uploadId, Guid.CreateVersion7(), known), ct);
        }

        return batch.Count;
    }

    /// <summary>The same land already registered under another local id is named, never passed over in silence.</summary>
    private async Task WarnOfSameOutlinesAsync(string countryCode, CheckedFeature[] results, CancellationToken ct)
    {
        var outlines = results.Where(r => r is { IsAccepted: true, Geometry: not null })
            .Select(r => (r.Index, r.LocalId, (NetTopologySuite.Geometries.Geometry)r.Geometry!)).ToList();
        var byIndex = results.ToDictionary(r => r.Index);
        foreach (var same in await SameOutlines.FindAsync(dataSource, countryCode, outlines, ct))
        {
            var result = byIndex[same.Index];
            var at = result.Geometry!.InteriorPoint.Coordinate;
            var share = same.SharedFraction >= 0.9995 ? "the same outline as" : $"{Math.Floor(same.SharedFraction * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}% of its land with";
            result.Warn(new Domain.Geometry.GeometryIssue("same-outline",
                $"This area has {share} {countryCode} area '{same.LocalId}' ({same.Id}), registered under another local id: " +
                "if it is the same land, send it under that local id so it is not counted twice.", at.X, at.Y));
        }
    }

    /// <summary>A local id names one area, so it appears once per upload; later appearances are rejected.</summary>
    private static void RejectRepeatedLocalIds(CheckedFeature[] results, Dictionary<string, int> seen)
    {
        foreach (var result in results)
        {
            if (result.LocalId is not { } localId)
            {
                continue;
            }

            if (seen.TryGetValue(localId, out var first))
            {
                result.Reject("local-id-repeated", "properties.localId",
                    $"Feature {first} of this upload already has local id '{localId}'; a local id appears once per upload.");
            }
            else
            {
                seen[localId] = result.Index;
            }
        }
    }

    private async Task<Dictionary<string, ExistingArea>> FindExistingAsync(string countryCode, CheckedFeature[] results,
        CancellationToken ct)
    {
        var localIds = results.Where(r => r.LocalId is not null).Select(r => r.LocalId!).ToArray();
        var existing = new Dictionary<string, ExistingArea>(StringComparer.Ordinal);
        if (localIds.Length == 0)
        {
            return existing;
        }

        foreach (var (localId, area) in await HazardAreaLookup.ByLocalIdsAsync(dataSource, countryCode, localIds, ct))
        {
            existing[localId] = new ExistingArea(area.Id, area.Version, area.OrganisationCode, area.Status);
        }

        return existing;
    }
}
