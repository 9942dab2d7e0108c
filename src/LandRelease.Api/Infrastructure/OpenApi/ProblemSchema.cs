using Microsoft.OpenApi;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The ProblemDetails (RFC 9457) every error response carries, with the extensions the API writes: <c>errors</c>
/// (400, per field), <c>violations</c> (422, each broken rule with its <c>rule</c> name), <c>code</c> and
/// <c>uploadId</c> (an upload refused whole), <c>state</c> and <c>allowedMoves</c> (409, an illegal workflow move).
/// </summary>
internal static class ProblemSchema
{
    public const string Name = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    public static string Describe(int status) => status switch
    {
        400 => "The request is malformed: an unknown query parameter, a missing or invalid field or value; `errors` names each field.",
        401 => "No valid bearer token (or signed-in session) was sent.",
        403 => "Your role, countries or organisation do not allow this.",
        404 => "No such record, or one you may not read (the two are not told apart).",
        406 => "The format asked for (Accept or format) is not one this route writes.",
        408 => "The upload took longer than its deadline; nothing of it was stored.",
        409 => "The request conflicts with the register's state: a duplicate, an illegal workflow move (`state`, `allowedMoves`), or a busy Idempotency-Key.",
        412 => "If-Match does not name the current version: the record changed since you read it.",
        413 => "The request body is larger than this route accepts.",
        415 => "The request body's Content-Type is not one this route reads.",
        422 => "The request is well formed but breaks a rule of the register; `violations` lists each rule (or `code` names why an upload was refused).",
        428 => "If-Match is required (and may not be *): send the ETag of the version you edited.",
        429 => "Too many requests; retry later.",
        _ => "A problem.",
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem (RFC 9457): what went wrong, in words a person can act on.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request."),
            ["instance"] = Text("The request the problem occurred in."),
            ["traceId"] = Text("The request's trace id, for the server's logs."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "400: the message(s) for each field or parameter that is wrong, by its name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["violations"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "422: each rule of the register the request breaks.",
                Items = Violation(),
            },
            ["code"] = Text("An upload refused whole: why, as a stable word (file-too-large, country-unknown, idempotency-key-reused ...)."),
            ["uploadId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uuid", Description = "The refused upload, when one was recorded." },
            ["state"] = Text("409 on a workflow move: the release decision's current state."),
            ["allowedMoves"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "409 on a workflow move: the moves the current state allows.",
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
    };

    private static OpenApiSchema Violation() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "rule", "field", "message" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["rule"] = Text("The rule's stable name (e.g. cha-needs-direct-evidence)."),
            ["field"] = Text("The field that breaks it (geometry, properties.status ...)."),
            ["message"] = Text("The rule in words, for the person who sent the request."),
            ["location"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "For a geometry problem: where, as longitude and latitude.",
                Items = new OpenApiSchema { Type = JsonSchemaType.Number },
                MinItems = 2,
                MaxItems = 2,
            },
            ["releaseDecisionIds"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "For an approval that would credit nothing: the decisions that released the land first.",
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            },
        },
    };
}
