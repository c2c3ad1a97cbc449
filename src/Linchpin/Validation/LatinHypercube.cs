namespace Linchpin.Validation;

/// <summary>
/// Latin hypercube samples of the unit cube (McKay, Beckman &amp; Conover 1979, <i>Technometrics</i>
/// 21(2): 239–245): each of the <c>N</c> strata <c>[k/N, (k+1)/N)</c> of every dimension holds
/// exactly one point.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// Draws <paramref name="points"/> points in <c>[0, 1)^</c><paramref name="dimensions"/>: per
    /// dimension an independent random permutation of the strata, and a uniform jitter inside each.
    /// </summary>
    /// <param name="points">Number of points <c>N</c>, ≥ 1.</param>
    /// <param name="dimensions">Number of dimensions <c>D</c>, ≥ 1.</param>
    /// <param name="random">The random source (the sample is a pure function of its state).</param>
    /// <returns><c>N</c> rows of <c>D</c> coordinates.</returns>
    public static double[][] Sample(int points, int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentNullException.ThrowIfNull(random);
        var rows = new double[points][];
        for (var i = 0; i < points; i++)
        {
            rows[i] = new double[dimensions];
        }

        var strata = new int[points];
        for (var d = 0; d < dimensions; d++)
        {
            for (var k = 0; k < points; k++)
            {
                strata[k] = k;
            }

            random.Shuffle(strata);
            for (var i = 0; i < points; i++)
            {
                // (k + u)/N with u in [0, 1): clamp guards the rounding of the last stratum to 1.
                rows[i][d] = Math.Min((strata[i] + random.NextDouble()) / points, Math.BitDecrement(1.0));
            }
        }

        return rows;
    }
}
