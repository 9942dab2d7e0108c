using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using LandRelease.Intake.Common;

namespace LandRelease.Intake.Shapefiles;

internal sealed record DbfField(string Name, char Type, int Offset, int Length);

/// <summary>
/// A forward-only dBASE III reader giving every value as text. Written here rather than taken from the shapefile
/// library because that one parses numbers as it reads and throws mid-file on one bad cell, losing its place;
/// here a bad cell is that feature's problem and the next record reads normally.
/// </summary>
internal sealed class DbfTable : IDisposable
{
    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private readonly byte[] _record;

    private DbfTable(Stream stream, Encoding encoding, int recordCount, int recordLength, List<DbfField> fields)
    {
        _stream = stream;
        _encoding = encoding;
        RecordCount = recordCount;
        Fields = fields;
        _record = new byte[recordLength];
    }

    public int RecordCount { get; }

    public IReadOnlyList<DbfField> Fields { get; }

    public static DbfTable Open(string path, Encoding? declared)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        try
        {
            Span<byte> header = stackalloc byte[32];
            if (stream.ReadAtLeast(header, 32, throwOnEndOfStream: false) < 32)
            {
                throw Corrupt("its header is cut short");
            }

            int recordCount = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            int recordLength = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            var encoding = declared ?? DbfEncodings.ForLanguageDriver(header[29]);
            if (recordCount < 0 || headerLength < 33 || recordLength < 1)
            {
                throw Corrupt("its header is not a dBASE header");
            }

            var descriptors = new byte[headerLength - 32];
            if (stream.ReadAtLeast(descriptors, descriptors.Length, throwOnEndOfStream: false) < descriptors.Length)
            {
                throw Corrupt("its field list is cut short");
            }

            var fields = ReadFields(descriptors, encoding, recordLength);
            long expected = headerLength + ((long)recordCount * recordLength);
            if (stream.Length < expected)
            {
                throw Corrupt($"it declares {recordCount} records of {recordLength} bytes but is cut short at {stream.Length} bytes");
            }

            return new DbfTable(stream, encoding, recordCount, recordLength, fields);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next record; false at the end. A deleted record is still read so the shapes stay in step.</summary>
    public bool Read(Dictionary<string, string?> attributes, out bool deleted, out string? problem)
    {
        deleted = false;
        problem = null;
        if (_stream.ReadAtLeast(_record, _record.Length, throwOnEndOfStream: false) < _record.Length)
        {
            return false;
        }

        deleted = _record[0] == (byte)'*';
        foreach (var field in Fields)
        {
            var raw = _record.AsSpan(field.Offset, field.Length);
            attributes[field.Name] = Value(field, raw, ref problem);
        }

        return true;
    }

    private string? Value(DbfField field, ReadOnlySpan<byte> raw, ref string? problem)
    {
        switch (field.Type)
        {
            case 'N' or 'F':
                string number = Encoding.ASCII.GetString(raw).Trim().Trim('\0');
                if (number.Length == 0 || number.All(c => c == '*'))
                {
                    return null;
                }

                if (!Text.TryParseNumber(number, out _))
                {
                    problem ??= $"Field {field.Name} is numeric but holds {Text.Quote(number)}.";
                }

                return number;
            case 'D':
                string date = Encoding.ASCII.GetString(raw).Trim().Trim('\0');
                if (date.Length == 0 || date == "00000000")
                {
                    return null;
                }

                if (!DateTime.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    problem ??= $"Field {field.Name} is a date but holds {Text.Quote(date)}.";
                    return date;
                }

                return Text.Date(parsed);
            case 'L':
                return (char)raw[0] switch
                {
                    'T' or 't' or 'Y' or 'y' => "true",
                    'F' or 'f' or 'N' or 'n' => "false",
                    _ => null,
                };
            default:
                string text = _encoding.GetString(raw).TrimEnd(' ', '\0');
                return text.Length == 0 ? null : text;
        }
    }

    private static List<DbfField> ReadFields(byte[] descriptors, Encoding encoding, int recordLength)
    {
        var fields = new List<DbfField>();
        var offset = 1;
        for (var at = 0; at + 32 <= descriptors.Length && descriptors[at] != 0x0D; at += 32)
        {
            var descriptor = descriptors.AsSpan(at, 32);
            int nameLength = descriptor[..11].IndexOf((byte)0);
            string name = encoding.GetString(descriptor[..(nameLength < 0 ? 11 : nameLength)]).Trim();
            int length = descriptor[16];
            fields.Add(new DbfField(name, (char)descriptor[11], offset, length));
            offset += length;
        }

        if (offset > recordLength)
        {
            throw Corrupt($"its fields need {offset} bytes a record but its records have {recordLength}");
        }

        return fields;
    }

    private static UploadFormatException Corrupt(string why) =>
        new(UploadFormatErrors.CorruptShapefile, $"The shapefile's .dbf cannot be read: {why}.");

    public void Dispose() => _stream.Dispose();
}
