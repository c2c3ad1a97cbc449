namespace Linchpin.Validation;

/// <summary>
/// A Saltelli design: two independent <c>N × D</c> matrices A and B of the unit cube and, for each
/// factor <c>i</c>, <c>AB_i</c> (A with column <c>i</c> from B). The model is evaluated on
/// <see cref="Point"/> k for k = 0, …, Count − 1: the N rows of A, then of B, then of AB_1, …, AB_D — <c>N(D + 2)</c> runs.
/// </summary>
/// <param name="Samples">N, rows per matrix.</param>
/// <param name="Dimensions">D, factors.</param>
/// <param name="A">Matrix A (N rows).</param>
/// <param name="B">Matrix B (N rows).</param>
public sealed record SaltelliDesign(int Samples, int Dimensions, IReadOnlyList<double[]> A, IReadOnlyList<double[]> B)
{
    /// <summary>The number of model evaluations, <c>N(D + 2)</c>.</summary>
    public int Count => Samples * (Dimensions + 2);

    /// <summary>Design point <paramref name="k"/> (0 ≤ k &lt; <see cref="Count"/>), in evaluation order.</summary>
    public double[] Point(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Count);
        var block = k / Samples;
        var row = k % Samples;
        if (block == 0)
        {
            return A[row];
        }

        if (block == 1)
        {
            return B[row];
        }

        var point = (double[])A[row].Clone();
        point[block - 2] = B[row][block - 2];
        return point;
    }
}

/// <summary>One factor's Sobol indices with bootstrap intervals.</summary>
/// <param name="Factor">Factor index.</param>
/// <param name="FirstOrder">First-order index S_i (Saltelli et al. 2010).</param>
/// <param name="FirstOrderLow">Lower end of the bootstrap interval of S_i.</param>
/// <param name="FirstOrderHigh">Upper end of the bootstrap interval of S_i.</param>
/// <param name="Total">Total index ST_i (Jansen 1999).</param>
/// <param name="TotalLow">Lower end of the bootstrap interval of ST_i.</param>
/// <param name="TotalHigh">Upper end of the bootstrap interval of ST_i.</param>
public sealed record SobolIndex(int Factor, double FirstOrder, double FirstOrderLow, double FirstOrderHigh, double Total, double TotalLow, double TotalHigh);

/// <summary>Sobol indices of one output.</summary>
/// <param name="Variance">The output variance V over the rows of A and B.</param>
/// <param name="Indices">One entry per factor.</param>
/// <param name="Confidence">The bootstrap intervals' level (0.95).</param>
/// <param name="Resamples">Bootstrap resamples behind the intervals.</param>
public sealed record SobolResult(double Variance, IReadOnlyList<SobolIndex> Indices, double Confidence, int Resamples);

/// <summary>
/// Variance-based sensitivity indices on a Saltelli design (reference formulations, model 11 §11.3):
/// <c>S_i = mean(f(B)·(f(AB_i) − f(A)))/V</c> (Saltelli et al. 2010, <i>Comput. Phys. Commun.</i>
/// 181: 259–270) and <c>ST_i = ½·mean((f(A) − f(AB_i))²)/V</c> (Jansen 1999, <i>Comput. Phys.
/// Commun.</i> 117: 35–43), with percentile bootstrap intervals over the N rows.
/// </summary>
public static class SobolAnalysis
{
    /// <summary>Draws A and B as independent Latin hypercube samples of <c>[0, 1)^D</c>.</summary>
    /// <param name="samples">N, ≥ 2.</param>
    /// <param name="dimensions">D, ≥ 1.</param>
    /// <param name="random">The random source.</param>
    public static SaltelliDesign Design(int samples, int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        var a = LatinHypercube.Sample(samples, dimensions, random);
        var b = LatinHypercube.Sample(samples, dimensions, random);
        return new SaltelliDesign(samples, dimensions, a, b);
    }

