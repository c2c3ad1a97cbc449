using System.Buffers.Binary;
using System.Text;

namespace Linchpin.Data;

/// <summary>One column of a plain table for <see cref="DyadParquet.WriteTable"/>: exactly one of the arrays is set.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Integers">32-bit integer values, or <c>null</c>.</param>
/// <param name="Doubles">Double values, or <c>null</c>.</param>
/// <param name="Strings">UTF-8 string values, or <c>null</c>.</param>
public sealed record ParquetColumn(string Name, int[]? Integers = null, double[]? Doubles = null, string[]? Strings = null)
{
    internal int Length => Integers?.Length ?? Doubles?.Length ?? Strings?.Length ?? 0;
}

/// <summary>
/// Writes a plain table as Parquet a batch of rows at a time, in row groups of
/// <see cref="DyadParquet.RowGroupSize"/> rows, so a table of any length needs memory for one row
/// group only. The bytes depend only on the rows and metadata, not on how the rows were batched.
/// </summary>
public sealed class ParquetTableWriter
{
    private readonly Stream _stream;
    private readonly ParquetColumn[] _pending;
    private readonly List<(long Offset, long Size, int Rows)[]> _groups = [];
    private readonly DyadParquet.ByteBuffer _page = new();
    private readonly DyadParquet.ByteBuffer _output = new();
    private long _offset = 4;
    private int _buffered;
    private long _rows;
    private bool _finished;

    /// <summary>Starts a table on <paramref name="stream"/>; each column of <paramref name="schema"/> gives the name and kind (its arrays may be empty).</summary>
    /// <exception cref="ArgumentException">A column without a kind.</exception>
    public ParquetTableWriter(Stream stream, IReadOnlyList<ParquetColumn> schema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Any(c => c.Integers is null && c.Doubles is null && c.Strings is null))
        {
            throw new ArgumentException("every column needs a kind: integers, doubles or strings", nameof(schema));
        }

        _stream = stream;
        var size = DyadParquet.RowGroupSize;
        _pending = [.. schema.Select(c => new ParquetColumn(c.Name,
            c.Integers is null ? null : new int[size], c.Doubles is null ? null : new double[size], c.Strings is null ? null : new string[size]))];
        stream.Write("PAR1"u8);
    }

    /// <summary>Rows written so far.</summary>
    public long Rows => _rows;

    /// <summary>Appends rows: <paramref name="count"/> values from each column array of <paramref name="columns"/>, in the schema's order and kinds.</summary>
    /// <exception cref="ArgumentException">Columns that do not match the schema or are shorter than <paramref name="count"/>.</exception>
    public void Append(IReadOnlyList<ParquetColumn> columns, int count)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (columns.Count != _pending.Length || columns.Select((c, i) => (c, i)).Any(x => DyadParquet.PhysicalType(x.c) != DyadParquet.PhysicalType(_pending[x.i]) || x.c.Length < count))
        {
            throw new ArgumentException("columns must match the schema and hold the rows", nameof(columns));
        }

        for (var done = 0; done < count;)
        {
            var take = Math.Min(count - done, DyadParquet.RowGroupSize - _buffered);
            for (var c = 0; c < _pending.Length; c++)
            {
                var from = columns[c];
                var to = _pending[c];
                if (from.Integers is { } ints)
                {
                    Array.Copy(ints, done, to.Integers!, _buffered, take);
                }
                else if (from.Doubles is { } doubles)
                {
                    Array.Copy(doubles, done, to.Doubles!, _buffered, take);
                }
                else
                {
                    Array.Copy(from.Strings!, done, to.Strings!, _buffered, take);
                }
            }

            _buffered += take;
            done += take;
            if (_buffered == DyadParquet.RowGroupSize)
            {
                WriteGroup();
            }
        }
    }

    /// <summary>Writes the last row group and the footer with <paramref name="metadata"/> as key-value metadata.</summary>
    public void Finish(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_buffered > 0 || _groups.Count == 0)
        {
            WriteGroup();
        }

        _finished = true;
        var footer = DyadParquet.TableFooter(_pending, _rows, _groups, metadata);
        _stream.Write(footer);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        _stream.Write(tail);
    }

    private void WriteGroup()
    {
        var chunks = new (long Offset, long Size, int Rows)[_pending.Length];
        for (var c = 0; c < _pending.Length; c++)
        {
            _page.Clear();
            DyadParquet.PlainValues(_page, _pending[c], 0, _buffered);
            _output.Clear();
            DyadParquet.WritePageHeader(_output, pageType: 0, _page.Length, _buffered, encoding: 0);
            _output.Write(_page.Written);
            _stream.Write(_output.Written);
            chunks[c] = (_offset, _output.Length, _buffered);
            _offset += _output.Length;
        }

        _groups.Add(chunks);
        _rows += _buffered;
        _buffered = 0;
    }
}

