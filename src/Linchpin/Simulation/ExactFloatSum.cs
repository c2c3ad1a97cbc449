using System.Numerics;

namespace Linchpin.Simulation;

/// <summary>
/// The exact sum of single-precision values, kept as one integer per binary exponent so that
/// adding values, or merging two sums, in any order gives the same total: the correctly rounded
/// double of the exact sum. A sum of floats in double precision taken in one fixed order equals it
/// whenever that order never rounds (as for an ensemble's values, whose exponents span less than
/// the 29 spare bits of a double).
/// </summary>
internal sealed partial class ExactFloatSum
{
    // 254 finite exponent fields (0 = subnormal); 255 (infinity and NaN) are counted apart.
    private const int Exponents = 255;
    private readonly long[] _mantissas = new long[Exponents];
    private long _nan;
    private long _positiveInfinity;
    private long _negativeInfinity;

    /// <summary>Adds one value.</summary>
    public void Add(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        var exponent = (int)((bits >> 23) & 0xFF);
        var mantissa = (long)(bits & 0x7FFFFF);
        var negative = (bits >> 31) != 0;
        if (exponent == 0xFF)
        {
            if (mantissa != 0)
            {
                _nan++;
            }
            else if (negative)
            {
                _negativeInfinity++;
            }
            else
            {
                _positiveInfinity++;
            }

            return;
        }

        if (exponent != 0)
        {
            mantissa |= 1L << 23;
        }

        // A mantissa is below 2^24, so 2^39 values fit in each slot.
        _mantissas[exponent] += negative ? -mantissa : mantissa;
    }

    /// <summary>Adds another sum into this one.</summary>
    public void Merge(ExactFloatSum other)
    {
        for (var e = 0; e < Exponents; e++)
        {
            _mantissas[e] += other._mantissas[e];
        }

        _nan += other._nan;
        _positiveInfinity += other._positiveInfinity;
        _negativeInfinity += other._negativeInfinity;
    }

    /// <summary>The sum rounded once to the nearest double (ties to even), with IEEE rules for NaN and infinities.</summary>
    public double ToDouble()
    {
        if (_nan > 0 || (_positiveInfinity > 0 && _negativeInfinity > 0))
        {
            return double.NaN;
        }

        if (_positiveInfinity > 0)
        {
            return double.PositiveInfinity;
        }

        if (_negativeInfinity > 0)
        {
            return double.NegativeInfinity;
        }

        // The exact sum in units of 2^-149, the smallest subnormal float.
        var total = BigInteger.Zero;
        for (var e = 0; e < Exponents; e++)
        {
            if (_mantissas[e] != 0)
            {
                total += new BigInteger(_mantissas[e]) << Math.Max(e - 1, 0);
            }
        }

        return RoundToDouble(total, -149);
    }

    /// <summary><paramref name="value"/> · 2^<paramref name="scale"/> rounded to the nearest double, ties to even.</summary>
    internal static double RoundToDouble(BigInteger value, int scale)
    {
        if (value.IsZero)
        {
            return 0;
        }

        var negative = value.Sign < 0;
        var magnitude = BigInteger.Abs(value);
        var length = (int)magnitude.GetBitLength();
        if (length > 53)
        {
            var shift = length - 53;
            var kept = magnitude >> shift;
            var dropped = magnitude - (kept << shift);
            var half = BigInteger.One << (shift - 1);
            if (dropped > half || (dropped == half && !kept.IsEven))
            {
                kept += 1;
            }

            magnitude = kept;
            scale += shift;
        }

        // At most 2^53, so the conversion is exact; the scaling is exact while the result is a normal double.
        var result = Math.ScaleB((double)(ulong)magnitude, scale);
        return negative ? -result : result;
    }
}
