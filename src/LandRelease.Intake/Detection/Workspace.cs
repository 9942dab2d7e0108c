namespace LandRelease.Intake.Detection;

/// <summary>
/// A private folder under the caller's temp directory for what needs random access (a zip, a GeoPackage, a
/// shapefile's parts). Files are always named by us, never by an entry name in the upload, so nothing can be
/// written outside it.
/// </summary>
internal static class Workspace
{
    public static string Create(string tempDirectory)
    {
        string directory = Path.Combine(Path.GetFullPath(tempDirectory), "landrelease-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static void Delete(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A reader still holding a file on an odd platform: leave it to the temp cleaner rather than fail the upload.
        }
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static async Task CopyToFileAsync(Stream source, string path, long maxBytes, string what, CancellationToken ct)
    {
        var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (target)
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new UploadFormatException(
                        UploadFormatErrors.TooLarge,
                        $"{what} expands to more than {Common.Text.Size(maxBytes)}; that is more than an upload may hold.");
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
    }
}
