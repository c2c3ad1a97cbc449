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

public static partial class DyadParquet
{
    /// <summary>
    /// Writes a plain table (no missing values) as Parquet with the same encoder as dyad frames:
    /// required <c>INT32</c>, <c>DOUBLE</c> and UTF-8 <c>BYTE_ARRAY</c> columns, PLAIN-encoded,
    /// uncompressed, <see cref="RowGroupSize"/> rows per row group, and key-value metadata.
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

        stream.Write("PAR1"u8);
        long offset = 4;
        var groups = new List<(long Offset, long Size, int Rows)[]>();
        var page = new ByteBuffer();
        var output = new ByteBuffer();
        for (var start = 0; start < rows || (rows == 0 && groups.Count == 0); start += RowGroupSize)
        {
            var count = Math.Min(RowGroupSize, rows - start);
            var chunks = new (long Offset, long Size, int Rows)[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                page.Clear();
                PlainValues(page, columns[c], start, count);
                output.Clear();
                WritePageHeader(output, pageType: 0, page.Length, count, encoding: 0);
                output.Write(page.Written);
                stream.Write(output.Written);
                chunks[c] = (offset, output.Length, count);
                offset += output.Length;
            }

            groups.Add(chunks);
            if (rows == 0)
            {
                break;
            }
        }

        var footer = TableFooter(columns, rows, groups, metadata);
        stream.Write(footer);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        stream.Write(tail);
    }

    private static void PlainValues(ByteBuffer page, ParquetColumn column, int start, int count)
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

    private static int PhysicalType(ParquetColumn column) => column.Integers is not null ? 1 : column.Doubles is not null ? 5 : 6;

    private static byte[] TableFooter(IReadOnlyList<ParquetColumn> columns, int rows, List<(long Offset, long Size, int Rows)[]> groups, IReadOnlyDictionary<string, string> metadata)
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
