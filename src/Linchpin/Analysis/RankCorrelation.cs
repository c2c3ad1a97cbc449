using MathNet.Numerics.Distributions;

namespace Linchpin.Analysis;

/// <summary>The alternative hypothesis of a correlation test.</summary>
public enum Alternative
{
    /// <summary>H1: the correlation is positive (the exploitation hypothesis: the large bear more).</summary>
    Greater,

    /// <summary>H1: the correlation is negative.</summary>
    Less,

    /// <summary>H1: the correlation is not zero.</summary>
    TwoSided,
}

/// <summary>Pair counts behind Kendall's τ: concordant, discordant, tied on x only, tied on y only.</summary>
/// <param name="Concordant">Pairs ordered alike by x and y.</param>
/// <param name="Discordant">Pairs ordered oppositely.</param>
/// <param name="TiedXOnly">Pairs tied on x but not on y.</param>
/// <param name="TiedYOnly">Pairs tied on y but not on x.</param>
public readonly record struct KendallPairs(long Concordant, long Discordant, long TiedXOnly, long TiedYOnly);

/// <summary>A rank correlation with its test.</summary>
/// <param name="Coefficient">Spearman's ρ or Kendall's τ_b, in [−1, 1]; <c>null</c> when undefined (n &lt; 3 or a constant variable).</param>
/// <param name="PValue">The p-value under <paramref name="Alternative"/>; <c>null</c> when the coefficient is undefined.</param>
/// <param name="Method">How the p-value was computed, in words (e.g. <c>exact permutation</c>, <c>Edgeworth series (AS 89)</c>).</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="N">Number of pairs used.</param>
public sealed record RankCorrelationResult(double? Coefficient, double? PValue, string Method, Alternative Alternative, int N);

/// <summary>
/// Spearman's ρ and Kendall's τ_b with p-values, the statistics of the exploitation hypothesis.
/// </summary>
/// <remarks>
/// Ties get average ranks; ρ is the Pearson correlation of the ranks (which equals
/// 1 − 6Σd²/(n³ − n) only without ties). τ_b = (n_c − n_d) / √((n_c + n_d + t_x)(n_c + n_d + t_y)).
/// p-values: for n ≤ 9 the exact permutation distribution (all n! orderings, ties included); for
/// larger n (and for Kendall without ties at any n below 50, where it is the same exact law), Spearman uses the Edgeworth series of Best &amp; Roberts (1975, Algorithm AS 89) without
/// ties and the t approximation t = ρ√((n−2)/(1−ρ²)) on n − 2 degrees of freedom with ties; Kendall
/// uses the exact distribution of the number of inversions without ties (n &lt; 50) and the normal
/// approximation with Kendall's tie-corrected variance otherwise. These are the choices R's
/// <c>cor.test</c> makes, so results can be checked against it.
/// </remarks>
public static class RankCorrelation
{
    private const int ExactLimit = 9;
    private const int KendallExactLimit = 50;

    /// <summary>Average ranks (1-based; tied values share the mean of their ranks).</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]]))
            {
                end++;
            }

            var rank = (start + end + 2) / 2.0;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Spearman's ρ (Pearson correlation of average ranks); <c>null</c> when n &lt; 3 or a variable is constant.</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        return x.Count < 3 ? null : Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>Kendall's τ_b; <c>null</c> when n &lt; 3 or a variable is constant.</summary>
    public static double? KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckPairs(x, y);
        if (x.Count < 3)
        {
            return null;
        }

