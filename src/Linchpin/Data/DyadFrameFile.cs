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
    /// or JSON file (see <see cref="Provenance.RecordFor"/>).
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
        AtomicFile.Write(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            write(frame, stream);
        });
        provenance?.RecordFor(path);
        return frame.RowCount;
    }

    /// <summary>Writes the frame as CSV: a header line, then one line per row, <c>\n</c> line ends.</summary>
    public static void WriteCsv(DyadFrame frame, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(stream);
        var cells = CellText.For(frame, json: false);
        var buffer = new byte[BufferSize];
        var at = Encoding.UTF8.GetBytes(string.Join(",", frame.Columns.Select(c => c.Name)) + "\n", buffer);
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

    /// <summary>How one column's values become text: keys formatted per row, ATOP and state-year values from text made once per source value.</summary>
    private sealed class CellText
    {
        private readonly int _column;
        private readonly DyadFrame.Source _source;
        private readonly byte[] _missing;
        private readonly byte[][]? _atop;
        private readonly byte[][]? _stateYear;

        private CellText(int column, DyadFrame.Source source, byte[] missing, byte[][]? atop, byte[][]? stateYear)
        {
            _column = column;
            _source = source;
            _missing = missing;
            _atop = atop;
            _stateYear = stateYear;
        }

        public static CellText[] For(DyadFrame frame, bool json)
        {
            var missing = json ? "null"u8.ToArray() : [];
            var atop = new[] { "0"u8.ToArray(), "1"u8.ToArray() };
            var made = new Dictionary<ValueColumn, byte[][]>();
            var cells = new CellText[frame.Columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                var source = frame.SourceOf(c);
                byte[][]? stateYear = null;
                if (source.Values is { } values && !made.TryGetValue(values, out stateYear))
                {
                    stateYear = new byte[values.Count][];
                    for (var i = 0; i < stateYear.Length; i++)
                    {
                        stateYear[i] = Encoding.UTF8.GetBytes(!values.Present[i] ? (json ? "null" : "")
                            : values.Integers is { } integers ? integers[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                            : json ? NumberText.Json(values.Doubles![i]) : NumberText.Csv(values.Doubles![i]));
                    }

                    made[values] = stateYear;
                }

                cells[c] = new CellText(c, source, missing, source.Kind is DyadFrame.Kind.AtopAlliance or DyadFrame.Kind.AtopProvision ? atop : null, stateYear);
            }

            return cells;
        }

        public int Write(DyadFrame frame, int row, Span<byte> target)
        {
            ReadOnlySpan<byte> text;
            if (_stateYear is not null)
            {
                var at = frame.StateYearRow(_source, row);
                text = at >= 0 ? _stateYear[at] : _missing;
            }
            else if (_atop is not null)
            {
                var value = frame.AtopValue(_source, row);
                text = value >= 0 ? _atop[value] : _missing;
            }
            else
            {
                frame.TryInteger(_column, row, out var key);
                key.TryFormat(target, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                return written;
            }

            text.CopyTo(target);
            return text.Length;
        }
    }
}
