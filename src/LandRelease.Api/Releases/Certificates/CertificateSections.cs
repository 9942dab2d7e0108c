using System.Text;
using static LandRelease.Api.Releases.Certificates.CertificateText;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>The certificate's tables and signature blocks.</summary>
internal static class CertificateSections
{
    public static void TurningPoints(StringBuilder html, CertificateModel model)
    {
        var grid = model.Grid;
        html.Append("<section class=\"annex\">\n<h2>Annex A · Turning points</h2>\n");
        AnnexOf(html, model);
        html.Append("<table class=\"grid turning-points\">\n<thead>\n")
            .Append("<tr><th rowspan=\"2\">Point</th><th colspan=\"2\">WGS 84, decimal degrees</th>")
            .Append("<th colspan=\"3\">WGS 84 / UTM, metres</th></tr>\n")
            .Append("<tr><th>Latitude</th><th>Longitude</th><th>Zone</th><th>Easting</th><th>Northing</th></tr>\n</thead>\n<tbody>\n");
        var hasHoles = grid.Rings.Any(r => !r.IsExterior);
        foreach (var ring in grid.Rings)
        {
            if (!ring.IsExterior)
            {
                Heading(html, $"Excluded area H{ring.Hole}{(grid.IsMulti ? $" of polygon P{ring.Polygon}" : "")}: inside the boundary, not released");
            }
            else if (grid.IsMulti || hasHoles)
            {
                Heading(html, grid.IsMulti ? $"Polygon P{ring.Polygon}: boundary" : "Boundary");
            }

            foreach (var p in ring.Points)
            {
                html.Append("<tr><td>").Append(p.Label).Append("</td><td class=\"num\">").Append(Degrees(p.Lat))
                    .Append("</td><td class=\"num\">").Append(Degrees(p.Lon))
                    .Append("</td><td class=\"num\">").Append(grid.ZoneLabel)
                    .Append("</td><td class=\"num\">").Append(Metres(p.Easting))
                    .Append("</td><td class=\"num\">").Append(Metres(p.Northing)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n<p class=\"caption\">Each boundary closes from its last point back to its first. ")
            .Append("All points are given in the zone of the land's centroid, UTM ").Append(grid.ZoneLabel).Append(".</p>\n</section>\n");
    }

    public static void Evidence(StringBuilder html, CertificateModel model)
    {
        var decision = model.Decision;
        html.Append("<section class=\"annex-part\">\n<h2>Annex B · Evidence</h2>\n");
        AnnexOf(html, model);
        if (decision.Attachments.Count == 0)
        {
            html.Append("<p>No documents are attached to this decision.</p>\n");
        }
        else
        {
            html.Append("<table class=\"grid attachments\">\n<thead><tr><th>Document</th><th>File</th><th>SHA-256</th>")
                .Append("<th>Signed by</th></tr></thead>\n<tbody>\n");
            foreach (var a in decision.Attachments)
            {
                html.Append("<tr><td>").Append(Attachment(a.Kind)).Append("</td><td>").Append(Encode(a.FileName))
                    .Append("</td><td class=\"mono\">").Append(Encode(a.Sha256)).Append("</td><td>")
                    .Append(a.SignedBy is { Length: > 0 } signer ? Encode(signer) : "—").Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (!string.IsNullOrWhiteSpace(decision.Notes))
        {
            html.Append("<h3>Notes</h3>\n<p class=\"notes\">").Append(Encode(decision.Notes)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    public static void Statement(StringBuilder html, CertificateModel model)
    {
        var d = model.Decision;
        html.Append("<p class=\"statement\">The undersigned certify that the land described on this certificate, ")
            .Append(SquareMetres(d.AreaSqm)).Append(" (").Append(Hectares(d.AreaSqm)).Append(") of hazardous area ")
            .Append(Encode(model.AreaLocalId)).Append(" in ").Append(Encode(model.CountryName))
            .Append(", shown on the map and bounded by the turning points of annex A, ").Append(CertificateText.Statement(d.Kind))
            .Append("; that it is released in accordance with the national mine action standards and IMAS 07.11; ")
            .Append("and that it is handed over to the community for its use.</p>\n");
    }

    public static void Signatures(StringBuilder html, CertificateModel model)
    {
        html.Append("<p class=\"place\">Handed over at <span class=\"blank\"></span> on <span class=\"blank short\"></span><br>")
            .Append("<span class=\"caption\">(village, commune, district, province)</span></p>\n<section class=\"signatures\">\n");
        Block(html, "National authority", $"For the national mine action authority of {Encode(model.CountryName)}", "Signature and stamp");
        Block(html, "Operator", $"For {Encode(model.OrganisationName)}, which released the land", "Signature");
        Block(html, "Community representative", "Receiving the land for the community (village chief or commune council)", "Signature or thumbprint");
        html.Append("</section>\n");
    }

    private static void Block(StringBuilder html, string title, string forHtml, string signatureLabel) =>
        html.Append("<section class=\"signature\"><h3>").Append(title).Append("</h3><p class=\"for\">").Append(forHtml)
            .Append("</p><div class=\"line\">Name</div><div class=\"line\">Position</div><div class=\"line sign\">")
            .Append(signatureLabel).Append("</div><div class=\"line\">Date</div></section>\n");

    private static void AnnexOf(StringBuilder html, CertificateModel model) =>
        html.Append("<p class=\"annex-of\">To the land release certificate of release decision <span class=\"mono\">")
            .Append(model.Decision.Id).Append("</span>, hazardous area ").Append(Encode(model.AreaLocalId)).Append(".</p>\n");

    private static void Heading(StringBuilder html, string text) =>
        html.Append("<tr class=\"sub\"><th colspan=\"6\">").Append(text).Append("</th></tr>\n");
}
