using LandRelease.Intake.Tests.Support;

namespace LandRelease.Intake.Tests.Detection;

public sealed class FormatDetectionTests
{
    private const string OneFeature = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"localId":"A"},"geometry":{"type":"Point","coordinates":[102.5,13.5]}}]}""";

    [Theory]
    [InlineData(new byte[0], "empty.geojson")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20, 0x0A }, "blank.csv")]
    public async Task RejectsAnEmptyFile(byte[] bytes, string name)
    {
        var error = await Uploads.FailsAsync(bytes, name);

        Assert.Equal(UploadFormatErrors.EmptyFile, error.Code);
        Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData("%PDF-1.7\nnot really", "map.pdf")]
    [InlineData("GIF89a\0\0\0binary", "photo")]
    [InlineData("a,b\n1,2", "data.xlsx")]
    public async Task RejectsAnUnknownFormatListingTheFormatsThatAreRead(string content, string name)
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8(content), name);

        Assert.Equal(UploadFormatErrors.UnknownFormat, error.Code);
        Assert.Contains("GeoJSON FeatureCollection, a zipped Shapefile", error.Message);
    }

    [Fact]
    public async Task RejectsAFileCalledZipThatIsNotOne()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8("local_id,x,y\n"), "upload.zip");

        Assert.Equal(UploadFormatErrors.CorruptZip, error.Code);
    }

    [Theory]
    [InlineData("upload.bin")]
    [InlineData(null)]
    public async Task TrustsContentOverNames(string? name)
    {
        var geojson = await Uploads.ReadAsync(Uploads.Utf8("\uFEFF\n  " + OneFeature), name);
        var zipped = await Uploads.ReadAsync(Uploads.Zip(("data/areas.geojson", Uploads.Utf8(OneFeature))), name);
        var csv = await Uploads.ReadAsync(Uploads.Utf8("lon,lat\n102.5,13.5\n"), name);

        Assert.Equal(UploadFormats.GeoJson, geojson.Format);
        Assert.Equal((UploadFormats.GeoJson, 1), (zipped.Format, zipped.Features.Count));
        Assert.Equal(UploadFormats.Csv, csv.Format);
    }

    [Fact]
    public async Task DeletesWhatItSpooledWhenTheUploadIsRejected()
    {
        using var temp = new TempFolder();
        byte[] zip = Uploads.Zip(("areas.shp", [1, 2, 3]));

        await Assert.ThrowsAsync<UploadFormatException>(() => Uploads.ReadAsync(zip, "partial.zip", temp.Path));

        Assert.True(temp.IsEmpty);
    }

    [Fact]
    public async Task KeepsTheSpooledCopyOnlyWhileTheSourceIsOpen()
    {
        using var temp = new TempFolder();
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 4326);
        await using var body = new MemoryStream(gpkg.Bytes());

        var source = await FeatureSources.OpenAsync(body, "a.gpkg", "application/geopackage+sqlite3", temp.Path, TestContext.Current.CancellationToken);
        bool spooled = !temp.IsEmpty;
        await source.DisposeAsync();

        Assert.True(spooled);
        Assert.True(temp.IsEmpty);
    }

    [Fact]
    public async Task ReadsItsFeaturesOnlyOnce()
    {
        using var temp = new TempFolder();
        await using var source = await FeatureSources.OpenAsync(
            new MemoryStream(Uploads.Utf8(OneFeature)), "a.geojson", "application/geo+json", temp.Path, TestContext.Current.CancellationToken);

        _ = source.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Throws<InvalidOperationException>(() => source.ReadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StopsAZipEntryThatExpandsPastTheLimit()
    {
        string padded = OneFeature.Replace("[{", "[" + new string(' ', 300_000) + "{", StringComparison.Ordinal);
        byte[] zip = Uploads.Zip(("areas.geojson", Uploads.Utf8(padded)));

        var error = await Uploads.FailsAsync(zip, "bomb.zip", new IntakeOptions { MaxExtractedBytes = 100_000 });

        Assert.Equal(UploadFormatErrors.TooLarge, error.Code);
        Assert.Contains("areas.geojson", error.Message);
    }
}
