using LandRelease.Intake.Common;
using nietras.SeparatedValues;

namespace LandRelease.Intake.Csv;

/// <summary>Reads cells of one Sep row into managed values, so nothing of the row outlives it.</summary>
internal sealed class CsvCells(CsvLayout layout, char separator)
{
    public CsvLayout Layout => layout;

    /// <summary>Null when the row's cell count differs from the header's: an unquoted separator usually.</summary>
    public string?[]? Read(SepReader.Row row)
    {
        if (row.ColCount != layout.Columns.Count)
        {
            return null;
        }

        var cells = new string?[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            var span = row[i].Span;
            cells[i] = span.IsEmpty ? null : span.ToString();
        }

        return cells;
    }

    public Dictionary<string, string?> Attributes(string?[] cells)
    {
        var attributes = Text.NewAttributes();
        for (var i = 0; i < cells.Length; i++)
        {
            if (!layout.Structural.Contains(i))
            {
                attributes.TryAdd(layout.Columns[i], cells[i]);
            }
        }

        return attributes;
    }

    public static string? Cell(string?[] cells, int column) => column >= 0 ? cells[column] : null;

    /// <summary>
    /// A number as written; with ';' as separator a decimal comma is accepted too (Excel in many locales writes
    /// "102,5" into a semicolon-separated file).
    /// </summary>
    public double Number(string?[] cells, int column)
    {
        string name = layout.Columns[column];
        string text = cells[column] ?? throw new FeatureProblem($"Column {name} is empty.");
        if (separator == ';' && text.Contains(',') && !text.Contains('.'))
        {
            text = text.Replace(',', '.');
        }

        if (!Text.TryParseNumber(text, out double value))
        {
            throw new FeatureProblem($"Column {name} holds {Text.Quote(cells[column]!)}, not a number.");
        }

        if (!double.IsFinite(value))
        {
            throw new FeatureProblem($"Column {name} holds {Text.Quote(cells[column]!)}, which is not a finite number.");
        }

        return value;
    }
}
