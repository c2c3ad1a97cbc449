using System.Runtime.CompilerServices;
using System.Text;

namespace Linchpin.Data;

/// <summary>The Parquet file's Thrift metadata: page headers, the footer and the compact protocol that writes them.</summary>
public static partial class DyadParquet
{
    internal static void WritePageHeader(ByteBuffer stream, int pageType, int size, int values, int encoding)
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
        var physical = new (int PhysicalType, string Name)[frame.Columns.Count];
        for (var c = 0; c < physical.Length; c++)
        {
            physical[c] = (PhysicalType(frame.Columns[c].Type), frame.Columns[c].Name);
        }

        WriteRowGroups(thrift, groups, physical);

        var keyValues = frame.Metadata.ToList();
        if (provenance is not null)
        {
            keyValues.Add(new(Provenance.MetadataKey, provenance.ToJson()));
        }

        WriteFooterTail(thrift, keyValues, provenance?.ToolVersion ?? DatasetCatalog.ToolVersion);
        return stream.Written.ToArray();
    }

    /// <summary>The footer's row groups: each column chunk's place, encodings and sizes.</summary>
    private static void WriteRowGroups(CompactWriter thrift, IReadOnlyList<Chunk[]> groups, (int PhysicalType, string Name)[] columns)
    {
        thrift.BeginList(4, CompactWriter.Struct, groups.Count);
        foreach (var chunks in groups)
        {
            thrift.BeginList(1, CompactWriter.Struct, chunks.Length);
            for (var c = 0; c < chunks.Length; c++)
            {
                var chunk = chunks[c];
                thrift.I64(2, chunk.Offset);
                thrift.BeginStruct(3);
                thrift.I32(1, columns[c].PhysicalType);
                int[] encodings = chunk.Dictionary ? [2, 3] : [0, 3];
                thrift.BeginList(2, CompactWriter.I32Type, encodings.Length);
                foreach (var encoding in encodings)
                {
                    thrift.Element(encoding);
                }

                thrift.BeginList(3, CompactWriter.BinaryType, 1);
                thrift.Element(columns[c].Name);
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

            var size = 0L;
            foreach (var chunk in chunks)
            {
                size += chunk.Size;
            }

            thrift.I64(2, size);
            thrift.I64(3, chunks.Length == 0 ? 0 : chunks[0].Rows);
            thrift.EndStruct();
        }
    }

    /// <summary>The footer's end: key-value metadata (sorted by key) and the writer's name, closing the file metadata.</summary>
    private static void WriteFooterTail(CompactWriter thrift, List<KeyValuePair<string, string>> keyValues, string toolVersion)
    {
        if (keyValues.Count > 0)
        {
            thrift.BeginList(5, CompactWriter.Struct, keyValues.Count);
            var keys = new string[keyValues.Count];
            var values = new string[keyValues.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                (keys[i], values[i]) = (keyValues[i].Key, keyValues[i].Value);
            }

            Array.Sort(keys, values, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                thrift.Binary(1, keys[i]);
                thrift.Binary(2, values[i]);
                thrift.EndStruct();
            }
        }

        thrift.Binary(6, "Linchpin " + toolVersion);
        thrift.EndStruct();
    }

    private static int PhysicalType(ColumnType type) => type switch
    {
        ColumnType.Int32 => 1,
        ColumnType.Int64 => 2,
        _ => 5,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
