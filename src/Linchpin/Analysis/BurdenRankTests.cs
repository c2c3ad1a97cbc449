using MathNet.Numerics.Distributions;

namespace Linchpin.Analysis;

/// <summary>A Wilcoxon signed-rank test of paired values.</summary>
/// <param name="V">T+ = the sum of the ranks of |d_i| over d_i &gt; 0 (R's <c>V</c>).</param>
/// <param name="N">Pairs used (non-zero differences).</param>
/// <param name="Zeros">Pairs dropped because their difference is zero (Wilcoxon's convention).</param>
/// <param name="Z">The normal statistic (T+ − n(n+1)/4) / σ, tie-corrected; <c>null</c> when the exact law was used.</param>
/// <param name="PValue">Two-sided p-value; <c>null</c> when no pair differs.</param>
/// <param name="Method"><c>exact</c> or <c>normal approximation, tie-corrected, no continuity correction</c>.</param>
public sealed record WilcoxonResult(double V, int N, int Zeros, double? Z, double? PValue, string Method);

/// <summary>Kendall's coefficient of concordance W across m rankings of the same n items.</summary>
/// <param name="W">W = 12 S / (m² (n³ − n)), S = Σ_i (R_i − R̄)², in [0, 1].</param>
/// <param name="ChiSquare">m (n − 1) W.</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
/// <param name="PValue">Upper tail of χ²(n − 1).</param>
/// <param name="M">Number of rankings.</param>
/// <param name="N">Number of items ranked.</param>
public sealed record ConcordanceResult(double W, double ChiSquare, int DegreesOfFreedom, double PValue, int M, int N);

/// <summary>
/// The non-parametric burden-sharing tests of Sandler and co-authors: the Wilcoxon signed-rank test
/// of spending shares against benefit shares (Sandler &amp; Forbes 1980; Sandler &amp; Murdoch 2000;
/// Sandler &amp; Shimizu 2014), Kendall's coefficient of concordance, and partial rank correlations
/// with the t-test Sandler &amp; Murdoch (2000, Table 9) report.
/// </summary>
/// <remarks>
/// Wilcoxon: d_i = x_i − y_i, zeros dropped, average ranks of |d_i|; exact law of T+ when n ≤ 25 and no
/// ties, else z = (T+ − n(n+1)/4) / √(n(n+1)(2n+1)/24 − Σ(t³ − t)/48), two-sided, no continuity
/// correction. Partial rank correlation: ρ_12·3 = (ρ_12 − ρ_13 ρ_23) / √((1 − ρ_13²)(1 − ρ_23²)), applied
/// again for a second control. p-value: t = ρ √(df / (1 − ρ²)), df = n − 2 − k for k controls, two-sided,
/// which is what Table 9 prints although its note names a one-sided alternative
/// (shared/models/02, section 2.2).
/// </remarks>
public static class BurdenRankTests
{
    private const int WilcoxonExactLimit = 25;

