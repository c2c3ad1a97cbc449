using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>
/// Writes a <see cref="DyadFrame"/> as Parquet (format version 1): every column optional, missing
/// values as nulls, <c>INT32</c>, <c>INT64</c> and <c>DOUBLE</c> physical types; each column chunk
/// is dictionary-encoded (one dictionary page, one data page; per-row double columns, which have a
/// value of their own in every row, PLAIN-encoded in one data page), uncompressed, with definition levels
/// and dictionary indices in the RLE/bit-packing hybrid. The bytes depend only on the frame and the
/// provenance, not on the number of threads.
/// </summary>
/// <remarks>
/// The dictionaries are built without hashing: every value of a dyad-year column is a key (a
/// state code or a year), an ATOP value, or a row of a state-year table, so a small array maps
/// each to its dictionary slot. The columns of one state-year table and side (e.g. the NMC values
/// of ccode2) share the table rows a row group looks up as their dictionary, so the lookups and,
/// where a column has a value for every such row, the encoded levels and indices are made once.
/// </remarks>
public static partial class DyadParquet
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

        // Encoders take row groups in turn, each into a buffer of its own, while this thread writes
        // them in order as they are done; at most two groups per encoder are waiting at a time.
        var threads = Math.Max(1, Math.Min(Environment.ProcessorCount, groups));
        var results = new TaskCompletionSource<EncodedGroup>[groups];
        for (var g = 0; g < groups; g++)
        {
            results[g] = new TaskCompletionSource<EncodedGroup>();
        }

        var buffers = new System.Collections.Concurrent.ConcurrentBag<ByteBuffer>();
        using var room = new SemaphoreSlim(2 * threads);
        using var stop = new CancellationTokenSource();
        var next = -1;
        var encoders = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            var worker = new Worker();
            while (true)
            {
                room.Wait(stop.Token);
                var g = Interlocked.Increment(ref next);
                if (g >= groups)
                {
                    return;
                }

                try
                {
                    var bytes = buffers.TryTake(out var free) ? free : new ByteBuffer();
                    var start = g * RowGroupSize;
                    results[g].SetResult(new EncodedGroup(worker.Encode(frame, start, Math.Min(RowGroupSize, frame.RowCount - start), bytes), bytes));
                }
                catch (Exception ex)
                {
                    results[g].SetException(ex);
                }
            }
        })).ToArray();

        try
        {
            for (var g = 0; g < groups; g++)
            {
                var (groupChunks, bytes) = results[g].Task.GetAwaiter().GetResult();
                foreach (ref var chunk in groupChunks.AsSpan())
                {
                    chunk.Offset += offset;
                }

                stream.Write(bytes.Written);
                offset += bytes.Length;
                chunks[g] = groupChunks;
                buffers.Add(bytes);
                room.Release();
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            try
            {
                Task.WaitAll(encoders);
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // The encoders were stopped because writing failed; that failure is the one reported.
            }
        }

        var footer = Footer(frame, chunks, provenance);
        stream.Write(footer);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        stream.Write(tail);
    }

    /// <summary>A row group's column chunks and their bytes.</summary>
    private sealed record EncodedGroup(Chunk[] Chunks, ByteBuffer Bytes);

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
    private sealed partial class Worker
    {
        private readonly int[] _ids = new int[RowGroupSize];
        private readonly int[] _slots = new int[RowGroupSize];
        private readonly int[] _levels = new int[RowGroupSize];
        private readonly int[] _map = new int[KeyDomain];
        private readonly int[] _rowMap = new int[RowGroupSize];
        private readonly List<int> _entries = [];
        private readonly ByteBuffer _levelBytes = new();
        private readonly ByteBuffer _indexBytes = new();
        private readonly ByteBuffer _data = new();
        private readonly List<Side> _sides = [];

        /// <summary>Where the group being encoded goes.</summary>
        private ByteBuffer Output { get; set; } = new();

        /// <summary>Encodes the rows <paramref name="start"/> onwards into <paramref name="output"/> (cleared first); returns where each column chunk lies in it.</summary>
        public Chunk[] Encode(DyadFrame frame, int start, int count, ByteBuffer output)
        {
            Output = output;
            Output.Clear();
            foreach (var side in _sides)
            {
                side.Count = -1;
            }

            var chunks = new Chunk[frame.Columns.Count];
            for (var c = 0; c < chunks.Length; c++)
            {
                var source = frame.SourceOf(c);
                chunks[c] = source.Kind switch
                {
                    DyadFrame.Kind.Side1 or DyadFrame.Kind.Side2 => EncodeStateYear(frame, c, source, start, count),
                    DyadFrame.Kind.Row when frame.Columns[c].Type == ColumnType.Double => EncodePlain(frame, c, source, start, count),
                    _ => EncodeByValue(frame, c, source, start, count),
                };
            }

            return chunks;
        }

        /// <summary>A key or ATOP column: a dictionary of the values in order of first appearance.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Chunk EncodeByValue(DyadFrame frame, int column, in DyadFrame.Source source, int start, int count)
        {
            var ids = _ids.AsSpan(0, count);
            Ids(frame, source, start, ids);
            var byRow = source.Kind == DyadFrame.Kind.Row;
            var map = byRow ? _rowMap : _map;
            var entries = _entries;
            entries.Clear();
            var present = 0;
            foreach (var id in ids)
            {
                if (id < 0)
                {
                    continue;
                }

                _slots[present++] = SlotOf(map, entries, id);
            }

            foreach (var id in entries)
            {
                map[id] = 0;
            }

            if (byRow)
            {
                // Per-row values are keyed by their place in the row group; the dictionary needs the frame's row.
                for (var e = 0; e < entries.Count; e++)
                {
                    entries[e] += start;
                }
            }

            _levelBytes.Clear();
            if (present == count)
            {
                WriteRun(_levelBytes, count, 1, 1);
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    _levels[i] = ids[i] >= 0 ? 1 : 0;
                }

                WriteHybrid(_levelBytes, _levels.AsSpan(0, count), 1);
            }

            _indexBytes.Clear();
            WriteHybrid(_indexBytes, _slots.AsSpan(0, present), Width(entries.Count));
            return WriteChunk(frame, column, source, entries, count, _levelBytes.Written, _indexBytes.Written);
        }

        /// <summary>
        /// A state-year column: the rows of its table that the row group's dyads look up, shared by
        /// every column of the same table and side, are the dictionary, and their slots the indices.
        /// Where the column has a value for every such row, the levels and indices are those of the
        /// table and side, encoded once.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Chunk EncodeStateYear(DyadFrame frame, int column, in DyadFrame.Source source, int start, int count)
        {
            var side = SideOf(frame, source, start, count);
            var present = source.Values!.Present;
            // Which dictionary entries this column has a value for; columns of a side often share the pattern.
            var entries = side.Entries.Count;
            var pattern = side.Pattern(entries);
            var missing = 0;
            for (var e = 0; e < entries; e++)
            {
                var here = present[side.Entries[e]];
                pattern[e] = here;
                missing += here ? 0 : 1;
            }

            if (missing == 0)
            {
                return WriteChunk(frame, column, source, side.Entries, count, side.LevelBytes.Written, side.IndexBytes.Written);
            }

            if (missing == entries)
            {
                _levelBytes.Clear();
                WriteRun(_levelBytes, count, 0, 1);
                return WriteChunk(frame, column, source, [], count, _levelBytes.Written, []);
            }

            var encoded = side.Find(pattern);
            if (encoded is null)
            {
                encoded = side.Keep(pattern);
                var slots = side.Slots.AsSpan(0, count);
                var found = 0;
                for (var i = 0; i < slots.Length; i++)
                {
                    var slot = slots[i];
                    var here = slot >= 0 && pattern[slot];
                    _levels[i] = here ? 1 : 0;
                    if (here)
                    {
                        _slots[found++] = slot;
                    }
                }

                WriteHybrid(encoded.Levels, _levels.AsSpan(0, count), 1);
                WriteHybrid(encoded.Indices, _slots.AsSpan(0, found), Width(entries));
            }

            return WriteChunk(frame, column, source, side.Entries, count, encoded.Levels.Written, encoded.Indices.Written);
        }

        /// <summary>The state-year rows of a table and side for the row group, computed once for all its columns.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Side SideOf(DyadFrame frame, in DyadFrame.Source source, int start, int count)
        {
            var table = source.Table!;
            // A few tables and sides at most: a list is enough (and needs no code compiled for a tuple key).
            Side? side = null;
            foreach (var candidate in _sides)
            {
                if (ReferenceEquals(candidate.Table, table) && candidate.Kind == source.Kind)
                {
                    side = candidate;
                }
            }

            if (side is null)
            {
                side = new Side(source.Values!.Count, table, source.Kind);
                _sides.Add(side);
            }

            if (side.Count == count)
            {
                return side;
            }

            var index = table.RowIndex;
            var (first, span) = (table.FirstYear, (uint)table.YearCount);
            var codes = (source.Kind == DyadFrame.Kind.Side1 ? frame.Ccode1 : frame.Ccode2).Slice(start, count);
            var years = frame.Year.Slice(start, count);
            var map = side.Map;
            var entries = side.Entries;
            var slots = side.Slots;
            entries.Clear();
            var found = 0;
            for (var i = 0; i < count; i++)
            {
                var y = (uint)(years[i] - first);
                var row = y < span ? index[(int)((codes[i] * span) + y)] : -1;
                if (row < 0)
                {
                    slots[i] = -1;
                    _levels[i] = 0;
                    continue;
                }

                var slot = SlotOf(map, entries, row);
                slots[i] = slot;
                _levels[i] = 1;
                _slots[found++] = slot;
            }

            foreach (var row in entries)
            {
                map[row] = 0;
            }

            side.LevelBytes.Clear();
            if (found == count)
            {
                WriteRun(side.LevelBytes, count, 1, 1);
            }
            else
            {
                WriteHybrid(side.LevelBytes, _levels.AsSpan(0, count), 1);
            }

            side.IndexBytes.Clear();
            WriteHybrid(side.IndexBytes, _slots.AsSpan(0, found), Width(entries.Count));
            side.Forget();
            side.Count = count;
            return side;
        }

        /// <summary>
        /// Writes a column chunk: a dictionary page (when there are values), then one data page of
        /// the encoded definition levels and dictionary indices.
        /// </summary>
        private Chunk WriteChunk(DyadFrame frame, int column, in DyadFrame.Source source, List<int> entries, int count, ReadOnlySpan<byte> levels, ReadOnlySpan<byte> indices)
        {
            var output = Output;
            var chunkStart = output.Length;
            var chunk = new Chunk { Offset = chunkStart, Rows = count, Dictionary = entries.Count > 0 };
            if (entries.Count > 0)
            {
                var values = DictionaryValues(frame, column, source, entries);
                WritePageHeader(output, pageType: 2, values.Length, entries.Count, encoding: 2);
                output.Write(values);
            }

            chunk.DataOffset = output.Length - chunkStart;
            var page = _data;
            page.Clear();
            page.Reserve(4);
            page.WriteInt32At(0, levels.Length);
            page.Write(levels);
            if (entries.Count > 0)
            {
                page.WriteByte((byte)Width(entries.Count));
                page.Write(indices);
            }

            WritePageHeader(output, pageType: 0, page.Length, count, encoding: entries.Count > 0 ? 2 : 0);
            output.Write(page.Written);
            chunk.Size = output.Length - chunkStart;
            return chunk;
        }

        /// <summary>The dictionary slot of <paramref name="id"/>, adding it to the entries when it first appears (<paramref name="map"/> holds slot + 1, 0 for none).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int SlotOf(int[] map, List<int> entries, int id)
        {
            var slot = map[id] - 1;
            if (slot < 0)
            {
                entries.Add(id);
                slot = entries.Count - 1;
                map[id] = slot + 1;
            }

            return slot;
        }

        private static int Width(int entries) => Math.Max(1, 32 - int.LeadingZeroCount(Math.Max(1, entries) - 1));

        /// <summary>The state-year rows, dictionary slots and encoded levels and indices of one table and side in the current row group.</summary>
        private sealed class Side(int domain, StateYearTable table, DyadFrame.Kind kind)
        {
            /// <summary>The state-year table.</summary>
            public StateYearTable Table { get; } = table;

            /// <summary>Which side of the dyad looks it up.</summary>
            public DyadFrame.Kind Kind { get; } = kind;

            /// <summary>For each row of the group, its slot in <see cref="Entries"/>, or -1 where the table has no row.</summary>
            public int[] Slots { get; } = new int[RowGroupSize];

            public int[] Map { get; } = new int[domain];

            /// <summary>The table rows the group looks up, in order of first appearance: the dictionary.</summary>
            public List<int> Entries { get; } = [];

            public ByteBuffer LevelBytes { get; } = new();

            public ByteBuffer IndexBytes { get; } = new();

            /// <summary>The rows of the group it holds, or -1 when it must be computed again.</summary>
            public int Count { get; set; } = -1;

            private readonly List<Encoded> _encoded = [];
            private int _used;
            private bool[] _pattern = new bool[1 << 12];

            /// <summary>Room for the pattern of a column: whether it has a value for each entry.</summary>
            public Span<bool> Pattern(int entries)
            {
                if (_pattern.Length < entries)
                {
                    _pattern = new bool[entries];
                }

                return _pattern.AsSpan(0, entries);
            }

            /// <summary>The levels and indices already encoded in this group for the same pattern, or <c>null</c>.</summary>
            public Encoded? Find(ReadOnlySpan<bool> pattern)
            {
                for (var i = 0; i < _used; i++)
                {
                    if (_encoded[i].Pattern.AsSpan(0, pattern.Length).SequenceEqual(pattern))
                    {
                        return _encoded[i];
                    }
                }

                return null;
            }

            /// <summary>Empty buffers for the levels and indices of a new pattern, kept for later columns of the group.</summary>
            public Encoded Keep(ReadOnlySpan<bool> pattern)
            {
                if (_used == _encoded.Count)
                {
                    _encoded.Add(new Encoded());
                }

                var encoded = _encoded[_used++];
                encoded.Set(pattern);
                return encoded;
            }

            /// <summary>Drops the patterns of the previous group.</summary>
            public void Forget() => _used = 0;
        }

        /// <summary>The encoded levels and indices of a column whose values are missing for some dictionary entries.</summary>
        private sealed class Encoded
        {
            public bool[] Pattern { get; private set; } = [];

            public ByteBuffer Levels { get; } = new();

            public ByteBuffer Indices { get; } = new();

            public void Set(ReadOnlySpan<bool> pattern)
            {
                if (Pattern.Length < pattern.Length)
                {
                    Pattern = new bool[pattern.Length];
                }

                pattern.CopyTo(Pattern);
                Levels.Clear();
                Indices.Clear();
            }
        }
    }

    /// <summary>A growable byte buffer.</summary>
    internal sealed class ByteBuffer
    {
        private byte[] _bytes = new byte[1 << 16];

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void WriteByte(byte value) => Reserve(1)[0] = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>For each row of a key or ATOP column, the value (a state code, a year, 0 or 1), or -1 where missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            case DyadFrame.Kind.Row:
                var rowPresent = source.Values!.Present;
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = rowPresent[start + i] ? i : -1;
                }

                break;
            default:
                throw new InvalidOperationException("state-year columns are encoded by their table and side");
        }
    }

    /// <summary>The dictionary page's values, PLAIN-encoded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
