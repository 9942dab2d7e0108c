using System.Text.Json;
using LandRelease.Data;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>What became of one feature of an upload (its row of <c>upload_features</c>), before it is written.</summary>
internal sealed record FeatureOutcomeRow(int Index, string? LocalId, FeatureOutcome Outcome, FeatureAction? Action, Guid? RecordId,
    IReadOnlyList<Dictionary<string, object?>>? Violations, IReadOnlyList<Dictionary<string, object?>>? Warnings)
{
    public static FeatureOutcomeRow Rejected(int index, string? localId, IReadOnlyList<Dictionary<string, object?>> violations) =>
        new(index, localId, FeatureOutcome.Rejected, null, null, violations, null);
}

/// <summary>Writes per-feature outcomes computed in .NET (the activity path) in one statement, and closes the upload.</summary>
internal static class UploadOutcomeRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(LandReleaseDbContext db, Guid uploadId, IReadOnlyList<FeatureOutcomeRow> lines, bool atomicRefused,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO upload_features (upload_id, index, local_id, outcome, action, record_id, violations, warnings)
            SELECT $1, i, l, o, a, r, v::jsonb, w::jsonb
            FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[]) AS t(i, l, o, a, r, v, w)
            """, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
            insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. lines.Select(l => l.Index)] });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.LocalId)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lines.Select(l => WireName<FeatureOutcome>.Of(l.Outcome))] });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.Action is { } a ? WireName<FeatureAction>.Of(a) : null)] });
            insert.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = [.. lines.Select(l => l.RecordId)] });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.Violations is null ? null : JsonSerializer.Serialize(l.Violations, Json))] });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. lines.Select(l => l.Warnings is null ? null : JsonSerializer.Serialize(l.Warnings, Json))] });
            await insert.ExecuteNonQueryAsync(ct);
        }

        var rejected = lines.Count(l => l.Outcome == FeatureOutcome.Rejected);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE uploads SET state = {(atomicRefused ? "FAILED" : "DONE")}, finished_at = clock_timestamp(),
                   processed = {lines.Count}, total = {lines.Count},
                   accepted = {lines.Count(l => l.Outcome == FeatureOutcome.Accepted)}, rejected = {rejected},
                   problem_status = {(atomicRefused ? 422 : (int?)null)},
                   problem = {(atomicRefused ? AtomicRefusal.ProblemJson(rejected, lines.Count) : null)}::jsonb
            WHERE id = {uploadId}
            """, ct);
        await transaction.CommitAsync(ct);
    }
}
