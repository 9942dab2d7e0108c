using System.Text.Json;

namespace LandRelease.Intake.GeoJson;

internal enum ScanEvent
{
    NeedMore,
    FeaturesStarted,
    Feature,
    NotAnObject,
    End,
}

/// <summary>
/// Walks a GeoJSON document's top level token by token and hands over each member of "features" as one complete
/// slice of bytes. Everything else at the top level ("type", "crs", "bbox"...) is read or skipped on the way.
/// A bare Feature (no collection) is accepted too: its members are kept and handed over as one feature.
/// </summary>
internal sealed partial class GeoJsonScanner(Stream stream, int maxFeatureBytes)
{
    private enum Where
    {
        BeforeRoot,
        Root,
        Features,
        AfterRoot,
    }

    private readonly JsonWindow _window = new(stream, maxFeatureBytes);
    private readonly Dictionary<string, byte[]> _bareMembers = [];
    private Where _where = Where.BeforeRoot;

    public string? Type { get; private set; }

    public string? Crs { get; private set; }

    public bool SawFeatures { get; private set; }

    /// <summary>Features handed over so far; the index of the next one.</summary>
    public int FeatureCount { get; private set; }

    /// <summary>The feature's JSON for <see cref="ScanEvent.Feature"/>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>For <see cref="ScanEvent.NotAnObject"/>: what stood in the features array instead of an object.</summary>
    public string? NotAnObjectKind { get; private set; }

    public async ValueTask<ScanEvent> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            var result = Step();
            if (result != ScanEvent.NeedMore)
            {
                if (result is ScanEvent.Feature or ScanEvent.NotAnObject)
                {
                    FeatureCount++;
                }

                return result;
            }

            await _window.FillAsync(FeatureCount, ct);
        }
    }

    private ScanEvent Step()
    {
        var reader = new Utf8JsonReader(_window.Unread, _window.IsFinal, _window.State);
        try
        {
            return StepWith(ref reader);
        }
        catch (JsonException e)
        {
            throw Invalid(e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader checks structure as it reads but the UTF-8 inside strings only when they are decoded.
            throw new UploadFormatException(UploadFormatErrors.InvalidJson, $"The JSON holds text that is not valid UTF-8 near byte {_window.Position}: {e.Message}", e);
        }
    }

    private ScanEvent StepWith(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return AtEndOfData();
        }

        switch (_where)
        {
            case Where.BeforeRoot:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw NotACollection(reader.TokenType == JsonTokenType.StartArray
                        ? "Its top level is an array; a FeatureCollection is an object {\"type\": \"FeatureCollection\", \"features\": [...]}."
                        : $"Its top level is a {reader.TokenType}, not an object.");
                }

                _where = Where.Root;
                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                return Step();
            case Where.Root when reader.TokenType == JsonTokenType.EndObject:
                _where = Where.AfterRoot;
                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                return AtEndOfRoot();
            case Where.Root:
                // Null: the member was read and committed; a fresh reader picks up after it.
                return RootMember(ref reader) ?? Step();
            case Where.Features:
                return FeatureMember(ref reader);
            default:
                // Utf8JsonReader itself rejects anything but white space after the root value.
                return ScanEvent.NeedMore;
        }
    }

    private ScanEvent FeatureMember(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.EndArray:
                _where = Where.Root;
                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                return Step();
            case JsonTokenType.StartObject:
                int start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return ScanEvent.NeedMore;
                }

                int length = (int)reader.BytesConsumed - start;
                var slice = _window.Slice(start, length);
                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                Current = slice;
                return ScanEvent.Feature;
            default:
                NotAnObjectKind = reader.TokenType == JsonTokenType.StartArray ? "an array" : reader.TokenType.ToString().ToLowerInvariant();
                if (reader.TokenType == JsonTokenType.StartArray && !reader.TrySkip())
                {
                    return ScanEvent.NeedMore;
                }

                _window.Commit(reader.BytesConsumed, reader.CurrentState);
                return ScanEvent.NotAnObject;
        }
    }

    private ScanEvent AtEndOfData()
    {
        if (!_window.IsFinal)
        {
            return ScanEvent.NeedMore;
        }

        if (_where != Where.AfterRoot)
        {
            // Utf8JsonReader reports a cut-off document itself; this covers an empty or blank one.
            throw new UploadFormatException(UploadFormatErrors.InvalidJson, $"The JSON ends early, at byte {_window.Position}.");
        }

        return ScanEvent.End;
    }

    private UploadFormatException Invalid(JsonException e) =>
        new(
            UploadFormatErrors.InvalidJson,
            $"The file is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of that line"
            + (SawFeatures ? $", in or after feature {FeatureCount}" : "") + $": {FirstSentence(e.Message)}",
            e);

    internal static UploadFormatException NotACollection(string why) =>
        new(UploadFormatErrors.NotAFeatureCollection, $"The GeoJSON is not a FeatureCollection. {why}");

    private static string Quote(string? value) => value is null ? "missing" : $"\"{value}\"";

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
