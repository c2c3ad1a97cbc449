using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>PLAIN encoding of per-row double columns (values computed for each dyad-year, e.g. the expected-utility columns).</summary>
public static partial class DyadParquet
{
    private sealed partial class Worker
    {
        /// <summary>One data page: the definition levels, then the present values as little-endian doubles.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Chunk EncodePlain(in DyadFrame.Source source, int start, int count)
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
    }
}
