namespace LandRelease.Web.Reports;

/// <summary>A series of a chart: its label, its colour class, and a value per category (null: no data reported).</summary>
public sealed record ChartSeries(string Label, string CssClass, IReadOnlyList<double?> Values);
