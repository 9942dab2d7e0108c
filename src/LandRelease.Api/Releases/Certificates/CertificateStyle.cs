using System.Security.Cryptography;
using System.Text;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// The certificate's one stylesheet, inline so the page is self-contained (no fonts, scripts or files to fetch),
/// and the Content-Security-Policy that admits exactly this stylesheet by its hash and nothing else.
/// </summary>
internal static class CertificateStyle
{
    public const string Css = """
        @page { size: A4; margin: 13mm 15mm 15mm;
          @bottom-center { content: "Land release certificate, page " counter(page) " of " counter(pages); font: 8pt "DejaVu Serif", Georgia, serif; color: #444; } }
        * { box-sizing: border-box; }
        html { background: #d9d9d9; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        body { margin: 0; color: #111; font: 10pt/1.4 "DejaVu Serif", Georgia, "Times New Roman", "Noto Serif Khmer", "Khmer OS", "Khmer UI", serif; }
        .page { width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 14mm 15mm; background: #fff; box-shadow: 0 0 3mm rgba(0,0,0,.3); }
        @media print { html { background: none; } .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; } .annex { break-before: page; } }
        @media screen { .annex { margin-top: 10mm; padding-top: 2mm; border-top: 1px dashed #999; } }
        header { text-align: center; border-bottom: 2.5px double #111; padding-bottom: 3mm; margin-bottom: 4mm; }
        .country { margin: 0; font-size: 11pt; letter-spacing: .25em; text-transform: uppercase; }
        .authority { margin: 0; font-size: 9pt; color: #333; }
        h1 { margin: 3mm 0 0; font-size: 21pt; letter-spacing: .04em; font-variant: small-caps; }
        .kind { margin: 0; font-size: 13pt; font-style: italic; }
        .number { margin: 2mm 0 0; font-size: 8.5pt; color: #333; }
        h2 { margin: 5mm 0 2mm; padding-bottom: .8mm; border-bottom: 1px solid #777; font-size: 10pt; letter-spacing: .1em; text-transform: uppercase; break-after: avoid; }
        table { width: 100%; border-collapse: collapse; }
        tr { break-inside: avoid; }
        .land { display: grid; grid-template-columns: 1fr 84mm; gap: 5mm; align-items: start; }
        .facts { font-size: 9.5pt; }
        .facts th { width: 31mm; padding: .7mm 2mm .7mm 0; color: #444; font-weight: normal; text-align: left; vertical-align: top; white-space: nowrap; }
        .facts td { padding: .7mm 0; vertical-align: top; }
        .facts .mono { white-space: nowrap; }
        .facts .area td { font-weight: bold; }
        .grid th, .grid td { padding: .5mm 1.6mm; border: 1px solid #888; font-size: 8.5pt; line-height: 1.3; }
        .grid th { background: #ececec; font-weight: bold; text-align: center; }
        .grid .sub th { background: #f7f7f7; font-weight: normal; font-style: italic; text-align: left; }
        .num { text-align: right; font-family: "DejaVu Sans Mono", "Courier New", monospace; white-space: nowrap; }
        .mono { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 7.5pt; word-break: break-all; }
        .caption { margin: 1mm 0 0; font-size: 8pt; color: #444; }
        .annex-of { margin: -1mm 0 2mm; font-size: 8.5pt; color: #333; }
        h3 { margin: 3mm 0 1mm; font-size: 9.5pt; }
        .notes { margin: 0; padding: 2mm 3mm; border: 1px solid #bbb; white-space: pre-wrap; }
        .statement { margin: 5mm 0 3mm; text-align: justify; break-inside: avoid; }
        .place { margin: 0 0 4mm; }
        .blank { display: inline-block; width: 95mm; border-bottom: 1px dotted #111; }
        .blank.short { width: 35mm; }
        .signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; break-inside: avoid; }
        .signature { padding: 2.5mm 3mm; border: 1px solid #111; }
        .signature h3 { margin: 0; font-size: 9.5pt; }
        .signature .for { margin: 0 0 1mm; min-height: 13.5mm; font-size: 8.5pt; color: #333; }
        .line { display: flex; align-items: flex-end; height: 8.5mm; border-bottom: 1px dotted #111; font-size: 8pt; color: #444; }
        .line.sign { height: 17mm; }
        footer { margin-top: 5mm; padding-top: 1.5mm; border-top: 1px solid #999; font-size: 7.5pt; color: #444; }
        svg.map { display: block; width: 100%; height: auto; }
        .map-frame { fill: #fff; stroke: #111; stroke-width: 1; }
        .released { fill: #cfe6c3; stroke: #245c16; stroke-width: 1.4; stroke-linejoin: round; }
        .vertex { fill: #111; }
        .tp { font: 11px "DejaVu Sans", Arial, sans-serif; fill: #111; }
        .polygon-label { font: bold 13px "DejaVu Sans", Arial, sans-serif; fill: #245c16; }
        .hole-label { font: 10px "DejaVu Sans", Arial, sans-serif; fill: #555; }
        .north { font: bold 15px "DejaVu Sans", Arial, sans-serif; fill: #111; }
        .arrow-dark, .bar-dark { fill: #111; stroke: #111; stroke-width: .8; }
        .arrow-light, .bar-light { fill: #fff; stroke: #111; stroke-width: .8; }
        .map-note { font: 10px "DejaVu Sans", Arial, sans-serif; fill: #333; }
        .hazard-area { fill: #fbe3d6; stroke: #a3361a; stroke-width: 1.2; stroke-dasharray: 5 3; }
        .other-released { fill: #d5d5d5; stroke: #777; stroke-width: .8; }
        .leader { stroke: #555; stroke-width: .6; }
        .logo { display: block; height: 20mm; margin: 0 auto 2mm; }
        .number strong { font-size: 12pt; letter-spacing: .06em; }
        .number.draft { color: #8a1c00; font-weight: bold; }
        .map-legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; margin: 1mm 0 0; padding: 0; list-style: none; font-size: 8pt; color: #333; }
        .key { display: inline-block; width: 4mm; height: 3mm; margin-right: 1.2mm; vertical-align: -.3mm; border: 1px solid #555; }
        .key-hazard { background: #fbe3d6; border: 1px dashed #a3361a; }
        .key-other { background: #d5d5d5; }
        .key-released { background: #cfe6c3; border-color: #245c16; }
        .earlier { display: block; }
        .devices { width: auto; min-width: 110mm; }
        .devices .total td { font-weight: bold; }
        .devices-none { margin: 0; }
        .filled { margin-left: 1.5mm; color: #111; font-size: 8.5pt; line-height: 1.2; }
        .signature .line:has(.filled:not(:empty)) { height: auto; min-height: 8.5mm; padding-top: 1mm; }
        """;

    /// <summary>CSP source for the stylesheet: browsers apply an inline &lt;style&gt; whose text has this SHA-256.</summary>
    public static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";

    /// <summary>
    /// The API's default-src 'none' would block the inline stylesheet. This relaxes only style-src, only to this
    /// exact stylesheet: no style attributes, no other inline style, nothing fetched. SVG presentation attributes
    /// (fill-rule) are not styles and need no source.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {StyleHash}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
