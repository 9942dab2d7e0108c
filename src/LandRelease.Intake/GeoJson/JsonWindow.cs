using System.Text.Json;

namespace LandRelease.Intake.GeoJson;

/// <summary>
/// A sliding window over the upload's bytes for <see cref="Utf8JsonReader"/>: unread bytes move to the front,
/// and the window grows only while one value (a feature) does not fit, up to a limit. So memory follows the
/// largest feature, never the file.
/// </summary>
internal sealed class JsonWindow(Stream stream, int maxValueBytes)
{
    private const int InitialBytes = 64 * 1024;

    private byte[] _buffer = new byte[InitialBytes];
    private int _start;
    private int _end;
    private bool _bomChecked;

    public bool IsFinal { get; private set; }

    public JsonReaderState State { get; private set; } = new(new JsonReaderOptions { MaxDepth = 256 });

    /// <summary>Absolute position in the file of <see cref="Unread"/>'s first byte.</summary>
    public long Position { get; private set; }

    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    public ReadOnlyMemory<byte> Slice(int offset, int length) => _buffer.AsMemory(_start + offset, length);

    public void Commit(long bytesConsumed, JsonReaderState state)
    {
        _start += (int)bytesConsumed;
        Position += bytesConsumed;
        State = state;
    }

    /// <summary>Reads more of the stream; a full window holding one unfinished value is doubled.</summary>
    public async ValueTask FillAsync(int featureIndex, CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxValueBytes)
            {
                throw new UploadFormatException(
                    UploadFormatErrors.FeatureTooLarge,
                    $"Feature {featureIndex} (from byte {Position}) is larger than {Common.Text.Size(maxValueBytes)}; "
                    + "split it or simplify its geometry.");
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxValueBytes));
        }

        // Fill the window whole: a value that still does not fit is then larger than the window, which doubles, so a
        // feature is rescanned a few times at most however thinly the body trickles in.
        int read;
        do
        {
            read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
            _end += read;
        }
        while (read > 0 && _end < _buffer.Length);

        IsFinal = read == 0;
        if (!_bomChecked)
        {
            await SkipByteOrderMarkAsync(ct);
        }
    }

    /// <summary>Utf8JsonReader does not skip a UTF-8 byte order mark, and Windows editors write one.</summary>
    private async ValueTask SkipByteOrderMarkAsync(CancellationToken ct)
    {
        int read = 1;
        while (_end < 3 && read > 0)
        {
            read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
            _end += read;
        }

        _bomChecked = true;
        if (Unread.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
            Position += 3;
        }
    }
}
