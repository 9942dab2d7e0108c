using System.IO.Compression;

namespace LandRelease.Intake.Detection;

/// <summary>
/// How far one zip entry may expand: what is left of the upload's budget, and no more than
/// <see cref="IntakeOptions.MaxCompressionRatio"/> times its compressed size once past
/// <see cref="IntakeOptions.CompressionCheckFromBytes"/>. An entry whose header already says it expands further is
/// refused before a byte of it is written; one whose header lies is stopped at the limit as it is read.
/// </summary>
internal static class ZipEntryLimit
{
    public static long Of(ZipArchiveEntry entry, long budget, IntakeOptions options)
    {
        long byRatio = Math.Max(options.CompressionCheckFromBytes, entry.CompressedLength * (long)options.MaxCompressionRatio);
        long limit = Math.Min(budget, byRatio);
        if (entry.Length > limit)
        {
            throw entry.Length > byRatio
                ? RatioExceeded(entry, options)
                : Exceeded(Describe(entry), budget);
        }

        return limit;
    }

    public static UploadFormatException Exceeded(string what, long limit) =>
        new(UploadFormatErrors.TooLarge, $"{what} expands to more than {Common.Text.Size(limit)}; that is more than an upload may hold.");

    public static string Describe(ZipArchiveEntry entry) => $"The zip entry '{entry.FullName}'";

    private static UploadFormatException RatioExceeded(ZipArchiveEntry entry, IntakeOptions options) =>
        new(UploadFormatErrors.TooLarge,
            $"{Describe(entry)} expands from {Common.Text.Size(entry.CompressedLength)} to {Common.Text.Size(entry.Length)}, more than "
            + $"{options.MaxCompressionRatio} times its compressed size; no field data compresses so far, so it is not read.");
}
