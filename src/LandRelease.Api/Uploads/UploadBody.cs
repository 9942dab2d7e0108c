using System.Security.Cryptography;
using LandRelease.Intake;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Uploads;

/// <summary>
/// The file of an upload and the parameters sent with it: a multipart form (fields and one file part, in any order) or
/// the file as the raw body with the parameters in the query string. The file is read as a stream, and held in a
/// temporary file only when it comes before the fields.
/// </summary>
internal sealed class UploadBody
{
    private const int MaxFieldBytes = 8 * 1024;
    private const int MaxBoundaryChars = 70;

    /// <summary>The fields without which the file cannot be read; once they have come, the file streams straight in.</summary>
    private static readonly string[] RequiredFields = ["country", "kind"];

    private UploadBody(Dictionary<string, string?> parameters, Stream file, string? fileName, string? contentType)
    {
        Parameters = parameters;
        File = new HashingStream(file);
        FileName = fileName;
        ContentType = contentType;
    }

    public Dictionary<string, string?> Parameters { get; }

    /// <summary>The file's bytes; hashed (SHA-256) as they are read, for the idempotency check.</summary>
    public HashingStream File { get; }

    public string? FileName { get; }
    public string? ContentType { get; }

    /// <summary>Null with an error when a multipart form holds no file part.</summary>
    /// <param name="tempDirectory">Where a file sent before the fields waits for them.</param>
    public static async Task<(UploadBody? Body, string? Error)> ReadAsync(HttpRequest request, string tempDirectory, CancellationToken ct)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var name = request.Headers.ContentDisposition.ToString() is { Length: > 0 } disposition
                       && ContentDispositionHeaderValue.TryParse(disposition, out var parsed)
                ? FileNameOf(parsed)
                : parameters.GetValueOrDefault("fileName");
            return (new UploadBody(parameters, request.Body, name, request.ContentType), null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, "The multipart form has no boundary.");
        }

        // The multipart reader's buffer holds a boundary line; a longer one than the RFC allows overflows it (a 500).
        if (boundary.Length > MaxBoundaryChars)
        {
            return (null, $"The multipart boundary is {boundary.Length:N0} characters; RFC 2046 allows at most {MaxBoundaryChars}.");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        (Stream Stream, string? Name, string? ContentType)? file = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                var name = FileNameOf(disposition);
                if (RequiredFields.All(parameters.ContainsKey))
                {
                    return (new UploadBody(parameters, section.Body, name, section.ContentType), null);
                }

                // The fields come after the file (a browser's FormData in the order it was built, a script's form):
                // the file waits in a temporary file, deleted when the request ends, while the fields are read.
                var held = new FileStream(Path.Combine(tempDirectory, $"landrelease-form-{Guid.NewGuid():N}"), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                request.HttpContext.Response.RegisterForDisposeAsync(held);
                await section.Body.CopyToAsync(held, ct);
                held.Position = 0;
                file = (held, name, section.ContentType);
                continue;
            }

            if (disposition.IsFormDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { } field)
            {
                parameters[field] = await ReadFieldAsync(section.Body, ct);
            }
        }

        return file is var (stream, fileName, contentType)
            ? (new UploadBody(parameters, stream, fileName, contentType), null)
            : (null, "The multipart form has no file part: send the file as a part with a filename.");
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition) =>
        HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value is { Length: > 0 } name
            ? Path.GetFileName(name)
            : null;

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        var buffer = new char[MaxFieldBytes];
        var read = await reader.ReadBlockAsync(buffer, ct);
        return new string(buffer, 0, read);
    }
}

/// <summary>A read-only pass-through that hashes every byte read; <see cref="FinishAsync"/> reads what is left.</summary>
internal sealed class HashingStream(Stream inner) : ForwardOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    /// <summary>Reads to the end and returns the SHA-256 of everything, as lower-case hex.</summary>
    public async Task<string> FinishAsync(CancellationToken ct)
    {
        if (_sha256 is null)
        {
            var buffer = new byte[81920];
            while (await ReadAsync(buffer, ct) > 0)
            {
            }

            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        return _sha256;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
