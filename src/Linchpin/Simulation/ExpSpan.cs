using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>Element-wise exponentials of a span, several lanes at a time.</summary>
/// <remarks>
/// The step loop takes two exponentials per ally-year (the threat multiplier and the hazard's
/// net-benefit term), which dominated its cost when taken one at a time. <see cref="Vector256.Exp(Vector256{double})"/>
/// is the same algorithm on every thread, so a run's draws and results stay a pure function of
/// (seed, run); its last bit can differ from <see cref="Math.Exp(double)"/>, which no result depends on.
/// </remarks>
internal static class ExpSpan
{
    /// <summary>Writes e^x[i] to <paramref name="result"/>[i] for every i.</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> result)
    {
        if (result.Length < x.Length)
        {
            throw new ArgumentException("the result needs room for every value", nameof(result));
        }

        var i = 0;
        for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            AllyLanes.Store(Vector256.Exp(AllyLanes.Load(x, i)), result, i);
        }

        // The tail through the vector routine as well, so every element gets the same algorithm.
        if (i < x.Length)
        {
            Span<double> tail = stackalloc double[Vector256<double>.Count];
            x[i..].CopyTo(tail);
            var done = Vector256.Exp(Vector256.Create((ReadOnlySpan<double>)tail));
            for (var k = 0; i + k < x.Length; k++)
            {
                result[i + k] = done[k];
            }
        }
    }
}