    /// <summary>The indices from the outputs at the design's points, in <see cref="SaltelliDesign.Point"/> order.</summary>
    /// <param name="design">The design.</param>
    /// <param name="outputs">One output per design point, <c>N(D + 2)</c> in all, in evaluation order.</param>
    /// <param name="random">The random source of the bootstrap.</param>
    /// <param name="resamples">Bootstrap resamples (SALib's default: 100; 0 for no intervals).</param>
    /// <param name="confidence">The intervals' level, in (0, 1).</param>
    /// <exception cref="ArgumentException">The outputs do not match the design, or are not finite.</exception>
    public static SobolResult Analyze(SaltelliDesign design, IReadOnlyList<double> outputs, Random random, int resamples = 100, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (outputs.Count != design.Count)
        {
            throw new ArgumentException($"expected {design.Count} outputs (one per design point), got {outputs.Count}", nameof(outputs));
        }

        if (outputs.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every output must be finite", nameof(outputs));
        }

        var n = design.Samples;
        var d = design.Dimensions;
        var y = outputs as double[] ?? [.. outputs];
        var all = Enumerable.Range(0, n).ToArray();
        var (s1, st) = Estimate(y, n, d, all);
        var boot1 = new double[d][];
        var bootT = new double[d][];
        for (var i = 0; i < d; i++)
        {
            boot1[i] = new double[resamples];
            bootT[i] = new double[resamples];
        }

        var rows = new int[n];
        for (var b = 0; b < resamples; b++)
        {
            for (var j = 0; j < n; j++)
            {
                rows[j] = random.Next(n);
            }

            var (r1, rt) = Estimate(y, n, d, rows);
            for (var i = 0; i < d; i++)
            {
                boot1[i][b] = r1[i];
                bootT[i][b] = rt[i];
            }
        }

        var indices = new SobolIndex[d];
        for (var i = 0; i < d; i++)
        {
            var (l1, h1) = resamples > 0 ? PercentileInterval(boot1[i], confidence) : (double.NaN, double.NaN);
            var (lt, ht) = resamples > 0 ? PercentileInterval(bootT[i], confidence) : (double.NaN, double.NaN);
            indices[i] = new SobolIndex(i, s1[i], l1, h1, st[i], lt, ht);
        }

        return new SobolResult(Variance(y, n, all), indices, confidence, resamples);
    }

    /// <summary>The central <paramref name="confidence"/> percentile interval of <paramref name="values"/> (linear interpolation between order statistics).</summary>
    public static (double Low, double High) PercentileInterval(IReadOnlyList<double> values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var tail = (1 - confidence) / 2;
        return (Simulation.EnsembleResult.Quantile(sorted, tail), Simulation.EnsembleResult.Quantile(sorted, 1 - tail));
    }

    private static double Variance(double[] y, int n, int[] rows)
    {
        // Over f(A) and f(B) of the chosen rows (population variance).
        var sum = 0.0;
        foreach (var j in rows)
        {
            sum += y[j] + y[n + j];
        }

        var mean = sum / (2 * rows.Length);
        var squares = 0.0;
        foreach (var j in rows)
        {
            squares += ((y[j] - mean) * (y[j] - mean)) + ((y[n + j] - mean) * (y[n + j] - mean));
        }

        return squares / (2 * rows.Length);
    }

    private static (double[] First, double[] Total) Estimate(double[] y, int n, int d, int[] rows)
    {
        var v = Variance(y, n, rows);
        var first = new double[d];
        var total = new double[d];
        for (var i = 0; i < d; i++)
        {
            var offset = (2 + i) * n;
            double s = 0, t = 0;
            foreach (var j in rows)
            {
                var fa = y[j];
                var fb = y[n + j];
                var fab = y[offset + j];
                s += fb * (fab - fa);
                t += (fa - fab) * (fa - fab);
            }

            first[i] = v > 0 ? s / rows.Length / v : 0;
            total[i] = v > 0 ? 0.5 * t / rows.Length / v : 0;
        }

        return (first, total);
    }
}
