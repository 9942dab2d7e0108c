using LandRelease.Domain.Uploads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LandRelease.Api.Uploads;

/// <summary>
/// The upload's request in the OpenAPI document: the handler reads the body as a stream (multipart form or raw file),
/// so the framework cannot see its fields. Each field is also accepted as a query parameter beside a raw body.
/// </summary>
internal static class UploadOpenApi
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "file", "country", "kind" },
            Properties = new Dictionary<string, IOpenApiSchema>(Fields()) { ["file"] = File() },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A multipart form (the fields, then the file, is fastest: a file sent before its fields waits on disk), " +
                          "or the file itself as the body with the fields as query parameters.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = form,
                    Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = "application/octet-stream" } },
                },
                ["application/octet-stream"] = new() { Schema = File() },
            },
        };

        operation.Parameters ??= [];
        foreach (var (name, schema) in Fields().Append(new("fileName", Text("The file's name, for a raw body sent without Content-Disposition."))))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = $"With a raw body only (a multipart form carries it as a field): {schema.Description}",
                Schema = schema,
            });
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<KeyValuePair<string, IOpenApiSchema>> Fields()
    {
        yield return new("country", new OpenApiSchema
        {
            Type = JsonSchemaType.String, Pattern = "^[A-Za-z]{3}$",
            Description = "The ISO 3166 alpha-3 code of the country the features lie in (e.g. KHM).",
        });
        yield return new("kind", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. Enum.GetValues<UploadKind>().Select(k => (System.Text.Json.Nodes.JsonNode)UploadParameters.KindName(k))],
            Description = "What the file's features are.",
        });
        yield return new("organisation", new OpenApiSchema
        {
            Type = JsonSchemaType.String, MaxLength = 20,
            Description = "The code of the organisation that recorded the features; by default the one your account acts for.",
        });
        yield return new("crs", new OpenApiSchema
        {
            Type = JsonSchemaType.String, MaxLength = 4000,
            Description = "The file's coordinate reference system when it does not say (CSV, a Shapefile without .prj): an EPSG code " +
                          "(EPSG:32648) or a WKT definition.",
        });
        yield return new("atomic", new OpenApiSchema
        {
            Type = JsonSchemaType.Boolean, Default = false,
            Description = "true: all features or none (one refused feature refuses the file); false: each feature on its own.",
        });
        yield return new("layer", Text("The layer to read from a file of several layers (GeoPackage, KML); required when there are several."));
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema File() => new()
    {
        Type = JsonSchemaType.String, Format = "binary",
        Description = "GeoJSON, a zipped Shapefile, GeoPackage, KML or KMZ, or CSV (the format is read from the content).",
    };
}
