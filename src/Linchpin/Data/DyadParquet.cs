using System.Buffers.Binary;
using System.Text;

namespace Linchpin.Data;

/// <summary>
/// Writes a <see cref="DyadFrame"/> as Parquet (format version 1): every column optional, missing
/// values as nulls, <c>INT32</c>, <c>INT64</c> and <c>DOUBLE</c> physical types; each column chunk
/// is dictionary-encoded (one dictionary page, one data page), uncompressed.
/// </summary>
/// <remarks>
/// The dictionaries are built without hashing: every value of a dyad-year column is a key (a
/// state code or a year), an ATOP value, or a row of a state-year table, so a small array maps
/// each to its dictionary slot.
/// </remarks>
public static class DyadParquet
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 122_880;

    private const int KeyDomain = 4096;

    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="stream"/>, with <paramref name="provenance"/>
    /// (if given) as file key-value metadata under <see cref="Provenance.MetadataKey"/>.
    /// </summary>
    public static void Write(DyadFrame frame, Stream stream, Provenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(stream);
        var groups = Math.Max(1, (frame.RowCount + RowGroupSize - 1) / RowGroupSize);
        var chunks = new Chunk[groups][];
        stream.Write("PAR1"u8);
        long offset = 4;

        // Row groups are encoded a few at a time in parallel, each worker reusing its buffers, and written in order.
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, groups))).Select(_ => new Worker()).ToArray();
        for (var batch = 0; batch < groups; batch += workers.Length)
        {
            var size = Math.Min(workers.Length, groups - batch);
            Parallel.For(0, size, w =>
            {
                var g = batch + w;
                var start = g * RowGroupSize;
                chunks[g] = workers[w].Encode(frame, start, Math.Min(RowGroupSize, frame.RowCount - start));
            });
            for (var w = 0; w < size; w++)
            {
                foreach (ref var chunk in chunks[batch + w].AsSpan())
                {
                    chunk.Offset += offset;
                }

                var bytes = workers[w].Output.Written;
                stream.Write(bytes);
                offset += bytes.Length;
            }
        }

        var footer = Footer(frame, chunks, provenance);
        stream.Write(footer);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        stream.Write(tail);
    }

    /// <summary>Where one column chunk lies (offset within its row group until placed), and its sizes.</summary>
    private struct Chunk
    {
        public long Offset;
        public long DataOffset;
        public long Size;
        public bool Dictionary;
        public int Rows;
    }

    /// <summary>Encodes row groups, reusing its buffers from one group to the next.</summary>
    private sealed class Worker
    {
        private readonly int[] _ids = new int[RowGroupSize];
        private readonly int[] _slots = new int[RowGroupSize];
        private readonly int[] _levels = new int[RowGroupSize];
        private readonly List<int> _entries = [];
        private readonly ByteBuffer _page = new();
        private int[] _map = new int[KeyDomain];

        public ByteBuffer Output { get; } = new();

        public Chunk[] Encode(DyadFrame frame, int start, int count)
        {
            var output = Output;
            output.Clear();
            var chunks = new Chunk[frame.Columns.Count];
            var ids = _ids.AsSpan(0, count);
            for (var c = 0; c < chunks.Length; c++)
            {
                var source = frame.SourceOf(c);
                var domain = source.Values?.Count ?? KeyDomain;
                if (_map.Length < domain)
                {
                    _map = new int[domain];
                }

                Ids(frame, source, start, ids);

                // Dictionary slots in order of first appearance; -1 marks a missing value.
                var map = _map;
                var entries = _entries;
                entries.Clear();
                var present = 0;
                foreach (var id in ids)
                {
                    if (id < 0)
                    {
                        continue;
                    }

                    var slot = map[id] - 1;
                    if (slot < 0)
                    {
                        entries.Add(id);
                        slot = entries.Count - 1;
                        map[id] = slot + 1;
                    }

                    _slots[present++] = slot;
                }

                foreach (var id in entries)
                {
                    map[id] = 0;
                }

                var chunkStart = output.Length;
                chunks[c] = new Chunk { Offset = chunkStart, Rows = count, Dictionary = entries.Count > 0 };
                if (entries.Count > 0)
                {
                    var values = DictionaryValues(frame, c, source, entries);
                    WritePageHeader(output, pageType: 2, values.Length, entries.Count, encoding: 2);
                    output.Write(values);
                }

                chunks[c].DataOffset = output.Length - chunkStart;
                var page = _page;
                page.Clear();
                WriteLevels(page, ids, _levels);
                if (entries.Count > 0)
                {
                    var width = Math.Max(1, 32 - int.LeadingZeroCount(entries.Count - 1));
                    page.WriteByte((byte)width);
                    WriteBitPacked(page, _slots.AsSpan(0, present), width);
                }

                WritePageHeader(output, pageType: 0, page.Length, count, encoding: entries.Count > 0 ? 2 : 0);
                output.Write(page.Written);
                chunks[c].Size = output.Length - chunkStart;
            }

            return chunks;
        }
    }

    /// <summary>A growable byte buffer.</summary>
    private sealed class ByteBuffer
    {
        private byte[] _bytes = new byte[1 << 16];

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public Span<byte> Reserve(int size)
        {
            if (Length + size > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + size));
            }

            var span = _bytes.AsSpan(Length, size);
            Length += size;
            return span;
        }

        public void WriteInt32At(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(position), value);

        public void WriteByte(byte value) => Reserve(1)[0] = value;

        public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>For each row, the value's id in its column's domain (a key, an ATOP value, a state-year row), or -1 where missing.</summary>
    private static void Ids(DyadFrame frame, in DyadFrame.Source source, int start, Span<int> ids)
    {
        switch (source.Kind)
        {
            case DyadFrame.Kind.Ccode1:
                frame.Ccode1.Slice(start, ids.Length).CopyTo(ids);
                break;
            case DyadFrame.Kind.Ccode2:
                frame.Ccode2.Slice(start, ids.Length).CopyTo(ids);
                break;
            case DyadFrame.Kind.Year:
                frame.Year.Slice(start, ids.Length).CopyTo(ids);
                break;
            case DyadFrame.Kind.AtopAlliance:
            case DyadFrame.Kind.AtopProvision:
                var atopRows = frame.AtopRows.Slice(start, ids.Length);
                var years = frame.Year.Slice(start, ids.Length);
                var provision = source.Kind == DyadFrame.Kind.AtopAlliance ? null : frame.AtopProvisionValues[source.Provision];
                var coverage = frame.AtopCoverage;
                for (var i = 0; i < ids.Length; i++)
                {
                    var at = atopRows[i];
                    ids[i] = at >= 0 ? (provision is null ? 1 : provision[at]) : coverage.Contains(years[i]) ? 0 : -1;
                }

                break;
            default:
                var present = source.Values!.Present;
                var table = source.Table!;
                var index = table.RowIndex;
                var (first, span) = (table.FirstYear, (uint)table.YearCount);
                var codes = (source.Kind == DyadFrame.Kind.Side1 ? frame.Ccode1 : frame.Ccode2).Slice(start, ids.Length);
                var yearsOf = frame.Year.Slice(start, ids.Length);
                for (var i = 0; i < ids.Length; i++)
                {
                    var y = (uint)(yearsOf[i] - first);
                    var row = y < span ? index[(int)((codes[i] * span) + y)] : -1;
                    ids[i] = row >= 0 && present[row] ? row : -1;
                }

                break;
        }
    }

    /// <summary>The dictionary page's values, PLAIN-encoded.</summary>
    private static byte[] DictionaryValues(DyadFrame frame, int column, in DyadFrame.Source source, List<int> entries)
    {
        var type = frame.Columns[column].Type;
        var size = type == ColumnType.Int32 ? 4 : 8;
        var bytes = new byte[entries.Count * size];
        for (var i = 0; i < entries.Count; i++)
        {
            var id = entries[i];
            var span = bytes.AsSpan(i * size);
            if (source.Values is { } values)
            {
                if (type == ColumnType.Double)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(span, values.Doubles![id]);
                }
                else if (type == ColumnType.Int32)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(span, (int)values.Integers![id]);
                }
                else
                {
                    BinaryPrimitives.WriteInt64LittleEndian(span, values.Integers![id]);
                }
            }
            else if (type == ColumnType.Int32)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span, id);
            }
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(span, id);
            }
        }

        return bytes;
    }

    /// <summary>Definition levels (1 present, 0 missing): 4-byte length, then one RLE run or bit-packed groups of width 1.</summary>
    private static void WriteLevels(ByteBuffer page, ReadOnlySpan<int> ids, int[] levels)
    {
        page.Reserve(4);
        var before = page.Length;
        if (ids.IndexOfAnyExceptInRange(0, int.MaxValue) < 0)
        {
            WriteVarint(page, (ulong)ids.Length << 1);
            page.WriteByte(1);
        }
        else
        {
            for (var i = 0; i < ids.Length; i++)
            {
                levels[i] = ids[i] >= 0 ? 1 : 0;
            }

            WriteBitPacked(page, levels.AsSpan(0, ids.Length), 1);
        }

        page.WriteInt32At(before - 4, page.Length - before);
    }

    /// <summary>One bit-packed run of the RLE/bit-packing hybrid: values packed least significant bit first, in groups of eight.</summary>
    private static void WriteBitPacked(ByteBuffer stream, ReadOnlySpan<int> values, int width)
    {
        var groups = (values.Length + 7) / 8;
        WriteVarint(stream, ((ulong)groups << 1) | 1);
        var bytes = stream.Reserve(groups * width);
        bytes.Clear();
        var at = 0;
        ulong buffer = 0;
        var bits = 0;
        foreach (var value in values)
        {
            buffer |= (ulong)(uint)value << bits;
            bits += width;
            while (bits >= 8)
            {
                bytes[at++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            bytes[at] = (byte)buffer;
        }
    }

    private static void WritePageHeader(ByteBuffer stream, int pageType, int size, int values, int encoding)
    {
        var thrift = new CompactWriter(stream);
        thrift.I32(1, pageType);
        thrift.I32(2, size);
        thrift.I32(3, size);
        thrift.BeginStruct(pageType == 2 ? (short)7 : (short)5);
        thrift.I32(1, values);
        thrift.I32(2, encoding);
        if (pageType == 0)
        {
            thrift.I32(3, 3);
            thrift.I32(4, 3);
        }

        thrift.EndStruct();
        thrift.EndStruct();
    }

    private static byte[] Footer(DyadFrame frame, Chunk[][] groups, Provenance? provenance)
    {
        var stream = new ByteBuffer();
        var thrift = new CompactWriter(stream);
        thrift.I32(1, 1);
        thrift.BeginList(2, CompactWriter.Struct, frame.Columns.Count + 1);
        thrift.Binary(4, "schema");
        thrift.I32(5, frame.Columns.Count);
        thrift.EndStruct();
        foreach (var column in frame.Columns)
        {
            thrift.I32(1, PhysicalType(column.Type));
            thrift.I32(3, 1);
            thrift.Binary(4, column.Name);
            if (column.Type != ColumnType.Double)
            {
                thrift.I32(6, column.Type == ColumnType.Int32 ? 17 : 18);
            }

            thrift.EndStruct();
        }

        thrift.I64(3, frame.RowCount);
        thrift.BeginList(4, CompactWriter.Struct, groups.Length);
        foreach (var chunks in groups)
        {
            thrift.BeginList(1, CompactWriter.Struct, chunks.Length);
            for (var c = 0; c < chunks.Length; c++)
            {
                var chunk = chunks[c];
                thrift.I64(2, chunk.Offset);
                thrift.BeginStruct(3);
                thrift.I32(1, PhysicalType(frame.Columns[c].Type));
                int[] encodings = chunk.Dictionary ? [2, 3] : [0, 3];
                thrift.BeginList(2, CompactWriter.I32Type, encodings.Length);
                foreach (var encoding in encodings)
                {
                    thrift.Element(encoding);
                }

                thrift.BeginList(3, CompactWriter.BinaryType, 1);
                thrift.Element(frame.Columns[c].Name);
                thrift.I32(4, 0);
                thrift.I64(5, chunk.Rows);
                thrift.I64(6, chunk.Size);
                thrift.I64(7, chunk.Size);
                thrift.I64(9, chunk.Offset + chunk.DataOffset);
                if (chunk.Dictionary)
                {
                    thrift.I64(11, chunk.Offset);
                }

                thrift.EndStruct();
                thrift.EndStruct();
            }

            thrift.I64(2, chunks.Sum(c => c.Size));
            thrift.I64(3, chunks.Length == 0 ? 0 : chunks[0].Rows);
            thrift.EndStruct();
        }

        if (provenance is not null)
        {
            thrift.BeginList(5, CompactWriter.Struct, 1);
            thrift.Binary(1, Provenance.MetadataKey);
            thrift.Binary(2, provenance.ToJson());
            thrift.EndStruct();
        }

        thrift.Binary(6, "Linchpin " + (provenance?.ToolVersion ?? DatasetCatalog.ToolVersion));
        thrift.EndStruct();
        return stream.Written.ToArray();
    }

    private static int PhysicalType(ColumnType type) => type switch
    {
        ColumnType.Int32 => 1,
        ColumnType.Int64 => 2,
        _ => 5,
    };

    private static void WriteVarint(ByteBuffer stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    /// <summary>The Thrift compact protocol, as much of it as Parquet metadata needs.</summary>
    private sealed class CompactWriter(ByteBuffer stream)
    {
        public const byte I32Type = 5;
        public const byte BinaryType = 8;
        public const byte Struct = 12;
        private const byte I64Type = 6;
        private const byte ListType = 9;

        private readonly ByteBuffer _stream = stream;
        private readonly Stack<short> _fields = new([0]);

        public void I32(short field, int value)
        {
            Header(field, I32Type);
            WriteVarint(_stream, ZigZag(value));
        }

        public void I64(short field, long value)
        {
            Header(field, I64Type);
            WriteVarint(_stream, ZigZag(value));
        }

        public void Binary(short field, string value)
        {
            Header(field, BinaryType);
            Element(value);
        }

        public void BeginStruct(short field)
        {
            Header(field, Struct);
            _fields.Push(0);
        }

        /// <summary>Ends a struct (or a list element that is a struct); the outermost call ends the message.</summary>
        public void EndStruct()
        {
            _stream.WriteByte(0);
            _fields.Pop();
            if (_fields.Count == 0)
            {
                _fields.Push(0);
            }
        }

        /// <summary>Starts a list; struct elements are then written as fields, each closed by <see cref="EndStruct"/>.</summary>
        public void BeginList(short field, byte elementType, int count)
        {
            Header(field, ListType);
            if (count < 15)
            {
                _stream.WriteByte((byte)((count << 4) | elementType));
            }
            else
            {
                _stream.WriteByte((byte)(0xF0 | elementType));
                WriteVarint(_stream, (ulong)count);
            }

            if (elementType == Struct)
            {
                for (var i = 0; i < count; i++)
                {
                    _fields.Push(0);
                }
            }
        }

        public void Element(int value) => WriteVarint(_stream, ZigZag(value));

        public void Element(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            WriteVarint(_stream, (ulong)bytes.Length);
            _stream.Write(bytes);
        }

        private void Header(short field, byte type)
        {
            var last = _fields.Pop();
            var delta = field - last;
            if (delta is > 0 and <= 15)
            {
                _stream.WriteByte((byte)((delta << 4) | type));
            }
            else
            {
                _stream.WriteByte(type);
                WriteVarint(_stream, ZigZag(field));
            }

            _fields.Push(field);
        }

        private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
    }
}
