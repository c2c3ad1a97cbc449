using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>Parquet's RLE/bit-packing hybrid encoding of levels and dictionary ids.</summary>
public static partial class DyadParquet
{
    /// <summary>
    /// The RLE/bit-packing hybrid: runs of eight or more equal values as RLE runs, the values between
    /// them bit-packed in groups of eight (the values before a run are completed to a group of eight
    /// from the run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteHybrid(ByteBuffer stream, ReadOnlySpan<int> values, int width)
    {
        const int MinRun = 8;
        var literal = 0;
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            var end = i + 1;
            if (end < values.Length && values[end] == value)
            {
                var other = values[end..].IndexOfAnyExcept(value);
                end = other < 0 ? values.Length : end + other;
            }

            var pad = (8 - ((i - literal) & 7)) & 7;
            if (end - i - pad >= MinRun)
            {
                if (i + pad > literal)
                {
                    WriteBitPacked(stream, values[literal..(i + pad)], width);
                }

                WriteRun(stream, end - i - pad, value, width);
                literal = end;
            }

            i = end;
        }

        if (literal < values.Length)
        {
            WriteBitPacked(stream, values[literal..], width);
        }
    }

    /// <summary>One RLE run of the hybrid: the count, then the value in the fewest whole bytes of the width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRun(ByteBuffer stream, int count, int value, int width)
    {
        WriteVarint(stream, (ulong)count << 1);
        for (var b = 0; b < (width + 7) / 8; b++)
        {
            stream.WriteByte((byte)(value >> (8 * b)));
        }
    }

    /// <summary>One bit-packed run of the RLE/bit-packing hybrid: values packed least significant bit first, in groups of eight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            // Widths are at most 32 bits, so the buffer never holds more than 63 bits.
            buffer |= (ulong)(uint)value << bits;
            bits += width;
            if (bits >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[at..], (uint)buffer);
                at += 4;
                buffer >>= 32;
                bits -= 32;
            }
        }

        while (bits > 0)
        {
            bytes[at++] = (byte)buffer;
            buffer >>= 8;
            bits -= 8;
        }
    }
}
