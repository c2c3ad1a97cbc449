namespace Linchpin.Simulation;

/// <summary>
/// A small, fast, seeded random source (xoshiro256**, seeded through SplitMix64) whose stream is a
/// pure function of (seed, run): a run draws the same numbers on any thread, in any order.
/// </summary>
/// <remarks>Blackman &amp; Vigna (2018), "Scrambled linear pseudorandom number generators".</remarks>
public struct SimRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The stream of run <paramref name="run"/> of an ensemble seeded with <paramref name="seed"/>.</summary>
    public SimRandom(ulong seed, long run)
    {
        var x = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(run + 1));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    /// <remarks>
    /// The 53 bits fit a long, whose conversion to double is one instruction; the unsigned one needs
    /// a branch for the top bit. Both convert exactly, so the draw is the same.
    /// </remarks>
    public double NextDouble() => (long)(NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal draw (Box–Muller; one of the pair is used).</summary>
    public double NextNormal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
