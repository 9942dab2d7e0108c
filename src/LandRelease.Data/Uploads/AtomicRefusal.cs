using System.Text.Json;

namespace LandRelease.Data.Uploads;

/// <summary>The problem an atomic upload is refused with, worded once for every kind of upload.</summary>
public static class AtomicRefusal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ProblemJson(int rejected, int total) => JsonSerializer.Serialize(new
    {
        type = "https://landrelease.org/problems/atomic-upload-rejected",
        title = "Nothing was stored",
        status = 422,
        detail = $"{rejected} of {total} features broke a rule, so none was stored (atomic=true); see the upload's per-feature outcomes.",
    }, Json);
}
