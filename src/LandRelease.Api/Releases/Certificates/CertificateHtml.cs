using System.Text;
using static LandRelease.Api.Releases.Certificates.CertificateText;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// The handover certificate as one self-contained A4 HTML page: header, the land with its map, the turning
/// points, the evidence, the statement and the signature blocks. Every user-supplied string is encoded.
/// </summary>
internal static class CertificateHtml
{
    public static string Render(CertificateModel model)
    {
        var d = model.Decision;
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Land release certificate ").Append(Encode(model.AreaLocalId)).Append("</title>\n")
            .Append("<style>").Append(CertificateStyle.Css).Append("</style>\n</head>\n<body>\n<main class=\"page\">\n");

        html.Append("<header>\n<p class=\"country\">").Append(Encode(model.CountryName)).Append("</p>\n")
            .Append("<p class=\"authority\">National mine action authority</p>\n")
            .Append("<h1>Land release certificate</h1>\n")
            .Append("<p class=\"kind\">").Append(KindSpelledOut(d.Kind)).Append("</p>\n")
            .Append("<p class=\"number\">Certificate of release decision <span class=\"mono\">").Append(d.Id).Append("</span></p>\n")
            .Append("</header>\n");

        html.Append("<h2>The land released</h2>\n<section class=\"land\">\n<table class=\"facts\">\n");
        Fact(html, "Country", Encode(model.CountryName));
        Fact(html, "Hazardous area", $"<strong>{Encode(model.AreaLocalId)}</strong> — {Encode(model.AreaName)}");
        Fact(html, "Classification", Classification(model.Classification));
        Fact(html, "Released by", $"{Encode(model.OrganisationName)} ({Encode(d.OrganisationCode)})");
        Fact(html, "Method", KindSpelledOut(d.Kind));
        Fact(html, "Decision", $"<span class=\"mono\">{d.Id}</span>");
        Fact(html, "Date of information", Date(d.DateOfInformation));
        Fact(html, "Approved", d.ApprovedAt is { } approved
            ? Date(approved) + (model.ApprovedBy is { } by ? $" by {Encode(by)}" : "")
            : "—");
        Fact(html, "State", State(d.State));
        html.Append("<tr class=\"area\"><th>Area released</th><td>").Append(SquareMetres(d.AreaSqm))
            .Append(" (").Append(Hectares(d.AreaSqm)).Append(")</td></tr>\n");
        if (d.EnteredArea is { } entered)
        {
            Fact(html, "Area as entered", $"{Entered(entered)} ({SquareMetres(entered.SquareMetres)})");
        }

        html.Append("</table>\n<figure class=\"map-figure\">").Append(PolygonSvg.Render(model.Grid))
            .Append("<p class=\"caption\">Area on the WGS 84 ellipsoid; the map is drawn in UTM ")
            .Append(model.Grid.ZoneLabel).Append(" metres.</p></figure>\n</section>\n");

        CertificateSections.Statement(html, model);
        CertificateSections.Signatures(html, model);
        html.Append("<footer>Annex A (turning points) and annex B (evidence) form part of this certificate. ")
            .Append("Produced by LandRelease on ").Append(Timestamp(model.GeneratedAt))
            .Append(" from release decision ").Append(d.Id).Append(", version ").Append(d.Version)
            .Append(". Coordinates: WGS 84 (EPSG:4326) and WGS 84 / UTM zone ").Append(model.Grid.ZoneLabel)
            .Append(" (EPSG:").Append(model.Grid.Epsg).Append("). Valid only when signed and stamped.</footer>\n");

        // The signed page stays one page whatever the number of vertices; the annexes follow it.
        CertificateSections.TurningPoints(html, model);
        CertificateSections.Evidence(html, model);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A row of the facts table; <paramref name="valueHtml"/> is already encoded.</summary>
    private static void Fact(StringBuilder html, string label, string valueHtml) =>
        html.Append("<tr><th>").Append(label).Append("</th><td>").Append(valueHtml).Append("</td></tr>\n");
}
