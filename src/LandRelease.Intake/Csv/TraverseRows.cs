using LandRelease.Intake.Common;

namespace LandRelease.Intake.Csv;

/// <summary>
/// Gathers consecutive rows with the same local_id into one traverse: RP (with x, y), BM, TP1..TPn, then TP1 again
/// for the closing leg; each row after RP gives the bearing and distance from the row before. Only the rows of the
/// traverse being read are held.
/// </summary>
internal sealed class TraverseRows(CsvCells cells)
{
    private readonly List<(string?[]? Cells, int Line)> _rows = [];
    private string? _localId;

    /// <summary>Adds a row; returns the previous traverse when this row starts a new one.</summary>
    public SourceFeature? Add(string?[]? row, int line, int index)
    {
        string? localId = row is null ? _localId : CsvCells.Cell(row, cells.Layout.LocalId);
        SourceFeature? finished = null;
        if (_rows.Count > 0 && !string.Equals(localId, _localId, StringComparison.Ordinal))
        {
            finished = Finish(index);
        }

        _localId = localId;
        _rows.Add((row, line));
        return finished;
    }

    public SourceFeature? Finish(int index)
    {
        if (_rows.Count == 0)
        {
            return null;
        }

        var rows = _rows.ToList();
        _rows.Clear();
        var first = rows[0].Cells;
        var attributes = first is null ? Text.NewAttributes() : cells.Attributes(first);
        string where = $"traverse {Text.Quote(_localId ?? "(no local_id)")}, lines {rows[0].Line}-{rows[^1].Line}";
        try
        {
            return new SourceFeature(index, null, attributes, Build(rows), null);
        }
        catch (FeatureProblem problem)
        {
            return new SourceFeature(index, null, attributes, null, $"{problem.Message} ({where})");
        }
    }

    private TraverseRecord Build(List<(string?[]? Cells, int Line)> rows)
    {
        int broken = rows.FindIndex(r => r.Cells is null);
        if (broken >= 0)
        {
            throw new FeatureProblem($"Line {rows[broken].Line} has a different number of cells from the header; a value holding the separator must be quoted.");
        }

        var table = rows.Select(r => r.Cells!).ToList();
        if (_localId is null)
        {
            throw new FeatureProblem("The rows have no local_id.");
        }

        var layout = cells.Layout;
        ExpectPoints(table.Select(r => (CsvCells.Cell(r, layout.Point) ?? "").ToUpperInvariant()).ToList());
        string unit = Setting(table, layout.AngleUnit, "angle_unit", TraverseUnit);
        string reference = Setting(table, layout.BearingReference, "bearing_reference", BearingReference);
        double? declination = null;
        if (reference == TraverseUnits.Magnetic)
        {
            if (layout.Declination < 0 || CsvCells.Cell(table[0], layout.Declination) is null)
            {
                throw new FeatureProblem("Magnetic bearings need the magnetic declination (declination_deg, east positive) on the RP row.");
            }

            declination = cells.Number(table[0], layout.Declination);
        }

        double full = unit == TraverseUnits.Mils ? 6400 : 360;
        var legs = new List<TraverseLeg>();
        for (var i = 1; i < table.Count; i++)
        {
            double bearing = cells.Number(table[i], layout.Bearing);
            double distance = cells.Number(table[i], layout.Distance);
            if (bearing < 0 || bearing >= full)
            {
                throw new FeatureProblem($"The bearing to {Name(table[i])} is {Text.Number(bearing)}; in {unit.ToLowerInvariant()} it must be from 0 to under {full}.");
            }

            if (distance <= 0)
            {
                throw new FeatureProblem($"The distance to {Name(table[i])} is {Text.Number(distance)} m; it must be more than 0.");
            }

            legs.Add(new TraverseLeg(Name(table[i - 1]), Name(table[i]), bearing, distance));
        }

        return new TraverseRecord(
            cells.Number(table[0], layout.X),
            cells.Number(table[0], layout.Y),
            CsvCells.Cell(table[0], layout.Crs),
            unit,
            reference,
            declination,
            legs);
    }

    private string Name(string?[] row) => (CsvCells.Cell(row, cells.Layout.Point) ?? "").ToUpperInvariant();

    /// <summary>RP, BM, TP1, TP2, ... TPn, TP1: at least three turning points, numbered in order, closing on TP1.</summary>
    private static void ExpectPoints(List<string> points)
    {
        const string Shape = "A traverse is the rows RP, BM, TP1, TP2, ..., TPn and TP1 again (the closing leg), with at least three turning points";
        if (points.Count < 6 || points[0] != "RP" || points[1] != "BM" || points[^1] != "TP1")
        {
            throw new FeatureProblem($"{Shape}; these rows are {string.Join(", ", points)}.");
        }

        for (var i = 2; i < points.Count - 1; i++)
        {
            if (points[i] != $"TP{i - 1}")
            {
                throw new FeatureProblem($"{Shape}; row {i + 1} is {Text.Quote(points[i])} where TP{i - 1} was expected.");
            }
        }
    }

    /// <summary>A per-traverse setting: given on the RP row, and where repeated on other rows, the same.</summary>
    private static string Setting(List<string?[]> rows, int column, string name, Func<string, string?> normalise)
    {
        string? value = column < 0 ? null : CsvCells.Cell(rows[0], column);
        if (value is null)
        {
            throw new FeatureProblem($"The RP row has no {name}.");
        }

        string normal = normalise(value) ?? throw new FeatureProblem($"{name} {Text.Quote(value)} is not one of {Allowed(name)}.");
        foreach (var row in rows.Skip(1))
        {
            if (CsvCells.Cell(row, column) is { } repeated && normalise(repeated) != normal)
            {
                throw new FeatureProblem($"{name} changes within the traverse ({Text.Quote(value)}, then {Text.Quote(repeated)}).");
            }
        }

        return normal;
    }

    private static string Allowed(string name) => name == "angle_unit" ? "DEGREES or MILS" : "TRUE, MAGNETIC or GRID";

    private static string? TraverseUnit(string value) => value.ToUpperInvariant() switch
    {
        "DEGREES" or "DEGREE" or "DEG" => TraverseUnits.Degrees,
        "MILS" or "MIL" => TraverseUnits.Mils,
        _ => null,
    };

    private static string? BearingReference(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" => TraverseUnits.True,
        "MAGNETIC" or "MAG" => TraverseUnits.Magnetic,
        "GRID" => TraverseUnits.Grid,
        _ => null,
    };
}