public static partial class DyadParquet
{
    /// <summary>
    /// Writes a plain table (no missing values) as Parquet with the same encoder as dyad frames:
    /// required <c>INT32</c>, <c>DOUBLE</c> and UTF-8 <c>BYTE_ARRAY</c> columns, PLAIN-encoded,
    /// uncompressed, <see cref="RowGroupSize"/> rows per row group, and key-value metadata
    /// (see <see cref="ParquetTableWriter"/> to write one batch of rows at a time).
    /// </summary>
    /// <exception cref="ArgumentException">Columns of different lengths, or a column without values.</exception>
    public static void WriteTable(IReadOnlyList<ParquetColumn> columns, IReadOnlyDictionary<string, string> metadata, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(stream);
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != rows || (c.Integers is null && c.Doubles is null && c.Strings is null)))
        {
            throw new ArgumentException("every column needs values, all of one length", nameof(columns));
        }

        var writer = new ParquetTableWriter(stream, columns);
        writer.Append(columns, rows);
        writer.Finish(metadata);
    }

    internal static void PlainValues(ByteBuffer page, ParquetColumn column, int start, int count)
    {
        if (column.Integers is { } ints)
        {
            var bytes = page.Reserve(4 * count);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes[(4 * i)..], ints[start + i]);
            }
        }
        else if (column.Doubles is { } doubles)
        {
            var bytes = page.Reserve(8 * count);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes[(8 * i)..], doubles[start + i]);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var text = Encoding.UTF8.GetBytes(column.Strings![start + i]);
                BinaryPrimitives.WriteInt32LittleEndian(page.Reserve(4), text.Length);
                page.Write(text);
            }
        }
    }

    internal static int PhysicalType(ParquetColumn column) => column.Integers is not null ? 1 : column.Doubles is not null ? 5 : 6;

    internal static byte[] TableFooter(IReadOnlyList<ParquetColumn> columns, long rows, List<(long Offset, long Size, int Rows)[]> groups, IReadOnlyDictionary<string, string> metadata)
    {
        var stream = new ByteBuffer();
        var thrift = new CompactWriter(stream);
        thrift.I32(1, 1);
        thrift.BeginList(2, CompactWriter.Struct, columns.Count + 1);
        thrift.Binary(4, "schema");
        thrift.I32(5, columns.Count);
        thrift.EndStruct();
        foreach (var column in columns)
        {
            thrift.I32(1, PhysicalType(column));
            thrift.I32(3, 0);
            thrift.Binary(4, column.Name);
            if (column.Strings is not null)
            {
                thrift.I32(6, 0);
            }

            thrift.EndStruct();
        }

        thrift.I64(3, rows);
        WriteRowGroups(thrift, [.. groups.Select(g => g.Select(c => new Chunk { Offset = c.Offset, Size = c.Size, Rows = c.Rows }).ToArray())],
            [.. columns.Select(c => (PhysicalType(c), c.Name))]);
        WriteFooterTail(thrift, [.. metadata], DatasetCatalog.ToolVersion);
        return stream.Written.ToArray();
    }
}
