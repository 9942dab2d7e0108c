using System.Text.Json;
using Hangfire;
using LandRelease.Api.Access;
using LandRelease.Api.Countries;
using LandRelease.Api.HazardAreas;
using LandRelease.Data;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Takes an upload in: records it (once per Idempotency-Key), streams and checks its features into staging, then
/// merges them into the register before answering (small uploads) or in a background job (large ones).
/// </summary>
internal sealed class UploadReceiver(
    LandReleaseDbContext db,
    UploadRows rows,
    UploadMerger merger,
    HazardAreaIntake hazardAreas,
    ActivityIntake activities,
    AdminAreaIntake adminAreas,
    SourceCoordinates coordinates,
    CountryBoundaries boundaries,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<UploadOptions> uploadOptions,
    IOptions<RegisterOptions> registerOptions,
    ILogger<UploadReceiver> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UploadOutcome> ReceiveAsync(HttpRequest request, UserScope user, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 200 })
        {
            return new UploadOutcome.Malformed(new() { ["Idempotency-Key"] = ["The Idempotency-Key is at most 200 characters."] });
        }

        if (StorableText.Problem(idempotencyKey) is { } keyProblem)
        {
            return new UploadOutcome.Malformed(new() { ["Idempotency-Key"] = [keyProblem] });
        }

        var (body, bodyError) = await UploadBody.ReadAsync(request, uploadOptions.Value.TempDirectory ?? Path.GetTempPath(), ct);
        if (body is null)
        {
            return new UploadOutcome.Malformed(new() { ["file"] = [bodyError!] });
        }

        if (StorableText.Problem(body.FileName) is { } fileNameProblem)
        {
            return new UploadOutcome.Malformed(new() { ["fileName"] = [fileNameProblem] });
        }

        var errors = new Dictionary<string, string[]>();
        var parameters = UploadParameters.Read(body.Parameters, user.Organisation, errors);
        if (parameters is null)
        {
            return new UploadOutcome.Malformed(errors);
        }

        var country = await boundaries.FindAsync(parameters.CountryCode, ct);
        if (country is null)
        {
            return Refuse(422, "country-unknown", $"'{parameters.CountryCode}' is not a country this system serves; see GET /api/countries.");
        }

        if (!user.CanWrite(parameters.CountryCode, parameters.OrganisationCode))
        {
            return new UploadOutcome.Forbidden(
                $"Your token does not allow recording {parameters.CountryCode} data in the name of {parameters.OrganisationCode}.");
        }

        if (parameters.Kind == UploadKind.AdminAreas && !user.Is(Roles.NationalAuthority))
        {
            return new UploadOutcome.Forbidden(
                $"Only the national authority of {parameters.CountryCode} loads its administrative areas.");
        }

        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        if (!organisations.TryGetValue(parameters.OrganisationCode, out var organisation) || !organisation.WorksIn(parameters.CountryCode))
        {
            return Refuse(422, "organisation-unknown",
                $"No organisation with the code '{parameters.OrganisationCode}' works in {parameters.CountryCode}; see GET /api/organisations.");
        }

        var upload = Upload.Receive(Guid.CreateVersion7(), parameters.CountryCode, parameters.OrganisationCode, parameters.Kind,
            parameters.Atomic, body.FileName, idempotencyKey, user.Actor, clock.GetUtcNow());
        var (uploadId, created) = await rows.ReceiveAsync(upload, ct);
        if (!created)
        {
            var replay = await ReplayAsync(uploadId, body, ct);
            if (replay is not null)
            {
                return replay;
            }

            // The first request under this key never arrived whole and was forgotten: this one takes its place.
            (uploadId, created) = await rows.ReceiveAsync(upload, ct);
            if (!created)
            {
                return await ReplayAsync(uploadId, body, ct) ?? Refuse(409, "idempotency-key-busy",
                    "Another request under this Idempotency-Key is being received; retry in a moment.");
            }
        }

        var options = uploadOptions.Value;
        if (await rows.CountReceivingBeforeAsync(upload, ct) >= options.MaxConcurrentPerOrganisation)
        {
            await rows.ForgetAsync(uploadId, CancellationToken.None);
            return Refuse(429, "too-many-uploads",
                $"{parameters.OrganisationCode} already has {options.MaxConcurrentPerOrganisation} uploads being read; " +
                "send this one when one of them is finished (GET /api/uploads/{id} tells).");
        }

        // Reading may not outlast the deadline, however slowly the file arrives or whatever it makes a reader do.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.ReceiveTimeout);
        try
        {
            return await IngestAsync(uploadId, body, parameters, country, organisations, user, deadline.Token, ct);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return await FailAsync(uploadId, null, 408, "upload-timed-out", "The upload took too long",
                $"Reading, checking and staging an upload may take {options.ReceiveTimeout.TotalMinutes:0.#} minutes; this one took " +
                "longer and nothing of it was stored. Split the file, or send it over a faster link.", CancellationToken.None);
        }
        catch (UploadFormatException e)
        {
            return await FailAsync(uploadId, body, 422, e.Code, "The file cannot be read", e.Message, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await FailAsync(uploadId, null, 413, "file-too-large", "The file is too large",
                $"Uploads are limited to {uploadOptions.Value.MaxBytes:N0} bytes; split the file.", ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException
                                   or BadHttpRequestException { StatusCode: not StatusCodes.Status413PayloadTooLarge })
        {
            // The file stopped arriving (a dropped link, a cancelled request): nothing of it was stored. Forget the
            // upload, so the client's retry under the same Idempotency-Key is received afresh rather than refused.
            await rows.ForgetAsync(uploadId, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Upload {UploadId} failed", uploadId);
            await rows.FailAsync(uploadId, 500, ProblemJson(500, "upload-failed", "The upload failed", "An unexpected error stopped the upload; nothing was stored."), null, CancellationToken.None);
            throw;
        }
    }

    /// <param name="readCt">Cancelled at the request's end or its deadline: reading and staging.</param>
    /// <param name="ct">Cancelled at the request's end only: the merge, once begun, is not cut short by the deadline.</param>
    private async Task<UploadOutcome> IngestAsync(Guid uploadId, UploadBody body, UploadParameters parameters, CountryBoundary country,
        IReadOnlyDictionary<string, Domain.Organisations.Organisation> organisations, UserScope user, CancellationToken readCt,
        CancellationToken ct)
    {
        var options = uploadOptions.Value;
        await using var source = await FeatureSources.OpenAsync(body.File, body.FileName, body.ContentType,
            options.TempDirectory ?? Path.GetTempPath(), options.Intake(parameters.Layer), readCt);
        // Reading one layer of several would drop the others' features without a word: the sender names the layer.
        if (parameters.Layer is null && source.OtherLayers.Count > 0)
        {
            return await FailAsync(uploadId, body, 422, "several-layers", "The file holds several layers",
                $"The file holds {source.OtherLayers.Count + 1} layers ({string.Join(", ", [source.Layer, .. source.OtherLayers])}); " +
                "name the one to read with layer= and upload each in turn.", ct);
        }

        var projection = coordinates.Resolve(parameters.Crs, source);
        if (projection.Problem is { } crsProblem)
        {
            return await FailAsync(uploadId, body, 422, crsProblem.Rule, "The coordinate system cannot be used", crsProblem.Message, ct);
        }

        var geometryOptions = new GeometryCheckOptions
        {
            CountryToleranceMetres = registerOptions.Value.CountryToleranceMetres,
            LongEdgeWarningMetres = registerOptions.Value.LongEdgeWarningMetres,
        };

        int total;
        if (parameters.Kind == UploadKind.AdminAreas)
        {
            // Not under the deadline: the areas are written in one transaction once all are read and checked.
            total = await adminAreas.RecordAsync(uploadId, source, projection.Geometry!, parameters, user, geometryOptions, ct);
            if (total > 0)
            {
                await rows.DescribeAsync(uploadId, source.Format, projection.Name, await body.File.FinishAsync(ct), ct);
                return new UploadOutcome.Received(uploadId, Replayed: false);
            }
        }
        else if (parameters.Kind == UploadKind.HazardAreas)
        {
            var checker = new HazardAreaFeatureChecker(parameters, projection.Geometry!, country, organisations, user, geometryOptions,
                Infrastructure.Clock.Today(clock));
            var staging = System.Diagnostics.Stopwatch.StartNew();
            total = await hazardAreas.StageAsync(uploadId, source, checker, parameters, user, readCt);
            logger.LogInformation("Upload {UploadId}: {Total} features read, checked and staged in {Seconds:F2} s",
                uploadId, total, staging.Elapsed.TotalSeconds);
        }
        else
        {
            // Not under the deadline: activities are recorded as they are read, each in its own transaction, and
            // stopping part-way would leave some recorded under an upload reported FAILED.
            total = await activities.RecordAsync(uploadId, source, projection.Geometry!, parameters, user, ct);
            if (total > 0)
            {
                await rows.DescribeAsync(uploadId, source.Format, projection.Name, await body.File.FinishAsync(ct), ct);
                return new UploadOutcome.Received(uploadId, Replayed: false);
            }
        }

        if (total == 0)
        {
            return await FailAsync(uploadId, body, 422, "no-features", "The file holds no features",
                "The file was read to the end without finding a single feature.", ct);
        }

        var sha256 = await body.File.FinishAsync(ct);
        await rows.QueueAsync(uploadId, total, source.Format, projection.Name, sha256, ct);
        if (total <= options.InlineFeatureLimit)
        {
            await merger.MergeAsync(uploadId, ct);
        }
        else
        {
            jobs.Enqueue<UploadMergeJob>(job => job.RunAsync(uploadId, CancellationToken.None));
        }

        return new UploadOutcome.Received(uploadId, Replayed: false);
    }

    /// <summary>
    /// The same Idempotency-Key again: the first upload's answer, unless this body differs from the first one's (a
    /// client reusing a key for another file would otherwise believe the second file stored).
    /// </summary>
    /// <returns>Null when the first request under the key was forgotten (its file never arrived whole).</returns>
    private async Task<UploadOutcome?> ReplayAsync(Guid uploadId, UploadBody body, CancellationToken ct)
    {
        var sha256 = await body.File.FinishAsync(ct);
        var first = await WhenReceivedAsync(uploadId, ct);
        if (first is null)
        {
            return null;
        }

        if (first.State == UploadState.Receiving)
        {
            return Refuse(409, "idempotency-key-busy",
                $"Upload {uploadId} under this Idempotency-Key is still being received; ask GET /api/uploads/{uploadId} or retry later.");
        }
        if (first.RequestSha256 is { } firstSha && firstSha != sha256)
        {
            return new UploadOutcome.Refused(422, "idempotency-key-reused", "Idempotency-Key already used",
                $"This Idempotency-Key was used for upload {uploadId} with a different file; send a new key for a new file.", uploadId);
        }

        // A file refused whole (nothing staged) is refused again the same way; an atomic upload refused feature by
        // feature is answered with its per-feature outcomes like any other.
        if (first is { State: UploadState.Failed, Total: 0, Problem: { } problem, ProblemStatus: { } status })
        {
            var stored = JsonSerializer.Deserialize<StoredProblem>(problem, Json)!;
            return new UploadOutcome.Refused(status, stored.Code ?? "upload-failed", stored.Title ?? "Upload failed", stored.Detail ?? "", uploadId);
        }

        return new UploadOutcome.Received(uploadId, Replayed: true);
    }

    /// <summary>
    /// The first upload under a key, once its file has been read to the end (a racing twin waits for it, so that it
    /// can compare files and answer with the same upload); null if it was forgotten; still RECEIVING after a minute.
    /// </summary>
    private async Task<Upload?> WhenReceivedAsync(Guid uploadId, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow().AddMinutes(1);
        while (true)
        {
            var first = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uploadId, ct);
            if (first is null || first.State != UploadState.Receiving || clock.GetUtcNow() > deadline)
            {
                return first;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }

    private async Task<UploadOutcome> FailAsync(Guid uploadId, UploadBody? body, int status, string code, string title, string detail,
        CancellationToken ct)
    {
        string? sha256 = null;
        if (body is not null)
        {
            try
            {
                sha256 = await body.File.FinishAsync(ct);
            }
            catch (BadHttpRequestException)
            {
                // The rest of the body cannot be read (too large, connection gone): the failure stands without a hash.
            }
        }

        await rows.FailAsync(uploadId, status, ProblemJson(status, code, title, detail), sha256, ct);
        return new UploadOutcome.Refused(status, code, title, detail, uploadId);
    }

    private static UploadOutcome.Refused Refuse(int status, string code, string detail) =>
        new UploadOutcome.Refused(status, code, "The upload cannot be accepted", detail, null);

    private static string ProblemJson(int status, string code, string title, string detail) =>
        JsonSerializer.Serialize(new StoredProblem(status, code, title, detail), Json);

    private sealed record StoredProblem(int Status, string? Code, string? Title, string? Detail);
}
