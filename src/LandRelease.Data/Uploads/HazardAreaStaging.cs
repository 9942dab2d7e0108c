using LandRelease.Domain.Uploads;
using Npgsql;
using NpgsqlTypes;

namespace LandRelease.Data.Uploads;

/// <summary>
/// Streams checked features into <c>upload_staged_areas</c> by binary COPY: one round trip for any number of rows,
/// the fastest way PostgreSQL takes data in. Disposing without <see cref="CompleteAsync"/> discards every row.
/// </summary>
public sealed class HazardAreaStaging : IAsyncDisposable
{
    private const string Copy = """
        COPY upload_staged_areas (upload_id, index, local_id, name, classification, contamination, status, evidence,
            date_of_information, organisation_code, geometry, change_reason, record_id, existing_id, existing_version,
            violations, warnings, traverse, line, reported_name, refused_geometry, refused_attributes)
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlBinaryImporter _importer;

    private HazardAreaStaging(NpgsqlBinaryImporter importer) => _importer = importer;

    public static async Task<HazardAreaStaging> BeginAsync(NpgsqlConnection connection, CancellationToken ct) =>
        new(await connection.BeginBinaryImportAsync(Copy, ct));

    public async Task WriteAsync(StagedHazardArea row, CancellationToken ct)
    {
        await _importer.StartRowAsync(ct);
        await _importer.WriteAsync(row.UploadId, NpgsqlDbType.Uuid, ct);
        await _importer.WriteAsync(row.Index, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(row.LocalId, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Name, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Classification, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Contamination, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await WriteNullableAsync(row.Status, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Evidence, NpgsqlDbType.Jsonb, ct);
        await WriteOptionalAsync(row.DateOfInformation, NpgsqlDbType.Date, ct);
        await WriteNullableAsync(row.OrganisationCode, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.Geometry, NpgsqlDbType.Geometry, ct);
        await WriteNullableAsync(row.ChangeReason, NpgsqlDbType.Varchar, ct);
        await _importer.WriteAsync(row.RecordId, NpgsqlDbType.Uuid, ct);
        await WriteOptionalAsync(row.ExistingId, NpgsqlDbType.Uuid, ct);
        await WriteOptionalAsync(row.ExistingVersion, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(row.Violations, NpgsqlDbType.Jsonb, ct);
        await WriteNullableAsync(row.Warnings, NpgsqlDbType.Jsonb, ct);
        await WriteNullableAsync(row.Traverse, NpgsqlDbType.Jsonb, ct);
        await WriteOptionalAsync(row.Line, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(row.ReportedName, NpgsqlDbType.Varchar, ct);
        await WriteNullableAsync(row.RefusedGeometry, NpgsqlDbType.Geometry, ct);
        await WriteNullableAsync(row.RefusedAttributes, NpgsqlDbType.Jsonb, ct);
    }

    public async Task<ulong> CompleteAsync(CancellationToken ct) => await _importer.CompleteAsync(ct);

    public ValueTask DisposeAsync() => _importer.DisposeAsync();

    private Task WriteNullableAsync<T>(T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? _importer.WriteNullAsync(ct) : _importer.WriteAsync(value, type, ct);

    private Task WriteOptionalAsync<T>(T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? _importer.WriteAsync(v, type, ct) : _importer.WriteNullAsync(ct);
}
