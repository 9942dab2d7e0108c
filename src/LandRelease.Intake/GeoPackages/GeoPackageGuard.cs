using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LandRelease.Intake.GeoPackages;

/// <summary>
/// What an uploaded GeoPackage may make SQLite do. Its schema is the sender's: a "table" that is a view runs the
/// sender's query (a recursive one never ends, or makes rows without end), so the tables read must be real tables;
/// and no statement may run long without giving a row, whatever the file holds.
/// </summary>
internal sealed class GeoPackageGuard
{
    /// <summary>SQLite calls the handler every this many virtual machine instructions.</summary>
    private const int Instructions = 10_000;

    /// <summary>Handler calls without a row before a statement is stopped: 200 million instructions, seconds.</summary>
    public const int MaxCallsWithoutRow = 20_000;

    private static readonly string[] CatalogTables = ["gpkg_contents", "gpkg_geometry_columns", "gpkg_spatial_ref_sys"];

    private readonly delegate_progress _handler;
    private int _calls;

    private GeoPackageGuard(SqliteConnection connection, int maxValueBytes, int maxCallsWithoutRow)
    {
        // Kept in a field: SQLite holds only a pointer to the delegate, which must outlive the connection's use.
        _handler = _ => ++_calls > maxCallsWithoutRow ? 1 : 0;
        raw.sqlite3_progress_handler(connection.Handle, Instructions, _handler, null);
        raw.sqlite3_limit(connection.Handle, raw.SQLITE_LIMIT_LENGTH, maxValueBytes);
    }

    public static GeoPackageGuard Watch(SqliteConnection connection, int maxValueBytes, int maxCallsWithoutRow = MaxCallsWithoutRow) =>
        new(connection, maxValueBytes, maxCallsWithoutRow);

    /// <summary>A row was read: the next one has the whole allowance again.</summary>
    public void Progressed() => _calls = 0;

    public static bool IsStopped(SqliteException e) => e.SqliteErrorCode == raw.SQLITE_INTERRUPT;

    /// <summary>Refuses a catalog table or the chosen feature table that is a view (or anything but a table).</summary>
    public void RequireTables(SqliteConnection connection, string? featureTable)
    {
        Progressed();
        foreach (var name in featureTable is null ? CatalogTables : [featureTable])
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT type FROM sqlite_master WHERE lower(name) = lower($name) AND type IN ('table', 'view')";
            command.Parameters.AddWithValue("$name", name);
            if (command.ExecuteScalar() is "view")
            {
                throw new UploadFormatException(UploadFormatErrors.GeoPackageView,
                    $"The GeoPackage's '{name}' is a view, not a table; views are not read from an upload (a view runs a "
                    + "query of the sender's). Export the layer as a table.");
            }
        }
    }
}
