using System.Buffers.Binary;

namespace LandRelease.Intake.GeoPackages;

/// <summary>
/// How deep a GeoPackage geometry's collections nest, found by walking its WKB without recursion. NetTopologySuite's
/// reader recurses once per level: a blob of nested collections (nine bytes a level) would overflow the stack and
/// take the process down. Damaged WKB is left for that reader to report.
/// </summary>
internal static class WkbNesting
{
    /// <summary>Deepest nesting read; a multipolygon is two, a collection of them three.</summary>
    public const int MaxDepth = 16;

    private static readonly int[] EnvelopeBytes = [0, 32, 48, 48, 64, 0, 0, 0];

    public static bool TooDeep(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            return false;
        }

        var wkb = blob[Math.Min(blob.Length, 8 + EnvelopeBytes[(blob[3] >> 1) & 0x07])..];
        var remaining = new Stack<long>([1]);
        long position = 0;
        while (remaining.TryPop(out var left))
        {
            if (left == 0)
            {
                continue;
            }

            remaining.Push(left - 1);
            if (position + 5 > wkb.Length)
            {
                return false;
            }

            bool little = wkb[(int)position] == 1;
            uint type = UInt32(wkb, position + 1, little);
            position += (type & 0x20000000) != 0 ? 9 : 5;
            long dimensions = 2 + ((type & 0x80000000) != 0 ? 1 : 0) + ((type & 0x40000000) != 0 ? 1 : 0);
            uint shape = type & 0x0FFFFFFF;
            dimensions += (shape / 1000) switch { 1 or 2 => 1, 3 => 2, _ => 0 };
            switch (shape % 1000)
            {
                case 1:
                    position += dimensions * 8;
                    break;
                case 2:
                    position = Points(wkb, position, dimensions, little);
                    break;
                case 3:
                    long rings = Count(wkb, position, little);
                    position += 4;
                    for (long ring = 0; ring < rings && position < wkb.Length; ring++)
                    {
                        position = Points(wkb, position, dimensions, little);
                    }

                    break;
                case 4 or 5 or 6 or 7:
                    if (remaining.Count >= MaxDepth)
                    {
                        return true;
                    }

                    remaining.Push(Count(wkb, position, little));
                    position += 4;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static long Points(ReadOnlySpan<byte> wkb, long position, long dimensions, bool little) =>
        position + 4 + (Count(wkb, position, little) * dimensions * 8);

    // A count past the end reads as what is left: the walk then stops at the end, as the real reader would fail there.
    private static long Count(ReadOnlySpan<byte> wkb, long position, bool little) =>
        position + 4 > wkb.Length ? long.MaxValue / 64 : UInt32(wkb, position, little);

    private static uint UInt32(ReadOnlySpan<byte> wkb, long position, bool little)
    {
        var bytes = wkb.Slice((int)position, 4);
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }
}