        var tau = TauB(x, y);
        return double.IsNaN(tau) ? null : tau;
    }

    private static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (s, onlyX, onlyY, untied) = KendallCounts(x, y);
        var denominator = Math.Sqrt((double)(untied + onlyX) * (untied + onlyY));
        return denominator == 0 ? double.NaN : s / denominator;
    }

    /// <summary>Spearman's ρ with its p-value (see the remarks on <see cref="RankCorrelation"/> for the method).</summary>
    public static RankCorrelationResult SpearmanTest(IReadOnlyList<double> x, IReadOnlyList<double> y, Alternative alternative)
    {
        var rho = Spearman(x, y);
        var n = x.Count;
        if (rho is not { } r)
        {
            return new RankCorrelationResult(null, null, n < 3 ? "undefined: fewer than 3 pairs" : "undefined: a variable is constant", alternative, n);
        }

        if (n <= ExactLimit)
        {
            var ry = AverageRanks(y);
            var rx = AverageRanks(x);
            var (atLeast, atMost) = Permutations(ry, perm => Pearson(rx, perm) ?? 0, r);
            return new RankCorrelationResult(r, Combine(atLeast, atMost, alternative), "exact permutation", alternative, n);
        }

        if (HasTies(x) || HasTies(y))
        {
            var t = r * Math.Sqrt((n - 2) / (1 - (r * r)));
            var upper = Math.Abs(r) >= 1 ? (r > 0 ? 0 : 1) : 1 - StudentT.CDF(0, 1, n - 2, t);
            var lower = Math.Abs(r) >= 1 ? (r > 0 ? 1 : 0) : StudentT.CDF(0, 1, n - 2, t);
            return new RankCorrelationResult(r, Combine(upper, lower, alternative), "t approximation (ties present)", alternative, n);
        }

        // S = Σd² = (n³ − n)(1 − ρ)/6 is an even integer without ties; ρ > 0 means small S.
        var cube = ((double)n * n * n) - n;
        var sum = (int)Math.Round(cube * (1 - r) / 6);
        var greater = 1 - SpearmanUpperTail(n, sum + 2); // P(S ≤ s) = 1 − P(S ≥ s + 2)
        var less = SpearmanUpperTail(n, sum);             // P(S ≥ s)
        return new RankCorrelationResult(r, Combine(greater, less, alternative), "Edgeworth series (AS 89)", alternative, n);
    }

    /// <summary>Kendall's τ_b with its p-value (see the remarks on <see cref="RankCorrelation"/> for the method).</summary>
    public static RankCorrelationResult KendallTest(IReadOnlyList<double> x, IReadOnlyList<double> y, Alternative alternative)
    {
        var tau = KendallTauB(x, y);
        var n = x.Count;
        if (tau is not { } t)
        {
            return new RankCorrelationResult(null, null, n < 3 ? "undefined: fewer than 3 pairs" : "undefined: a variable is constant", alternative, n);
        }

        var ties = HasTies(x) || HasTies(y);
        if (n <= ExactLimit && ties)
        {
            var (atLeast, atMost) = Permutations([.. y], perm => TauB(x, perm), t);
            return new RankCorrelationResult(t, Combine(atLeast, atMost, alternative), "exact permutation", alternative, n);
        }

        var (s, _, _, _) = KendallCounts(x, y);
        if (!ties && n < KendallExactLimit)
        {
            // Without ties S = n(n−1)/2 − 2·inversions; its law is the Mahonian distribution.
            var distribution = InversionDistribution(n);
            var pairs = n * (n - 1) / 2;
            var inversions = (int)Math.Round((pairs - s) / 2.0);
            var greater = distribution.Take(inversions + 1).Sum();                  // S ≥ s ⇔ inversions ≤ i
            var less = distribution.Skip(inversions).Sum();                         // S ≤ s
            return new RankCorrelationResult(t, Combine(greater, less, alternative), "exact (no ties)", alternative, n);
        }

        var z = s / Math.Sqrt(KendallVariance(x, y));
        return new RankCorrelationResult(t, Combine(1 - Normal.CDF(0, 1, z), Normal.CDF(0, 1, z), alternative),
            "normal approximation, tie-corrected variance", alternative, n);
    }

    /// <summary>
    /// P(S ≥ <paramref name="statistic"/>) for S = Σd² under independence, n ≥ 2: exact for n ≤ 9 and the
    /// Edgeworth series of Algorithm AS 89 (Best &amp; Roberts 1975) above.
    /// </summary>
    public static double SpearmanUpperTail(int n, int statistic)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        if (statistic <= 0)
        {
            return 1;
        }

        var max = n * ((n * n) - 1) / 3;
        if (statistic > max)
        {
            return 0;
        }

        var js = statistic % 2 == 0 ? statistic : statistic + 1;
        if (n <= ExactLimit)
        {
            var identity = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
            var (atLeast, _) = Permutations(identity, perm => SumSquaredDifferences(identity, perm), js);
            return atLeast;
        }

        const double c1 = 0.2274, c2 = 0.2531, c3 = 0.1745, c4 = 0.0758, c5 = 0.1033, c6 = 0.3932,
            c7 = 0.0879, c8 = 0.0151, c9 = 0.0072, c10 = 0.0831, c11 = 0.0131, c12 = 4.6e-4;
        var b = 1.0 / n;
        var x = ((6.0 * (js - 1) * b / ((1 / (b * b)) - 1)) - 1) * Math.Sqrt((1 / b) - 1);
        var y = x * x;
        var u = x * b * (c1 + (b * (c2 + (c3 * b))) + (y * (-c4 + (b * (c5 + (c6 * b)))
            - (y * b * (c7 + (c8 * b) - (y * (c9 - (c10 * b) + (y * b * (c11 - (c12 * y))))))))));
        var p = (u / Math.Exp(y / 2)) + (1 - Normal.CDF(0, 1, x));
        return Math.Clamp(p, 0, 1);
    }

    private static double Combine(double greater, double less, Alternative alternative) => alternative switch
    {
        Alternative.Greater => greater,
        Alternative.Less => less,
        _ => Math.Min(1, 2 * Math.Min(greater, less)),
    };

    /// <summary>Share of the n! orderings of <paramref name="values"/> whose statistic is ≥ and ≤ the observed one.</summary>
    private static (double AtLeast, double AtMost) Permutations(double[] values, Func<double[], double> statistic, double observed)
    {
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(observed));
        var current = (double[])values.Clone();
        long total = 0, atLeast = 0, atMost = 0;
        foreach (var _ in Heap(current, current.Length))
        {
            var value = statistic(current);
            total++;
            if (value >= observed - tolerance)
            {
                atLeast++;
            }

            if (value <= observed + tolerance)
            {
                atMost++;
            }
        }

        return ((double)atLeast / total, (double)atMost / total);
    }

    /// <summary>Heap's algorithm: visits every ordering of <paramref name="a"/> in place.</summary>
    private static IEnumerable<int> Heap(double[] a, int n)
    {
        var c = new int[n];
        yield return 0;
        for (var i = 0; i < n;)
        {
            if (c[i] < i)
            {
                var j = i % 2 == 0 ? 0 : c[i];
                (a[j], a[i]) = (a[i], a[j]);
                yield return 0;
                c[i]++;
                i = 0;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }
    }

    private static double SumSquaredDifferences(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return sum;
    }

    /// <summary>P(inversions = k) for a uniformly random permutation of n items, k = 0 … n(n−1)/2.</summary>
    private static double[] InversionDistribution(int n)
    {
        var p = new double[] { 1 };
        for (var m = 2; m <= n; m++)
        {
            var next = new double[p.Length + m - 1];
            for (var k = 0; k < p.Length; k++)
            {
                for (var j = 0; j < m; j++)
                {
                    next[k + j] += p[k] / m;
                }
            }

            p = next;
        }

        return p;
    }

    /// <summary>
    /// Counts the pairs (k, l), k &lt; l, of two equally long vectors: concordant, discordant, tied on x
    /// only and tied on y only (pairs tied on both are not counted). O(n²).
    /// </summary>
    public static KendallPairs CountPairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}", nameof(y));
        }

        long concordant = 0, discordant = 0, onlyX = 0, onlyY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0)
                {
                    continue;
                }

                if (dx == 0)
                {
                    onlyX++;
                }
                else if (dy == 0)
                {
                    onlyY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }

        return new KendallPairs(concordant, discordant, onlyX, onlyY);
    }

    private static (long S, long OnlyX, long OnlyY, long Untied) KendallCounts(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pairs = CountPairs([.. x], [.. y]);
        return (pairs.Concordant - pairs.Discordant, pairs.TiedXOnly, pairs.TiedYOnly, pairs.Concordant + pairs.Discordant);
    }

    private static double KendallVariance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double n = x.Count;
        var tx = TieGroups(x);
        var ty = TieGroups(y);
        double V(IEnumerable<int> t) => t.Sum(g => (double)g * (g - 1) * ((2 * g) + 5));
        double T2(IEnumerable<int> t) => t.Sum(g => (double)g * (g - 1));
        double T3(IEnumerable<int> t) => t.Sum(g => (double)g * (g - 1) * (g - 2));
        return (((n * (n - 1) * ((2 * n) + 5)) - V(tx) - V(ty)) / 18)
            + (T3(tx) * T3(ty) / (9 * n * (n - 1) * (n - 2)))
            + (T2(tx) * T2(ty) / (2 * n * (n - 1)));
    }

    private static List<int> TieGroups(IReadOnlyList<double> values) =>
        [.. values.GroupBy(v => v).Select(g => g.Count()).Where(c => c > 1)];

    private static bool HasTies(IReadOnlyList<double> values) => values.Distinct().Count() < values.Count;

    private static double? Pearson(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return saa == 0 || sbb == 0 ? null : sab / Math.Sqrt(saa * sbb);
    }

    private static void CheckPairs(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}", nameof(y));
        }

        if (x.Concat(y).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("rank correlations need finite values; drop missing pairs first", nameof(x));
        }
    }
}
