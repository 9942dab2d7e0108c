using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.OpenApi;

/// <summary>
/// The served OpenAPI documents pass Redocly's recommended rules with no error, and say what a generated client needs:
/// the upload's form fields, each operation's summary and its problems as application/problem+json.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await _client.GetAsync("/openapi/v1.json", Ct);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/ogc/api")]
    public async Task DocumentPassesRedoclyRecommendedRulesWithoutErrors(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var problems = await Redocly.LintAsync(await response.Content.ReadAsStringAsync(Ct), Ct);

        var errors = problems.Where(p => p.Severity == "error").ToList();
        var warnings = problems.Where(p => p.Severity == "warn").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{path}: {errors.Count} errors, {warnings.Count} warnings");
        foreach (var problem in problems)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(problem.ToString());
        }

        Assert.True(errors.Count == 0, $"{path}: {errors.Count} errors, {warnings.Count} warnings\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task UploadOperationDescribesItsMultipartFormForAGeneratedClient()
    {
        var upload = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/uploads").GetProperty("post");

        var form = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var fields = form.GetProperty("properties");
        Assert.Equal("binary", fields.GetProperty("file").GetProperty("format").GetString());
        Assert.Equal(["country", "file", "kind"], form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        var kinds = fields.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Contains("hazard-areas", kinds);
        Assert.Contains("activities", kinds);
        Assert.Equal("boolean", fields.GetProperty("atomic").GetProperty("type").GetString());
        Assert.True(fields.TryGetProperty("organisation", out _) && fields.TryGetProperty("crs", out _));
        var parameters = upload.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Idempotency-Key", parameters);
        Assert.Equal("uploadAFileOfFeatures", upload.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task EveryOperationHasASummaryAnOperationIdAndItsProblemsAsProblemJson()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                if (!operation.Value.TryGetProperty("summary", out _) || !operation.Value.TryGetProperty("operationId", out _))
                {
                    missing.Add($"{name}: no summary or operationId");
                }

                missing.AddRange(responses.Where(r => r.Name.StartsWith('4'))
                    .Where(r => !r.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    .Select(r => $"{name}: {r.Name} is not application/problem+json"));
                if (!responses.Any(r => r.Name == "400"))
                {
                    missing.Add($"{name}: no 400");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task RevisingAnAreaDocumentsItsPreconditionAndRuleProblems()
    {
        var document = await DocumentAsync();
        var revise = document.GetProperty("paths").GetProperty("/api/hazard-areas/{id}").GetProperty("put");
        var statuses = revise.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Equal(["200", "400", "401", "403", "404", "412", "413", "415", "422", "428"], statuses.Order(StringComparer.Ordinal));
        var ifMatch = revise.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "If-Match");
        Assert.True(ifMatch.GetProperty("required").GetBoolean());
        Assert.Equal("string", ifMatch.GetProperty("schema").GetProperty("type").GetString());

        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal("object", problem.GetProperty("errors").GetProperty("type").GetString());
        Assert.True(problem.GetProperty("violations").GetProperty("items").GetProperty("properties").TryGetProperty("rule", out _));
    }

    [Fact]
    public async Task ListParametersStateTheValuesAndLimitsTheHandlerChecks()
    {
        var list = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/hazard-areas").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

        Assert.Equal(1000, list["limit"].GetProperty("maximum").GetInt32());
        Assert.Equal(1, list["limit"].GetProperty("minimum").GetInt32());
        Assert.Contains("WORKED_ON", list["status"].GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["CHA", "SHA"], list["classification"].GetProperty("enum").EnumerateArray().Select(v => v.GetString()).Order());
        Assert.All(list.Values, schema => Assert.True(schema.TryGetProperty("type", out _)));
    }

    [Fact]
    public async Task OgcItemsListTheirParametersAsTheOgcDefinitionDoes()
    {
        var items = (await DocumentAsync()).GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Superset(new HashSet<string?> { "collectionId", "limit", "bbox", "bbox-crs", "crs", "datetime", "cursor", "f", "country", "status" },
            items.ToHashSet());
    }

    [Theory]
    [InlineData("/api/exports/hazard-areas")]
    [InlineData("/api/exports/released-land")]
    [InlineData("/api/exports/activities")]
    public async Task ExportsDocumentTheOgcItemsPlaceAndTimeFilters(string path)
    {
        var parameters = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get")
            .GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));

        Assert.Superset(new HashSet<string> { "format", "country", "bbox", "bbox-crs", "datetime" }, parameters.Keys.ToHashSet());
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/32648", parameters["bbox-crs"].GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task CreatingAnAreaAnswers201AndReadingOneMayAnswer304()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var create = paths.GetProperty("/api/hazard-areas").GetProperty("post").GetProperty("responses");
        Assert.True(create.TryGetProperty("201", out _));
        Assert.False(create.TryGetProperty("200", out _));
        Assert.True(paths.GetProperty("/api/hazard-areas/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("304", out _));
    }
}
