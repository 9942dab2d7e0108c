namespace LandRelease.Intake.Csv;

/// <summary>
/// Stops a text upload with a line longer than the limit: the CSV reader holds a whole row in memory, so one line
/// of a gigabyte would be held whole. A quoted newline counts as a line end here; that only makes the check looser.
/// </summary>
internal sealed class LineLimitStream(Stream inner, int maxLineBytes) : WatchedStream(inner)
{
    private long _line = 1;
    private long _sinceNewline;

    protected override void Inspect(ReadOnlySpan<byte> read)
    {
        var rest = read;
        int newline;
        while ((newline = rest.IndexOf((byte)'\n')) >= 0)
        {
            if (_sinceNewline + newline > maxLineBytes)
            {
                throw TooLong();
            }

            _line++;
            _sinceNewline = 0;
            rest = rest[(newline + 1)..];
        }

        _sinceNewline += rest.Length;
        if (_sinceNewline > maxLineBytes)
        {
            throw TooLong();
        }
    }

    private UploadFormatException TooLong() =>
        new(UploadFormatErrors.LineTooLong,
            $"Line {_line} of the CSV is longer than {Common.Text.Size(maxLineBytes)}; no row of areas needs so much. "
            + "Check the separator and the quotes.");
}
