using System.Buffers;
using Npgsql;

namespace LandRelease.Data.Ogc;

/// <summary>
/// Features as PostgreSQL wrote them, kept as UTF-8 bytes joined by commas in pooled arrays until the response is
/// written. A page of 1,000 is over a megabyte: as .NET strings it was decoded, copied into a builder, copied out and
/// encoded again, each copy on the large-object heap, and the collections that followed cost more than the copies.
/// </summary>
public sealed class Utf8Features : IDisposable
{
    // Under the large-object threshold (85,000 bytes), so a segment the pool drops is an ordinary collection.
    private const int SegmentSize = 64 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _usedInLast = SegmentSize;

    public int Count { get; private set; }

    public long Length => _segments.Count == 0 ? 0 : (long)(_segments.Count - 1) * SegmentSize + _usedInLast;

    /// <summary>Appends column <paramref name="ordinal"/> of the current row, a text column, as its raw bytes.</summary>
    internal void Add(NpgsqlDataReader reader, int ordinal)
    {
        if (Count > 0)
        {
            Space()[0] = (byte)',';
            _usedInLast++;
        }

        using var stream = reader.GetStream(ordinal);
        int read;
        while ((read = stream.Read(Space())) > 0)
        {
            _usedInLast += read;
        }

        Count++;
    }

    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _segments.Count; i++)
        {
            await destination.WriteAsync(_segments[i].AsMemory(0, i == _segments.Count - 1 ? _usedInLast : SegmentSize), cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
    }

    /// <summary>The free part of the last segment, a new one when it is full.</summary>
    private Span<byte> Space()
    {
        if (_usedInLast == SegmentSize)
        {
            _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
            _usedInLast = 0;
        }

        return _segments[^1].AsSpan(_usedInLast, SegmentSize - _usedInLast);
    }
}

/// <summary>A page of features as UTF-8 bytes, with the id to continue after and, when counted, every match.</summary>
public sealed record Utf8FeaturePage(Utf8Features Features, Guid? NextAfter, long? NumberMatched) : IDisposable
{
    public void Dispose() => Features.Dispose();
}
