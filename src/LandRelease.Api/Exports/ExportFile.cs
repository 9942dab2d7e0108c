using System.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Exports;

/// <summary>
/// Sends an export. CSV is written straight to the response as the rows arrive; a GeoPackage, a zip or a workbook
/// cannot be written front to back, so it is built in a temp file (deleted when sent) and then streamed with its length.
/// Memory stays flat whatever the size: rows pass one at a time from PostgreSQL to the file.
/// </summary>
/// <param name="write">Writes the file: to the response stream (CSV) or to the temp path; returns the rows written.</param>
internal sealed class ExportFile(ExportFormat format, string fileName, ILogger log,
    Func<Stream?, string?, CancellationToken, Task<long>> write) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => format.MediaType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        var watch = Stopwatch.StartNew();
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "private, no-store";
        long rows;
        if (format == ExportFormat.Csv)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = format.MediaType;
            rows = await write(response.Body, null, ct);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"landrelease-export-{Guid.NewGuid():N}.{format.Extension}");
            try
            {
                rows = await write(null, path, ct);
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = format.MediaType;
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
                    FileOptions.Asynchronous | FileOptions.SequentialScan);
                response.ContentLength = file.Length;
                await file.CopyToAsync(response.Body, ct);
            }
            finally
            {
                File.Delete(path);
            }
        }

        log.LogInformation("Export {FileName}: {Rows} rows in {Milliseconds} ms", fileName, rows, watch.ElapsedMilliseconds);
    }
}
