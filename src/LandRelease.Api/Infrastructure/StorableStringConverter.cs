using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Domain.Common;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Every string of every JSON body is read through this: text PostgreSQL cannot store (a NUL character) is a
/// 400 naming the field (the exception handler turns the path into the field), never a database error.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    /// <summary>The web defaults with this converter, for JSON read outside the request pipeline (attributes of uploaded files).</summary>
    public static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web) { Converters = { new StorableStringConverter() } };

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, not {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return StorableText.Problem(text) is { } problem ? throw new JsonException(problem) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
