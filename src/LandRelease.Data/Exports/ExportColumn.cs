namespace LandRelease.Data.Exports;

/// <summary>How a column is typed in the files: a GeoPackage column type, a DBF field type, a spreadsheet cell.</summary>
public enum ExportType
{
    Text,
    Date,
    Real,
    WholeNumber,
}

/// <summary>
/// One attribute of an export: its name in GeoPackage, CSV and XLSX (the API's own property name, which the upload reads
/// back), its dBASE field name (at most 10 characters, one the upload also recognises), its type, and the SQL that reads it.
/// </summary>
/// <param name="Width">Bytes of a DBF character field (254 at most, dBASE's limit).</param>
public sealed record ExportColumn(string Name, string DbfName, ExportType Type, string Sql, int Width = 0);
