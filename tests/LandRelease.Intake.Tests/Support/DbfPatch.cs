using System.Buffers.Binary;
using System.Text;

namespace LandRelease.Intake.Tests.Support;

/// <summary>Overwrites one cell of a .dbf, as a careless editor or a broken export would.</summary>
internal static class DbfPatch
{
    public static byte[] SetCell(byte[] dbf, int record, string field, string text)
    {
        var copy = (byte[])dbf.Clone();
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(8));
        int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(10));
        int offset = 1;
        for (int at = 32; copy[at] != 0x0D; at += 32)
        {
            string name = Encoding.ASCII.GetString(copy, at, 11).TrimEnd('\0');
            int length = copy[at + 16];
            if (name == field)
            {
                var cell = Encoding.ASCII.GetBytes(text.PadLeft(length));
                cell.CopyTo(copy, headerLength + (record * recordLength) + offset);
                return copy;
            }

            offset += length;
        }

        throw new ArgumentException($"No field {field}", nameof(field));
    }
}
