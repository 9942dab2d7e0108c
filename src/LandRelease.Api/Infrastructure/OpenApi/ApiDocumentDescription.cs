using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The document as a whole: what the API is, its tags with descriptions, the ProblemDetails schema every error
/// response names, and an operationId for each operation derived from its summary ("List hazardous areas" is
/// listHazardousAreas), so a generated client's methods read as the summaries do.
/// </summary>
internal sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Countries"] = "The ten ASEAN countries the system serves, with their boundaries.",
        ["Organisations"] = "The authorities and operators that record data, and the countries they work in.",
        ["Hazardous areas"] = "The register of suspected and confirmed hazardous areas, each with its versions.",
        ["Activities"] = "Survey and clearance work on a hazardous area, and the release decisions drafted from it.",
        ["Release decisions"] = "Land cancelled, reduced or cleared, through the workflow draft, submitted, approved, certified, handed over.",
        ["Uploads"] = "Files of hazardous areas or activities from any GIS, checked feature by feature.",
        ["Traverses"] = "Outlines drawn from a surveyor's traverse (bearings and distances).",
        ["Quality incidents"] = "Land found contaminated after its release.",
        ["Reports"] = "Official figures by country and for the region, and the treaty reports.",
        ["Audit trail"] = "Who changed what, and when.",
        ["OGC API - Features"] = "The register for GIS clients (QGIS, GDAL, ArcGIS): OGC API - Features Parts 1 and 2, and vector tiles.",
    };

    private static readonly Dictionary<string, string> HeaderDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["If-Match"] = "The ETag of the version you edited (a strong tag, not *): without it the answer is 428, with a stale one 412.",
        ["Idempotency-Key"] = "Unique text per file: a retry under the same key answers with the first upload (200, Idempotent-Replayed: true) " +
                              "instead of storing the file twice; the same key with another file is a 422.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "LandRelease API";
        document.Info.Description = "The mine action register of the ASEAN countries: hazardous areas, activities, release decisions, " +
                                    "uploads and official reports. Every error is a ProblemDetails (application/problem+json).";

        // The framework names the server as the request's base address with a slash; the paths bring their own.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // The framework's own problem schemas are replaced by the one every error response names.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas[ProblemSchema.Name] = ProblemSchema.Create();

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            if (string.IsNullOrEmpty(operation.OperationId) && !string.IsNullOrEmpty(operation.Summary))
            {
                operation.OperationId = OperationId(operation.Summary);
            }

            // The framework leaves a string parameter's schema empty (any JSON value); a generated client needs its type.
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter.Schema is OpenApiSchema { Type: null, Enum: null, AllOf: null, OneOf: null, AnyOf: null } untyped)
                {
                    untyped.Type = JsonSchemaType.String;
                }

                if (parameter is OpenApiParameter { In: ParameterLocation.Header } header && HeaderDescriptions.TryGetValue(header.Name ?? "", out var said))
                {
                    header.Description ??= said;
                    // Writes refuse a request without If-Match (428), so a client must send it.
                    header.Required |= string.Equals(header.Name, "If-Match", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // The framework lists every tag the operations use; each gets its description.
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }

        return Task.CompletedTask;
    }

    /// <summary>camelCase of the summary's words: "Read one hazardous area's history" is readOneHazardousAreasHistory.</summary>
    public static string OperationId(string summary)
    {
        var words = summary.Split([' ', '-', '/', ',', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .ToList();
        return string.Concat(words.Select((w, i) => i == 0
            ? w.ToLowerInvariant()
            : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..].ToLowerInvariant()));
    }
}
