using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Looks past the API at what an upload left in the database; every count is scoped to one test's local-id prefix.</summary>
public static class UploadDatabase
{
    /// <summary>A prefix no other test uses; local ids of one test are "{batch}-{n}".</summary>
    public static string NewBatch(string tag) => $"{tag}-{Guid.NewGuid():N}"[..(tag.Length + 9)];

    public static Task<long> AreasAsync(this ApiFactory api, string batch) =>
        api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id LIKE $1", batch + "%");

    public static Task<long> VersionsAsync(this ApiFactory api, string batch) =>
        api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1", batch + "%");

    public static Task<long> AuditRowsAsync(this ApiFactory api, string batch) =>
        api.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity_id IN (SELECT id FROM hazard_areas WHERE local_id LIKE $1)",
            batch + "%");

    public static Task<long> UploadsWithKeyAsync(this ApiFactory api, string idempotencyKey) =>
        api.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE idempotency_key = $1", idempotencyKey);

    public static Task<long> StagedRowsAsync(this ApiFactory api, Guid uploadId) =>
        api.ScalarAsync<long>("SELECT count(*) FROM upload_staged_areas WHERE upload_id = $1", uploadId);

    /// <summary>Everything an upload of this batch can write: areas, versions, audit rows; equal snapshots mean nothing changed.</summary>
    public static async Task<(long Areas, long Versions, long Audit)> FootprintAsync(this ApiFactory api, string batch) =>
        (await api.AreasAsync(batch), await api.VersionsAsync(batch), await api.AuditRowsAsync(batch));

    /// <summary>Areas of the whole register, for tests whose features carry no shared prefix.</summary>
    public static Task<long> AllAreasAsync(this ApiFactory api) => api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas");
}
