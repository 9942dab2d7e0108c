namespace LandRelease.Data.Reports;

/// <summary>A period of a report: its figures cover dates of information from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ReportBucket(DateOnly From, DateOnly To);

/// <summary>
/// The figures of one period, flat under their dotted names (remaining.sha.count, released.clearedSqm,
/// devices.destroyed.AP_MINE), unrounded m², and optionally the land on a grid.
/// </summary>
public sealed class BucketFigures
{
    public BucketFigures(ReportBucket bucket, SortedDictionary<string, double> values, ReportMap? map)
    {
        Bucket = bucket;
        Values = values;
        Map = map;
    }

    public ReportBucket Bucket { get; }
    public SortedDictionary<string, double> Values { get; }
    public ReportMap? Map { get; }

    /// <summary>The figures by administrative area, when the country has loaded its boundaries.</summary>
    public List<AdminAreaFigures>? AdminAreas { get; init; }
}

/// <summary>Land on a grid of square cells (degrees) over the country's bounding box: [column, row, m²] per cell.</summary>
public sealed record ReportMap(double West, double South, double CellDegrees, int Columns, int Rows,
    IReadOnlyList<double[]> Remaining, IReadOnlyList<double[]> Released);
