using System.Globalization;
using System.Runtime.CompilerServices;
using LandRelease.Intake.Common;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LandRelease.Intake.GeoPackages;

/// <summary>
/// A GeoPackage spooled to disk, opened read-only. SQLite here only reads the uploaded file; nothing is stored in
/// it. One feature table is read: the one named, else the first in gpkg_contents.
/// </summary>
internal sealed class GeoPackageSource : FeatureSource
{
    private readonly SqliteConnection _connection;
    private readonly GeoPackageLayer _layer;
    private readonly GeoPackageGuard _guard;

    private GeoPackageSource(SqliteConnection connection, GeoPackageLayer layer, GeoPackageGuard guard)
    {
        _connection = connection;
        _layer = layer;
        _guard = guard;
        Own(connection);
    }

    public override string Format => UploadFormats.GeoPackage;

    public static GeoPackageSource Open(string path, IntakeOptions options, IReadOnlyList<string>? zipOthers = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            // A pooled connection would keep the file open after dispose, and the temp folder could not be deleted.
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Harden(connection);
            var guard = GeoPackageGuard.Watch(connection, options.MaxFeatureBytes);
            guard.RequireTables(connection, null);
            var tables = GeoPackageCatalog.FeatureTables(connection);
            if (tables.Count == 0)
            {
                throw Invalid("it has no feature table in gpkg_contents");
            }

            string table = options.Layer is null
                ? tables[0]
                : tables.FirstOrDefault(t => string.Equals(t, options.Layer, StringComparison.OrdinalIgnoreCase))
                  ?? throw new UploadFormatException(
                      UploadFormatErrors.LayerNotFound,
                      $"The GeoPackage has no feature table '{options.Layer}'; it has {string.Join(", ", tables)}.");
            var others = tables.Where(t => t != table).Concat(zipOthers ?? []).ToList();
            guard.RequireTables(connection, table);
            guard.Progressed();
            var layer = GeoPackageCatalog.Describe(connection, table);
            if (layer.Crs is { Length: var length } && length > options.MaxDeclaredCrsChars)
            {
                throw CrsLimit.TooLong("The GeoPackage's", options.MaxDeclaredCrsChars);
            }

            return new GeoPackageSource(connection, layer, guard) { DeclaredCrs = layer.Crs, Layer = table, OtherLayers = others };
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw GeoPackageGuard.IsStopped(e) ? Stopped(e) : Invalid($"SQLite says: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async IAsyncEnumerable<SourceFeature> ReadFeaturesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(_layer.Table)}";
        _guard.Progressed();
        await using var reader = await command.ExecuteReaderAsync(ct);
        int geometryOrdinal = reader.GetOrdinal(_layer.GeometryColumn);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (Name: reader.GetName(i), Declared: reader.GetDataTypeName(i).ToUpperInvariant())).ToArray();
        var geometries = new GeoPackageGeoReader();
        var index = 0;
        while (await reader.ReadAsync(ct))
        {
            _guard.Progressed();
            var attributes = Text.NewAttributes();
            string? problem = null;
            for (var i = 0; i < columns.Length; i++)
            {
                if (i != geometryOrdinal)
                {
                    attributes[columns[i].Name] = Value(reader, i, columns[i].Name, columns[i].Declared, ref problem);
                }
            }

            var (geometry, geometryProblem) = ReadGeometry(reader, geometryOrdinal, geometries);
            problem = geometryProblem ?? problem ?? GeometryProblems.Find(geometry);
            yield return new SourceFeature(index++, problem is null ? geometry : null, attributes, null, problem);
        }
    }

    protected override UploadFormatException? Translate(Exception exception, int featureIndex) =>
        exception is SqliteException e
            ? GeoPackageGuard.IsStopped(e) ? Stopped(e) : Invalid($"reading feature {featureIndex} failed: {e.Message}", e)
            : base.Translate(exception, featureIndex);

    private static UploadFormatException Stopped(SqliteException e) =>
        Invalid("SQLite worked on it for seconds without giving a row (a query the file makes it run, or damage), so it was stopped", e);


    private static (Geometry?, string?) ReadGeometry(SqliteDataReader reader, int ordinal, GeoPackageGeoReader geometries)
    {
        if (reader.IsDBNull(ordinal))
        {
            return (null, "The feature has no geometry (null).");
        }

        var blob = reader.GetFieldValue<byte[]>(ordinal);
        if (WkbNesting.TooDeep(blob))
        {
            return (null, $"The geometry nests collections more than {WkbNesting.MaxDepth} deep; no geometry of land needs so many.");
        }

        try
        {
            return (geometries.Read(blob), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"The geometry blob cannot be read as a GeoPackage geometry: {e.Message}");
        }
    }

    /// <summary>Values as text; a declared numeric or date column holding something else is the feature's problem.</summary>
    private static string? Value(SqliteDataReader reader, int ordinal, string name, string declared, ref string? problem)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = reader.GetValue(ordinal);
        string text = value switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => Text.Number(d),
            byte[] bytes => Convert.ToBase64String(bytes),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        bool numericColumn = declared is "INTEGER" or "INT" or "MEDIUMINT" or "SMALLINT" or "TINYINT" or "BOOLEAN" or "REAL" or "DOUBLE" or "FLOAT";
        if (numericColumn && value is string && !Text.TryParseNumber(text, out _))
        {
            problem ??= $"Column {name} is {declared} but holds {Text.Quote(text)}.";
        }

        if (declared == "DATE" && value is string && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problem ??= $"Column {name} is a DATE but holds {Text.Quote(text)}.";
        }

        return text;
    }

    /// <summary>The upload is untrusted: no functions from its schema (views, triggers) run with our privileges.</summary>
    private static void Harden(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;";
        command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static UploadFormatException Invalid(string why, Exception? inner = null) =>
        inner is null
            ? new(UploadFormatErrors.InvalidGeoPackage, $"The GeoPackage cannot be read: {why}.")
            : new(UploadFormatErrors.InvalidGeoPackage, $"The GeoPackage cannot be read: {why}", inner);
}