    /// <summary>The Wilcoxon signed-rank test of <paramref name="x"/> against <paramref name="y"/> (paired).</summary>
    public static WilcoxonResult Wilcoxon(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"paired values: {x.Count} against {y.Count}", nameof(y));
        }

        var differences = x.Zip(y, (a, b) => a - b).ToList();
        var nonZero = differences.Where(d => d != 0).ToList();
        var zeros = differences.Count - nonZero.Count;
        var n = nonZero.Count;
        if (n == 0)
        {
            return new WilcoxonResult(0, 0, zeros, null, null, "undefined: no pair differs");
        }

        var ranks = RankCorrelation.AverageRanks([.. nonZero.Select(Math.Abs)]);
        var v = nonZero.Select((d, i) => d > 0 ? ranks[i] : 0).Sum();
        var tieGroups = ranks.GroupBy(r => r).Select(g => (double)g.Count()).Where(t => t > 1).ToList();
        if (n <= WilcoxonExactLimit && tieGroups.Count == 0)
        {
            var counts = SignedRankCounts(n);
            var total = Math.Pow(2, n);
            var statistic = (int)Math.Round(v);
            var lower = counts.Take(statistic + 1).Sum() / total;
            var upper = counts.Skip(statistic).Sum() / total;
            return new WilcoxonResult(v, n, zeros, null, Math.Min(1, 2 * Math.Min(lower, upper)), "exact");
        }

        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1) * ((2.0 * n) + 1) / 24) - (tieGroups.Sum(t => (t * t * t) - t) / 48);
        var z = (v - mean) / Math.Sqrt(variance);
        return new WilcoxonResult(v, n, zeros, z, 2 * Normal.CDF(0, 1, -Math.Abs(z)), "normal approximation, tie-corrected, no continuity correction");
    }

    /// <summary>Kendall's W across <paramref name="variables"/>, each a list of the same n items' values (ranked here, ties averaged).</summary>
    public static ConcordanceResult KendallW(IReadOnlyList<IReadOnlyList<double>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var m = variables.Count;
        if (m < 2)
        {
            throw new ArgumentException("Kendall's W needs at least two rankings", nameof(variables));
        }

        var n = variables[0].Count;
        if (n < 2 || variables.Any(v => v.Count != n))
        {
            throw new ArgumentException("every ranking must rank the same n ≥ 2 items", nameof(variables));
        }

        var ranks = variables.Select(RankCorrelation.AverageRanks).ToList();
        var sums = Enumerable.Range(0, n).Select(i => ranks.Sum(r => r[i])).ToArray();
        var mean = sums.Average();
        var s = sums.Sum(r => (r - mean) * (r - mean));
        var w = 12 * s / ((double)m * m * (((double)n * n * n) - n));
        var chi = m * (n - 1) * w;
        return new ConcordanceResult(w, chi, n - 1, 1 - ChiSquared.CDF(n - 1, chi), m, n);
    }

    /// <summary>The partial correlation of 1 and 2 controlling for 3: (ρ_12 − ρ_13 ρ_23) / √((1 − ρ_13²)(1 − ρ_23²)); <c>null</c> when a control correlates perfectly.</summary>
    public static double? Partial(double rho12, double rho13, double rho23)
    {
        var denominator = Math.Sqrt((1 - (rho13 * rho13)) * (1 - (rho23 * rho23)));
        return denominator == 0 ? null : (rho12 - (rho13 * rho23)) / denominator;
    }

    /// <summary>Spearman's ρ_12·3 of <paramref name="x"/> and <paramref name="y"/> controlling for <paramref name="control"/>.</summary>
    public static double? PartialSpearman(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> control) =>
        RankCorrelation.Spearman(x, y) is { } r12 && RankCorrelation.Spearman(x, control) is { } r13 && RankCorrelation.Spearman(y, control) is { } r23
            ? Partial(r12, r13, r23) : null;

    /// <summary>
    /// The two-sided p-value of a (partial) correlation: t = ρ √(df / (1 − ρ²)) on df = n − 2 − k
    /// degrees of freedom (<c>linchpin burden test --rho R --n N --controls K</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">ρ outside [−1, 1] or df &lt; 1.</exception>
    public static (double T, int DegreesOfFreedom, double TwoSided, double Greater) CorrelationPValue(double rho, int n, int controls = 0)
    {
        if (double.IsNaN(rho) || rho is < -1 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "a correlation in [-1, 1]");
        }

        var df = n - 2 - controls;
        if (controls < 0 || df < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n - 2 - controls must be at least 1 (controls {controls})");
        }

        if (Math.Abs(rho) == 1)
        {
            return (rho * double.PositiveInfinity, df, 0, rho > 0 ? 0 : 1);
        }

        var t = rho * Math.Sqrt(df / (1 - (rho * rho)));
        var upper = 1 - StudentT.CDF(0, 1, df, t);
        return (t, df, 2 * Math.Min(upper, 1 - upper), upper);
    }

    /// <summary>How many of the 2^n sign assignments give each T+ = 0 … n(n+1)/2 (ranks 1 … n, no ties).</summary>
    private static double[] SignedRankCounts(int n)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var sum = max; sum >= rank; sum--)
            {
                counts[sum] += counts[sum - rank];
            }
        }

        return counts;
    }
}
