using System.IO.Compression;
using System.Text;

namespace LandRelease.Intake.Tests.Support;

internal sealed record ReadResult(string Format, string? DeclaredCrs, string? Layer, IReadOnlyList<string> OtherLayers, List<SourceFeature> Features);

internal static class Uploads
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Opens and reads the whole upload through a trickling forward-only body, then disposes the source.</summary>
    public static async Task<ReadResult> ReadAsync(byte[] bytes, string? fileName, IntakeOptions? options = null)
    {
        using var temp = new TempFolder();
        var result = await ReadAsync(bytes, fileName, temp.Path, options);
        Assert.True(temp.IsEmpty, "the source left files in the temp folder after dispose");
        return result;
    }

    public static async Task<ReadResult> ReadAsync(byte[] bytes, string? fileName, string tempDirectory, IntakeOptions? options = null)
    {
        await using var body = new TrickleStream(bytes);
        await using var source = await FeatureSources.OpenAsync(
            body, fileName, null, tempDirectory, options ?? IntakeOptions.Default, TestContext.Current.CancellationToken);
        var features = new List<SourceFeature>();
        await foreach (var feature in source.ReadAsync(TestContext.Current.CancellationToken))
        {
            features.Add(feature);
        }

        return new ReadResult(source.Format, source.DeclaredCrs, source.Layer, source.OtherLayers, features);
    }

    public static async Task<UploadFormatException> FailsAsync(byte[] bytes, string? fileName, IntakeOptions? options = null) =>
        await Assert.ThrowsAsync<UploadFormatException>(() => ReadAsync(bytes, fileName, options));

    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(data);
            }
        }

        return buffer.ToArray();
    }
}
