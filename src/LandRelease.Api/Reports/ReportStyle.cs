using System.Security.Cryptography;
using System.Text;

namespace LandRelease.Api.Reports;

/// <summary>
/// The reports' one stylesheet, inline so a page is self-contained, and the Content-Security-Policy admitting
/// exactly this stylesheet by its hash: no script, no other style, nothing fetched.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        @page { size: A4; margin: 14mm; }
        * { box-sizing: border-box; }
        body { margin: 0; color: #111; font: 10pt/1.45 "DejaVu Sans", Arial, "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Thai", sans-serif; background: #eee; }
        main { max-width: 200mm; margin: 6mm auto; padding: 10mm 12mm; background: #fff; }
        @media print { body { background: none; } main { margin: 0; padding: 0; max-width: none; } }
        h1 { margin: 0 0 1mm; font-size: 17pt; }
        h2 { margin: 6mm 0 2mm; padding-bottom: .5mm; border-bottom: 1px solid #888; font-size: 11pt; text-transform: uppercase; letter-spacing: .06em; }
        .meta { margin: 0 0 3mm; color: #444; font-size: 8.5pt; }
        table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
        th, td { padding: .8mm 2mm; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; font-weight: bold; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: bold; border-top: 1.5px solid #555; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; align-items: start; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.map { display: block; width: 100%; max-height: 120mm; background: #f7fbff; border: 1px solid #bbb; }
        .grid-line { stroke: #ddd; stroke-width: 1; }
        .axis { font: 10px "DejaVu Sans", Arial, sans-serif; fill: #444; }
        .cancelled { fill: #9ecae1; } .reduced { fill: #4292c6; } .cleared { fill: #08519c; }
        .sha { fill: #fdae6b; } .cha { fill: #d94801; }
        .outline { fill: #fff; stroke: #555; stroke-width: 1; }
        .remaining-1 { fill: #fcbba1; } .remaining-2 { fill: #fb6a4a; } .remaining-3 { fill: #de2d26; } .remaining-4 { fill: #a50f15; }
        .released-1 { fill: #c7e9c0; } .released-2 { fill: #74c476; } .released-3 { fill: #31a354; } .released-4 { fill: #006d2c; }
        .legend span { display: inline-block; margin-right: 4mm; }
        .swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: middle; }
        .swatch.remaining { background: #de2d26; } .swatch.released { background: #31a354; }
        .notes { color: #444; font-size: 8.5pt; padding-left: 5mm; }
        footer { margin-top: 6mm; padding-top: 1.5mm; border-top: 1px solid #999; color: #555; font-size: 8pt; }
        """;

    public static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {StyleHash}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The page around a report's body; <paramref name="title"/> is encoded here, the body is already HTML.</summary>
    public static string Page(string title, string bodyHtml) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{ReportCharts.Encode(title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n<main>\n{bodyHtml}</main>\n</body>\n</html>\n";
}
