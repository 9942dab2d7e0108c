using System.Runtime.CompilerServices;
using System.Text;
using LandRelease.Intake.Common;
using nietras.SeparatedValues;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LandRelease.Intake.Csv;

/// <summary>
/// CSV read with Sep: streaming, RFC 4180 quotes, the separator (',' ';' tab or '|') detected from the header,
/// UTF-8 with or without BOM. One row is one feature, except traverse rows: consecutive rows with the same
/// local_id make one traverse.
/// </summary>
internal sealed class CsvSource : FeatureSource
{
    private readonly SepReader _reader;
    private readonly CsvCells _cells;
    private bool _pending;

    private CsvSource(SepReader reader, CsvCells cells)
    {
        _reader = reader;
        _cells = cells;
        Own(reader);
    }

    public override string Format => UploadFormats.Csv;

    public static async Task<FeatureSource> OpenAsync(Stream stream, IntakeOptions options, CancellationToken ct)
    {
        var text = new StreamReader(new LineLimitStream(stream, options.MaxCsvLineBytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        SepReader reader;
        try
        {
            reader = await Sep
                .Reader(o => o with
                {
                    Unescape = true,
                    Trim = SepTrim.All,
                    DisableColCountCheck = true,
                    ColNameComparer = StringComparer.OrdinalIgnoreCase,
                })
                .FromAsync(text, ct);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or NotSupportedException)
        {
            text.Dispose();
            throw new UploadFormatException(UploadFormatErrors.InvalidCsv, $"The CSV header cannot be read: {e.Message}", e);
        }

        try
        {
            var layout = CsvLayout.Detect(reader.Header.ColNames);
            var cells = new CsvCells(layout, reader.Spec.Sep.Separator);
            // The first row is read ahead so its crs is known before any feature; reading then starts with it.
            bool pending = layout.Crs >= 0 && await reader.MoveNextAsync(ct);
            return new CsvSource(reader, cells) { DeclaredCrs = pending ? CrsOf(reader, cells) : null, _pending = pending };
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    protected override async IAsyncEnumerable<SourceFeature> ReadFeaturesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var traverse = new TraverseRows(_cells);
        var wkt = new WKTReader(Rings.Factory.GeometryServices);
        var index = 0;
        while (_pending || await _reader.MoveNextAsync(ct))
        {
            _pending = false;
            var (cells, line) = Current();
            if (_cells.Layout.Kind == CsvKind.Traverse)
            {
                if (traverse.Add(cells, line, index) is { } finished)
                {
                    index++;
                    yield return finished;
                }

                continue;
            }

            yield return RowFeature(cells, line, index++, wkt);
        }

        if (traverse.Finish(index) is { } last)
        {
            yield return last;
        }
    }


    private (string?[]? Cells, int Line) Current()
    {
        var row = _reader.Current;
        return (_cells.Read(row), row.LineNumberFrom);
    }

    private SourceFeature RowFeature(string?[]? cells, int line, int index, WKTReader wkt)
    {
        if (cells is null)
        {
            return new SourceFeature(index, null, Text.NewAttributes(), null, CellCountProblem(line)) { Line = line };
        }

        var attributes = _cells.Attributes(cells);
        try
        {
            string? crs = CsvCells.Cell(cells, _cells.Layout.Crs);
            if (crs is not null && DeclaredCrs is not null && !string.Equals(crs, DeclaredCrs, StringComparison.OrdinalIgnoreCase))
            {
                throw new FeatureProblem($"Its crs {Text.Quote(crs)} differs from the first row's ({DeclaredCrs}); one upload has one CRS.");
            }

            var geometry = _cells.Layout.Kind == CsvKind.Wkt ? Wkt(cells, wkt) : Point(cells);
            string? problem = GeometryProblems.Find(geometry);
            return new SourceFeature(index, problem is null ? geometry : null, attributes, null, problem is null ? null : $"{problem} (line {line})")
            {
                Line = line,
            };
        }
        catch (FeatureProblem problem)
        {
            return new SourceFeature(index, null, attributes, null, $"{problem.Message} (line {line})") { Line = line };
        }
    }

    private Geometry? Wkt(string?[] cells, WKTReader wkt)
    {
        string? text = CsvCells.Cell(cells, _cells.Layout.Wkt);
        if (text is null)
        {
            throw new FeatureProblem($"Column {_cells.Layout.Columns[_cells.Layout.Wkt]} is empty: the row has no geometry.");
        }

        // NetTopologySuite's WKT reader recurses once per bracket: a cell of nested collections would overflow the stack.
        if (BracketDepth(text) > MaxWktDepth)
        {
            throw new FeatureProblem($"The WKT nests brackets more than {MaxWktDepth} deep; no geometry of land needs so many.");
        }

        try
        {
            return wkt.Read(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FeatureProblem($"The WKT {Text.Quote(text)} cannot be read: {e.Message}");
        }
    }

    private const int MaxWktDepth = 16;

    private static int BracketDepth(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    private Point Point(string?[] cells) =>
        Rings.Factory.CreatePoint(new Coordinate(_cells.Number(cells, _cells.Layout.X), _cells.Number(cells, _cells.Layout.Y)));

    private string CellCountProblem(int line) =>
        $"The row has a different number of cells from the header's {_cells.Layout.Columns.Count} (line {line}); "
        + "a value holding the separator must be quoted.";

    private static string? CrsOf(SepReader reader, CsvCells cells)
    {
        var row = reader.Current;
        return row.ColCount > cells.Layout.Crs ? NullIfEmpty(row[cells.Layout.Crs].ToString()) : null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
