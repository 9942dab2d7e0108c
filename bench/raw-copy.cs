// The ceilings the upload path is measured against: the same file's polygons, read into memory first, then written
// by one Npgsql binary COPY (1) into a bare table of id and geometry, and (2) into a table shaped like hazard_areas
// (LIKE ... INCLUDING ALL: its checks and indexes, and its geodesic-area trigger; no foreign keys). No rules, versions,
// audit or report. Prints "features seconds rate" for each, one line each.
//
//   dotnet run bench/raw-copy.cs -- FILE "Host=...;Database=...;Username=...;Password=..."
#:project ../src/LandRelease.Intake/LandRelease.Intake.csproj
#:package Npgsql.NetTopologySuite
#:property PublishAot=false

using System.Diagnostics;
using System.Globalization;
using LandRelease.Intake;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

var (file, connectionString) = (args[0], args[1]);
var features = new List<(string? LocalId, Geometry Geometry)>();
await using (var stream = File.OpenRead(file))
await using (var source = await FeatureSources.OpenAsync(stream, Path.GetFileName(file), null, Path.GetTempPath(), IntakeOptions.Default, default))
{
    await foreach (var feature in source.ReadAsync())
    {
        var localId = feature.Attributes.FirstOrDefault(a => a.Key.Equals("localId", StringComparison.OrdinalIgnoreCase)
                                                             || a.Key.Equals("LOCAL_ID", StringComparison.OrdinalIgnoreCase)).Value;
        var geometry = feature.Geometry!;
        geometry.SRID = 4326;
        features.Add((localId, geometry is Polygon p ? new MultiPolygon([p]) { SRID = 4326 } : geometry));
    }
}

var builder = new NpgsqlDataSourceBuilder(connectionString);
builder.UseNetTopologySuite();
await using var dataSource = builder.Build();
await using var connection = await dataSource.OpenConnectionAsync();
await using (var create = new NpgsqlCommand(
    "DROP TABLE IF EXISTS raw_copy_bench; CREATE TABLE raw_copy_bench (local_id varchar(64), geometry geometry(MultiPolygon,4326))",
    connection))
{
    await create.ExecuteNonQueryAsync();
}

var bare = Stopwatch.StartNew();
await using (var importer = await connection.BeginBinaryImportAsync("COPY raw_copy_bench (local_id, geometry) FROM STDIN (FORMAT BINARY)"))
{
    foreach (var (localId, geometry) in features)
    {
        await importer.StartRowAsync();
        await importer.WriteAsync(localId, NpgsqlDbType.Varchar);
        await importer.WriteAsync(geometry, NpgsqlDbType.Geometry);
    }

    await importer.CompleteAsync();
}

bare.Stop();
Report(bare.Elapsed);

await using (var create = new NpgsqlCommand(
    """
    DROP TABLE IF EXISTS raw_copy_register; CREATE TABLE raw_copy_register (LIKE hazard_areas INCLUDING ALL);
    CREATE TRIGGER raw_copy_register_geodesic_areas BEFORE INSERT ON raw_copy_register
        FOR EACH ROW EXECUTE FUNCTION hazard_areas_geodesic_areas()
    """, connection))
{
    await create.ExecuteNonQueryAsync();
}

var shaped = Stopwatch.StartNew();
const string RegisterCopy = """
    COPY raw_copy_register (id, country_code, local_id, name, classification, contamination, status, evidence,
        date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm, version, recorded_at,
        recorded_by, change_reason) FROM STDIN (FORMAT BINARY)
    """;
var now = DateTimeOffset.UtcNow;
string[] contamination = ["AP_MINE"];
await using (var importer = await connection.BeginBinaryImportAsync(RegisterCopy))
{
    foreach (var (localId, geometry) in features)
    {
        await importer.StartRowAsync();
        await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await importer.WriteAsync("KHM", NpgsqlDbType.Varchar);
        await importer.WriteAsync(localId ?? Guid.NewGuid().ToString(), NpgsqlDbType.Varchar);
        await importer.WriteAsync("bench", NpgsqlDbType.Varchar);
        await importer.WriteAsync("SHA", NpgsqlDbType.Varchar);
        await importer.WriteAsync(contamination, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await importer.WriteAsync("OPEN", NpgsqlDbType.Varchar);
        await importer.WriteAsync("[]", NpgsqlDbType.Jsonb);
        await importer.WriteAsync(new DateOnly(2024, 1, 1), NpgsqlDbType.Date);
        await importer.WriteAsync("HALO-KHM", NpgsqlDbType.Varchar);
        await importer.WriteAsync(geometry, NpgsqlDbType.Geometry);
        await importer.WriteAsync(geometry, NpgsqlDbType.Geometry);
        await importer.WriteAsync(0.0, NpgsqlDbType.Double);
        await importer.WriteAsync(1, NpgsqlDbType.Integer);
        await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        await importer.WriteAsync("bench", NpgsqlDbType.Varchar);
        await importer.WriteAsync("bench", NpgsqlDbType.Varchar);
    }

    await importer.CompleteAsync();
}

shaped.Stop();
Report(shaped.Elapsed);

void Report(TimeSpan elapsed) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{features.Count} {elapsed.TotalSeconds:F2} {features.Count / elapsed.TotalSeconds:F0}"));
