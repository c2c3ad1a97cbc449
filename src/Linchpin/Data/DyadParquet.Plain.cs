using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>PLAIN encoding of per-row double columns (values computed for each dyad-year, e.g. the expected-utility columns).</summary>
public static partial class DyadParquet
{
    private sealed partial class Worker
    {
        /// <summary>
        /// One data page: the definition levels, then the present values as little-endian doubles; a column
        /// whose present values are all the same (a risk attitude given to every state) as a one-entry dictionary.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Chunk EncodePlain(DyadFrame frame, int column, in DyadFrame.Source source, int start, int count)
        {
            var values = source.Values!;
            var present = values.Present.AsSpan(start, count);
            var doubles = values.Doubles!.AsSpan(start, count);
            _levelBytes.Clear();
            var found = 0;
            for (var i = 0; i < count; i++)
            {
                _levels[i] = present[i] ? 1 : 0;
                found += _levels[i];
            }

            if (found == count)
            {
                WriteRun(_levelBytes, count, 1, 1);
            }
            else
            {
                WriteHybrid(_levelBytes, _levels.AsSpan(0, count), 1);
            }

            if (found > 0 && Constant(doubles, present) is var first and >= 0)
            {
                _entries.Clear();
                _entries.Add(start + first);
                _indexBytes.Clear();
                WriteRun(_indexBytes, found, 0, 1);
                return WriteChunk(frame, column, source, _entries, count, _levelBytes.Written, _indexBytes.Written);
            }

            var output = Output;
            var chunkStart = output.Length;
            var levels = _levelBytes.Written;
            WritePageHeader(output, pageType: 0, 4 + levels.Length + (8 * found), count, encoding: 0);
            BinaryPrimitives.WriteInt32LittleEndian(output.Reserve(4), levels.Length);
            output.Write(levels);
            var bytes = output.Reserve(8 * found);
            var at = 0;
            for (var i = 0; i < count; i++)
            {
                if (present[i])
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes[(8 * at++)..], doubles[i]);
                }
            }

            return new Chunk { Offset = chunkStart, DataOffset = 0, Rows = count, Dictionary = false, Size = output.Length - chunkStart };
        }

        /// <summary>The place of the first present value when every present value has the same bits, else -1.</summary>
        private static int Constant(ReadOnlySpan<double> doubles, ReadOnlySpan<bool> present)
        {
            var first = present.IndexOf(true);
            var bits = BitConverter.DoubleToInt64Bits(doubles[first]);
            for (var i = first + 1; i < doubles.Length; i++)
            {
                if (present[i] && BitConverter.DoubleToInt64Bits(doubles[i]) != bits)
                {
                    return -1;
                }
            }

            return first;
        }
    }
}
