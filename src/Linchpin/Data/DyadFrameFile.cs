using System.Text;

namespace Linchpin.Data;

/// <summary>
/// Writes a <see cref="DyadFrame"/> to a file as CSV, JSON or Parquet. CSV: a header, missing
/// values as empty fields, doubles in shortest round-trip form. JSON: an array of objects, one
/// per line, missing values as <c>null</c>. Parquet: typed optional columns, missing values as nulls.
/// </summary>
public static class DyadFrameFile
{
    private const int BufferSize = 1 << 20;
    private const int RowRoom = 4096;

    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="path"/> atomically, in the format its extension
    /// names, and records <paramref name="provenance"/> (if given): inside a Parquet file, beside a CSV
    /// or JSON file (see <see cref="Provenance.WriteWith"/>).
    /// </summary>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="LinchpinException">The extension is not <c>.csv</c>, <c>.json</c> or <c>.parquet</c>, or the file cannot be written.</exception>
    public static long Write(DyadFrame frame, string path, Provenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(path);
        Action<DyadFrame, Stream> write = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => WriteCsv,
            ".json" => WriteJson,
            ".parquet" => (f, s) => DyadParquet.Write(f, s, provenance),
            var other => throw new LinchpinException($"{path}: unknown output format '{other}' (use .csv, .parquet or .json)"),
        };
        void Write(string temp)
        {
            using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            write(frame, stream);
        }

        if (provenance is null)
        {
            AtomicFile.Write(path, Write);
        }
        else
        {
            provenance.WriteWith(path, Write);
        }

        return frame.RowCount;
    }

    /// <summary>Writes the frame as CSV: a header line, then one line per row, <c>\n</c> line ends.</summary>
    public static void WriteCsv(DyadFrame frame, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(stream);
        var cells = CellText.For(frame, json: false);
        var buffer = new byte[BufferSize];
        var at = Encoding.UTF8.GetBytes(CsvOutput.Line(frame.Columns.Select(c => c.Name)), buffer);
        for (var row = 0; row < frame.RowCount; row++)
        {
            if (at > BufferSize - RowRoom)
            {
                stream.Write(buffer, 0, at);
                at = 0;
            }

            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    buffer[at++] = (byte)',';
                }

                at += cells[c].Write(frame, row, buffer.AsSpan(at));
            }

            buffer[at++] = (byte)'\n';
        }

        stream.Write(buffer, 0, at);
    }

    /// <summary>Writes the frame as a JSON array of objects, one per line.</summary>
    public static void WriteJson(DyadFrame frame, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(stream);
        var cells = CellText.For(frame, json: true);
        var names = frame.Columns.Select((c, i) => Encoding.UTF8.GetBytes((i == 0 ? "{\"" : ",\"") + c.Name + "\":")).ToArray();
        var buffer = new byte[BufferSize];
        var at = 0;
        buffer[at++] = (byte)'[';
        buffer[at++] = (byte)'\n';
        for (var row = 0; row < frame.RowCount; row++)
        {
            if (at > BufferSize - RowRoom)
            {
                stream.Write(buffer, 0, at);
                at = 0;
            }

            buffer[at++] = (byte)'\t';
            for (var c = 0; c < cells.Length; c++)
            {
                names[c].CopyTo(buffer.AsSpan(at));
                at += names[c].Length;
                at += cells[c].Write(frame, row, buffer.AsSpan(at));
            }

            buffer[at++] = (byte)'}';
            if (row < frame.RowCount - 1)
            {
                buffer[at++] = (byte)',';
            }

            buffer[at++] = (byte)'\n';
        }

        buffer[at++] = (byte)']';
        buffer[at++] = (byte)'\n';
        stream.Write(buffer, 0, at);
    }

    /// <summary>
    /// How one column's values become text: every distinct value (a key, an ATOP value, a row of a
    /// state-year table) is formatted once, by <see cref="CsvOutput.Format"/> for CSV and with
    /// <see cref="NumberText.Json"/> for JSON doubles, and its bytes are reused for every row.
    /// </summary>
    private sealed class CellText
    {
        private readonly DyadFrame.Source _source;
        private readonly byte[] _missing;
        private readonly byte[][] _text;

        private CellText(DyadFrame.Source source, byte[] missing, byte[][] text)
        {
            _source = source;
            _missing = missing;
            _text = text;
        }

        public static CellText[] For(DyadFrame frame, bool json)
        {
            byte[] Text(object? value) => Encoding.UTF8.GetBytes(
                value is null ? (json ? "null" : "") : json && value is double d ? NumberText.Json(d) : CsvOutput.Format(value));

            // Keys are whole numbers no larger than the largest code or year, so their text is kept by value.
            var largest = Math.Max(Math.Max(Max(frame.Ccode1), Max(frame.Ccode2)), Max(frame.Year));
            var keys = new byte[largest + 1][];
            var atop = new[] { Text(0), Text(1) };
            var made = new Dictionary<ValueColumn, byte[][]>();
            var cells = new CellText[frame.Columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                var source = frame.SourceOf(c);
                var text = keys;
                if (source.Kind is DyadFrame.Kind.AtopAlliance or DyadFrame.Kind.AtopProvision)
                {
                    text = atop;
                }
                else if (source.Values is { } values && !made.TryGetValue(values, out text))
                {
                    text = new byte[values.Count][];
                    for (var i = 0; i < text.Length; i++)
                    {
                        text[i] = Text(!values.Present[i] ? null : values.Integers is { } integers ? (object)integers[i] : values.Doubles![i]);
                    }

                    made[values] = text;
                }

                cells[c] = new CellText(source, Text(null), text!);
            }

            for (var row = 0; row < frame.RowCount; row++)
            {
                keys[frame.Ccode1[row]] ??= Text(frame.Ccode1[row]);
                keys[frame.Ccode2[row]] ??= Text(frame.Ccode2[row]);
                keys[frame.Year[row]] ??= Text(frame.Year[row]);
            }

            return cells;
        }

        public int Write(DyadFrame frame, int row, Span<byte> target)
        {
            var at = _source.Kind switch
            {
                DyadFrame.Kind.Ccode1 => frame.Ccode1[row],
                DyadFrame.Kind.Ccode2 => frame.Ccode2[row],
                DyadFrame.Kind.Year => frame.Year[row],
                DyadFrame.Kind.AtopAlliance or DyadFrame.Kind.AtopProvision => frame.AtopValue(_source, row),
                _ => frame.StateYearRow(_source, row),
            };
            var text = at >= 0 ? _text[at] : _missing;
            text.CopyTo(target);
            return text.Length;
        }

        private static int Max(ReadOnlySpan<int> values)
        {
            var max = 0;
            foreach (var value in values)
            {
                max = Math.Max(max, value);
            }

            return max;
        }
    }
}
