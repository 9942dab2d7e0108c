using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LandRelease.Data.Exports;

/// <summary>One sheet of a workbook: its name, column headings and rows (null cells left empty).</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Headings, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>A sheet of rows already in memory (a page's tables).</summary>
    public WorkbookSheet(string name, IReadOnlyList<string> headings, IEnumerable<object?[]> rows)
        : this(name, headings, rows.ToAsyncEnumerable())
    {
    }
}

/// <summary>
/// Writes an XLSX workbook (Office Open XML, SpreadsheetML) row by row into a zip: strings inline, so nothing is gathered
/// in memory; dates as date cells, numbers as numbers. The one writer of every workbook (exports, the pages' downloads),
/// written here rather than by MiniExcel because GDAL 3.6's XLSX driver, which QGIS uses, reads MiniExcel's prefixed
/// XML (x:row) as empty sheets.
/// </summary>
public static class Workbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Package = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    public static async Task<long> WriteAsync(Stream output, IReadOnlyList<WorkbookSheet> sheets, CancellationToken ct)
    {
        long rows = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await TextAsync(zip, "[Content_Types].xml", ContentTypes(sheets.Count), ct);
        await TextAsync(zip, "_rels/.rels",
            $"""{Xml}<Relationships xmlns="{Package}"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""", ct);
        await TextAsync(zip, "xl/workbook.xml", $"""{Xml}<workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets>{string.Concat(sheets.Select((s, i) =>
            $"""<sheet name="{Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))}</sheets></workbook>""", ct);
        await TextAsync(zip, "xl/_rels/workbook.xml.rels", $"""{Xml}<Relationships xmlns="{Package}">{string.Concat(sheets.Select((_, i) =>
            $"""<Relationship Id="rId{i + 1}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))}<Relationship Id="rId{sheets.Count + 1}" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>""", ct);
        await TextAsync(zip, "xl/styles.xml", Styles, ct);
        for (var i = 0; i < sheets.Count; i++)
        {
            rows += await SheetAsync(zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest), sheets[i], ct);
        }

        return rows;
    }

    /// <summary>A whole workbook in memory, for the pages' downloads (a few small tables).</summary>
    public static async Task<byte[]> ToBytesAsync(IReadOnlyList<WorkbookSheet> sheets, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, sheets, ct);
        return stream.ToArray();
    }

    private static async Task<long> SheetAsync(ZipArchiveEntry entry, WorkbookSheet sheet, CancellationToken ct)
    {
        await using var stream = await entry.OpenAsync(ct);
        await using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync(true);
        await xml.WriteStartElementAsync(null, "worksheet", Main);
        await xml.WriteStartElementAsync(null, "sheetData", Main);
        await RowAsync(xml, 1, [.. sheet.Headings]);
        long count = 0;
        await foreach (var row in sheet.Rows.WithCancellation(ct))
        {
            await RowAsync(xml, ++count + 1, row);
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        return count;
    }

    private static async Task RowAsync(XmlWriter xml, long number, object?[] cells)
    {
        await xml.WriteStartElementAsync(null, "row", Main);
        await xml.WriteAttributeStringAsync(null, "r", null, number.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
            {
                continue;
            }

            await xml.WriteStartElementAsync(null, "c", Main);
            await xml.WriteAttributeStringAsync(null, "r", null, Column(i) + number.ToString(CultureInfo.InvariantCulture));
            (string? Style, double? Number) cell = value switch
            {
                DateOnly d => ("1", d.ToDateTime(TimeOnly.MinValue).ToOADate()),
                DateTime t => (t.TimeOfDay == TimeSpan.Zero ? "1" : "2", t.ToOADate()),
                double v => (null, v),
                long v => (null, v),
                int v => (null, v),
                _ => (null, null),
            };
            if (cell.Number is { } n)
            {
                if (cell.Style is not null)
                {
                    await xml.WriteAttributeStringAsync(null, "s", null, cell.Style);
                }

                await xml.WriteElementStringAsync(null, "v", Main, n.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await xml.WriteStartElementAsync(null, "is", Main);
                await xml.WriteElementStringAsync(null, "t", Main, XmlText(value.ToString() ?? ""));
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary>A, B, ... Z, AA, AB: the column letters of a 0-based index.</summary>
    private static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>Text XML can hold: a control character the register keeps (other than tab and line breaks) becomes U+FFFD.</summary>
    private static string XmlText(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    private static string Escape(string name) => System.Security.SecurityElement.Escape(name);

    private static string ContentTypes(int sheets) =>
        $"""{Xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{string.Concat(Enumerable.Range(1, sheets).Select(i =>
            $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))}</Types>""";

    /// <summary>Style 0 plain, 1 a date (yyyy-mm-dd), 2 a date and time.</summary>
    private const string Styles = $"""{Xml}<styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""";

    private static async Task TextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}
