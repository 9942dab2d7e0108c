using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Ogc;
using LandRelease.Data.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Exports;

/// <summary>
/// Whole collections as files for GIS officers and spreadsheets: GeoPackage, zipped Shapefile, CSV and XLSX, of exactly
/// what the OGC items would page through for the caller (same scope, same filters); and the country progress report's
/// figures as CSV and XLSX. A hazardous-area export is what the upload reads back unchanged.
/// </summary>
internal static class ExportEndpoints
{
    private static readonly string[] FileTypes = [.. ExportFormat.Features.Select(f => f.MediaType)];

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/exports").WithTags("Exports");
        foreach (var collection in OgcCollection.All.Where(c => ExportLayouts.Find(c.Id) is not null))
        {
            group.MapGet($"/{collection.Id}", (HttpContext http, ExportRows rows, ILogger<ExportFile> log, CancellationToken ct) =>
                    Collection(collection.Id, http, rows, log, ct))
                .WithName($"Export-{collection.Id}")
                .Documented($"Export {collection.Title.ToLowerInvariant()}", StatusCodes.Status403Forbidden)
                .WithDescription($"{collection.Description} Parameters: format (gpkg, shp, csv, xlsx), the filters " +
                                 $"{string.Join(", ", collection.Filters.Keys)}, bbox (with bbox-crs) and datetime as the OGC items read them; the caller's countries only.")
                .RequireAuthorization(Policies.RegisterReader).ChecksOwnQuery()
                .Produces(StatusCodes.Status200OK, contentType: FileTypes[0], additionalContentTypes: FileTypes[1..])
                .DocumentsQuery([QueryParameter.OneOf("format", "The file's format.", ["gpkg", "shp", "csv", "xlsx"]),
                    .. collection.Filters.Select(f => new QueryParameter(f.Key, $"Only the features whose {f.Key} is this.") { Values = f.Value }),
                    new("bbox", "Only the features meeting minx,miny,maxx,maxy in bbox-crs (default CRS84: longitude, latitude), as the OGC items."),
                    QueryParameter.OneOf("bbox-crs", "The CRS of bbox.", [.. OgcCrsList.Uris]),
                    new("datetime", "A date, date-time or interval (start/end, '..' open) of the date of information (activities: start to end), as the OGC items.")]);
        }

        group.MapGet("/reports/countries/{code}", ReportExports.Country).RequireAuthorization(Policies.ReportReader)
            .Documented("Export a country progress report", StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status200OK, contentType: ExportFormat.Csv.MediaType, additionalContentTypes: ExportFormat.Xlsx.MediaType);
        return routes;
    }

    public static Results<ExportFile, ValidationProblem, ProblemHttpResult> Collection(string collectionId, HttpContext http,
        ExportRows rows, ILogger<ExportFile> log, CancellationToken ct)
    {
        var collection = OgcCollection.Find(collectionId)!;
        var layout = ExportLayouts.Find(collectionId)!;
        var errors = new Dictionary<string, string[]>();
        var visible = UserScope.From(http.User).ReadableCountries;
        var (query, format) = ExportRequest.Read(http.Request.Query, collection, visible, errors);
        if (query is null || format is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (query.Filters.TryGetValue("country", out var country) && !visible.Contains(country))
        {
            return Problems.OutOfReach(country);
        }

        var name = $"landrelease-{collection.Id}-{(country ?? string.Join("-", visible))}-{DateTime.UtcNow:yyyyMMdd}.{format.Extension}";
        return new ExportFile(format, name, log, (output, path, token) => rows.ReadAsync(layout, query, token) is var stream
            ? format.Name switch
            {
                "csv" => CsvWriter.WriteAsync(output!, layout, stream, token),
                "gpkg" => GeoPackageWriter.WriteAsync(path!, layout, stream, token),
                "shp" => ShapefileWriter.WriteZipAsync(path!, layout, stream, token),
                _ => XlsxWriter.WriteAsync(path!, layout, stream, token),
            }
            : throw new InvalidOperationException());
    }
}
