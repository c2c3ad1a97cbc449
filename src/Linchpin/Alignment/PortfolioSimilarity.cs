namespace Linchpin.Alignment;

/// <summary>A measure of the similarity of two alliance portfolios.</summary>
public enum SimilarityMeasure
{
    /// <summary>Kendall's τ_b (Bueno de Mesquita 1975).</summary>
    TauB,

    /// <summary>Signorino and Ritter's S, unweighted.</summary>
    S,

    /// <summary>Signorino and Ritter's S weighted by the capability (CINC) of each target state.</summary>
    SWeighted,

    /// <summary>Cohen's κ (Häge 2011).</summary>
    Kappa,

    /// <summary>Scott's π (Häge 2011).</summary>
    Pi,
}

/// <summary>The distance between two values in the S measure.</summary>
public enum DistanceMetric
{
    /// <summary>|x − y| / d_max (Signorino and Ritter's default).</summary>
    Absolute,

    /// <summary>(x − y)² / d_max².</summary>
    Squared,
}

/// <summary>Disagreement weights δ_ab of the chance-corrected measures κ and π.</summary>
public enum AgreementWeights
{
    /// <summary>δ_ab = 1 when a ≠ b: plain agreement, categories unordered.</summary>
    Nominal,

    /// <summary>δ_ab = |a − b| / (L − 1).</summary>
    Linear,

    /// <summary>δ_ab = ((a − b) / (L − 1))².</summary>
    Quadratic,
}

/// <summary>Settings of the similarity measures.</summary>
/// <param name="Levels">The number of portfolio levels L (values 0 … L − 1); κ and π use all of them, observed or not.</param>
/// <param name="DMax">d_max, the distance scale of S (the range of the coding, 3 for the standard 0–3 coding); &gt; 0.</param>
/// <param name="Distance">Absolute or squared distance in S.</param>
/// <param name="KappaWeights">Disagreement weights of κ (quadratic by default, as the R package fpsim).</param>
/// <param name="PiWeights">Disagreement weights of π (nominal by default, as fpsim's <c>spi()</c>).</param>
public sealed record SimilarityOptions(int Levels, double DMax, DistanceMetric Distance, AgreementWeights KappaWeights, AgreementWeights PiWeights)
{
    /// <summary>The defaults for a coding: its levels and range, absolute distance, quadratic κ, nominal π.</summary>
    public static SimilarityOptions For(PortfolioCoding coding)
    {
        ArgumentNullException.ThrowIfNull(coding);
        return new(coding.Levels, coding.Range, DistanceMetric.Absolute, AgreementWeights.Quadratic, AgreementWeights.Nominal);
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 or more than 16 levels, or d_max not positive.</exception>
    public SimilarityOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Levels, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Levels, PortfolioCoding.MaxValue + 1);
        return DMax > 0 && double.IsFinite(DMax) ? this : throw new ArgumentOutOfRangeException(nameof(DMax), DMax, "d_max must be positive");
    }
}

/// <summary>Every similarity measure of one pair of portfolios; <c>null</c> where a measure is undefined.</summary>
/// <param name="States">K, the number of target states compared (after dropping missing values).</param>
/// <param name="TauB">Kendall's τ_b, in [−1, 1]; undefined when either portfolio is constant.</param>
/// <param name="S">Unweighted S, in [−1, 1].</param>
/// <param name="SWeighted">Weighted S, in [−1, 1]; undefined without weights or when they sum to 0.</param>
/// <param name="Kappa">Cohen's κ, at most 1; undefined when the expected disagreement is 0.</param>
/// <param name="Pi">Scott's π, at most 1; undefined when the expected disagreement is 0.</param>
public sealed record SimilarityScores(int States, double? TauB, double? S, double? SWeighted, double? Kappa, double? Pi)
{
    /// <summary>The value of one measure.</summary>
    public double? Get(SimilarityMeasure measure) => measure switch
    {
        SimilarityMeasure.TauB => TauB,
        SimilarityMeasure.S => S,
        SimilarityMeasure.SWeighted => SWeighted,
        SimilarityMeasure.Kappa => Kappa,
        _ => Pi,
    };
}

/// <summary>
/// Similarity of two foreign-policy (alliance) portfolios x and y over K target states: Kendall's
/// τ_b, Signorino and Ritter's S, and the chance-corrected Cohen's κ and Scott's π.
/// </summary>
/// <remarks>
/// <para>τ_b = (n_c − n_d) / √((n_c + n_d + t_x)(n_c + n_d + t_y)), over pairs of target states:
/// n_c concordant, n_d discordant, t_x tied on x only, t_y tied on y only (Bueno de Mesquita 1975;
/// equal to R's <c>cor(x, y, method = "kendall")</c>).</para>
/// <para>S = 1 − 2 Σ_k w_k d(x_k, y_k) / Σ_k w_k, with d = |x − y| / d_max or (x − y)² / d_max², in
/// [−1, 1] (Signorino and Ritter 1999, "Tau-b or Not Tau-b", ISQ 43(1): 115–144); w_k = 1 unweighted.</para>
/// <para>κ, π = 1 − D_o / D_e, with D_o = Σ_ab δ_ab o_ab over the observed joint proportions and
/// D_e = Σ_ab δ_ab p^x_a p^y_b (κ, each portfolio's own marginals) or Σ_ab δ_ab m_a m_b with
/// m = (p^x + p^y)/2 (π, pooled marginals) (Häge 2011, "Choice or Circumstance?", Political
/// Analysis 19(3): 287–305; as the R package fpsim computes them).</para>
/// <para>A negative value in x or y marks a missing value: that target state is dropped from both
/// portfolios (complete cases). A NaN weight drops the state from weighted S only.</para>
/// </remarks>
public static class PortfolioSimilarity
{
    /// <summary>Every measure of portfolios <paramref name="x"/> and <paramref name="y"/> (values 0 … L − 1; negative = missing).</summary>
    /// <param name="x">The first portfolio.</param>
    /// <param name="y">The second portfolio, over the same target states.</param>
    /// <param name="options">Levels, d_max and variants.</param>
    /// <param name="weights">Optional weights w_k ≥ 0 (e.g. CINC of each target); empty for none; NaN = missing.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a value is not below the number of levels, or a weight is negative.</exception>
    public static SimilarityScores Compare(ReadOnlySpan<int> x, ReadOnlySpan<int> y, SimilarityOptions options, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        if (x.Length != y.Length || (!weights.IsEmpty && weights.Length != x.Length))
        {
            throw new ArgumentException($"the portfolios (and weights) must have one value per target state: {x.Length} and {y.Length}", nameof(y));
        }

        var table = new AgreementTable(options.Levels);
        for (var k = 0; k < x.Length; k++)
        {
            if (x[k] < 0 || y[k] < 0)
            {
                continue;
            }

            if (x[k] >= options.Levels || y[k] >= options.Levels)
            {
                throw new ArgumentException($"target {k}: value {Math.Max(x[k], y[k])} is not below the number of levels ({options.Levels})", nameof(x));
            }

            var w = weights.IsEmpty ? double.NaN : weights[k];
            if (w < 0)
            {
                throw new ArgumentException($"target {k}: weight {w} is negative", nameof(weights));
            }

            table.Add(x[k], y[k], w);
        }

        return table.Scores(options, weighted: !weights.IsEmpty);
    }

    /// <summary>Kendall's τ_b of two numeric vectors by direct count over all pairs (O(K²)); <c>null</c> when either is constant.</summary>
    public static double? TauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("the vectors differ in length", nameof(y));
        }

        var pairs = Analysis.RankCorrelation.CountPairs(x, y);
        return AgreementTable.TauB(pairs.Concordant, pairs.Discordant, pairs.TiedXOnly, pairs.TiedYOnly);
    }

    /// <summary>
    /// Kendall's τ_b from the L × L cross-tabulation of two portfolios (<paramref name="table"/>[a·L + b]
    /// = number of target states with x = a and y = b), in O(L²); <c>NaN</c> when either portfolio is constant.
    /// </summary>
    /// <remarks>
    /// τ_b = (n_c − n_d) / √((P − T_x)(P − T_y)), P = N(N − 1)/2 pairs, T_x = Σ_a r_a(r_a − 1)/2 pairs tied
    /// on x (row totals r_a), T_y likewise on y; the same value as <see cref="Compare"/> gives (Hays 1981,
    /// the form EUGene uses).
    /// </remarks>
    /// <exception cref="ArgumentException">The table is not square.</exception>
    public static double TauB(ReadOnlySpan<int> table, int levels)
    {
        if (levels < 1 || table.Length != levels * levels)
        {
            throw new ArgumentException($"expected {levels} x {levels} counts, got {table.Length}", nameof(table));
        }

        // Rows from the bottom up; below[b] = the counts in column b of the rows already passed (greater x).
        Span<long> below = stackalloc long[levels];
        below.Clear();
        long concordant = 0, discordant = 0, n = 0, tiedX = 0, tiedY = 0, passed = 0;
        for (var a = levels - 1; a >= 0; a--)
        {
            long row = 0, lower = 0;
            for (var b = 0; b < levels; b++)
            {
                long count = table[(a * levels) + b];
                row += count;
                concordant += count * (passed - lower - below[b]);
                discordant += count * lower;
                lower += below[b];
            }

            for (var b = 0; b < levels; b++)
            {
                below[b] += table[(a * levels) + b];
            }

            passed += row;
            n += row;
            tiedX += row * (row - 1) / 2;
        }

        foreach (var column in below)
        {
            tiedY += column * (column - 1) / 2;
        }

        var pairs = n * (n - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }

    /// <summary>
    /// <see cref="TauB(ReadOnlySpan{int}, int)"/> for the four levels of the standard coding, unrolled for the
    /// yearly expected-utility tables (tens of thousands of pairs a year). The counts are exact integers and
    /// the two floating-point steps are the same, so the value is bit for bit the general one.
    /// </summary>
    /// <param name="t">The 4 × 4 counts, row-major.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static double TauB4(ReadOnlySpan<int> t)
    {
        // Rows from the bottom up: b0..b3 = the counts in each column of the rows already passed (greater x).
        long concordant = 0, discordant = 0, tiedX = 0;
        long b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (var a = 3; a >= 0; a--)
        {
            long n0 = t[a * 4], n1 = t[(a * 4) + 1], n2 = t[(a * 4) + 2], n3 = t[(a * 4) + 3];
            concordant += (n0 * (b1 + b2 + b3)) + (n1 * (b2 + b3)) + (n2 * b3);
            discordant += (n1 * b0) + (n2 * (b0 + b1)) + (n3 * (b0 + b1 + b2));
            var row = n0 + n1 + n2 + n3;
            tiedX += row * (row - 1) / 2;
            (b0, b1, b2, b3) = (b0 + n0, b1 + n1, b2 + n2, b3 + n3);
        }

        var n = b0 + b1 + b2 + b3;
        var tiedY = (b0 * (b0 - 1) / 2) + (b1 * (b1 - 1) / 2) + (b2 * (b2 - 1) / 2) + (b3 * (b3 - 1) / 2);
        var pairs = n * (n - 1) / 2;
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }

    /// <summary>Signorino and Ritter's S by its definition: 1 − 2 Σ w_k d(x_k, y_k) / Σ w_k; <c>null</c> when the weights sum to 0.</summary>
    /// <param name="x">The first vector.</param>
    /// <param name="y">The second vector.</param>
    /// <param name="dMax">d_max &gt; 0.</param>
    /// <param name="distance">Absolute or squared distance.</param>
    /// <param name="weights">Weights, or empty for w_k = 1.</param>
    public static double? S(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double dMax, DistanceMetric distance = DistanceMetric.Absolute, ReadOnlySpan<double> weights = default)
    {
        if (x.Length != y.Length || (!weights.IsEmpty && weights.Length != x.Length))
        {
            throw new ArgumentException("the vectors (and weights) differ in length", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dMax);
        double sum = 0, total = 0;
        for (var k = 0; k < x.Length; k++)
        {
            var w = weights.IsEmpty ? 1 : weights[k];
            var d = Math.Abs(x[k] - y[k]) / dMax;
            sum += w * (distance == DistanceMetric.Squared ? d * d : d);
            total += w;
        }

        return total > 0 ? 1 - (2 * sum / total) : null;
    }
}

/// <summary>
/// The cross-tabulation of two portfolios: counts n_ab of target states with x = a and y = b, and
/// the same weighted by w_k. Every measure follows from it, so a pair costs O(K) to tabulate and
/// O(L⁴) to score, whatever K.
/// </summary>
internal struct AgreementTable
{
    private readonly int _levels;
    private readonly long[] _counts;
    private readonly double[] _weights;

    public AgreementTable(int levels)
    {
        _levels = levels;
        _counts = new long[levels * levels];
        _weights = new double[levels * levels];
    }

    public readonly int Levels => _levels;

    public readonly void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_weights);
    }

    /// <summary>Adds one target state; a NaN weight counts it for the unweighted measures only.</summary>
    public readonly void Add(int a, int b, double weight)
    {
        var cell = (a * _levels) + b;
        _counts[cell]++;
        if (!double.IsNaN(weight))
        {
            _weights[cell] += weight;
        }
    }

    /// <summary>Adds <paramref name="count"/> target states at once, with their total weight.</summary>
    public readonly void Add(int a, int b, long count, double weight)
    {
        var cell = (a * _levels) + b;
        _counts[cell] += count;
        _weights[cell] += weight;
    }

    public readonly SimilarityScores Scores(SimilarityOptions options, bool weighted) =>
        new((int)Total(), TauB(), S(options), weighted ? SWeighted(options) : null, Agreement(options.KappaWeights, pooled: false), Agreement(options.PiWeights, pooled: true));

    public readonly double? Score(SimilarityMeasure measure, SimilarityOptions options) => measure switch
    {
        SimilarityMeasure.TauB => TauB(),
        SimilarityMeasure.S => S(options),
        SimilarityMeasure.SWeighted => SWeighted(options),
        SimilarityMeasure.Kappa => Agreement(options.KappaWeights, pooled: false),
        _ => Agreement(options.PiWeights, pooled: true),
    };

    public readonly long Total()
    {
        long n = 0;
        foreach (var c in _counts)
        {
            n += c;
        }

        return n;
    }

    public readonly double? TauB()
    {
        var l = _levels;
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var a = 0; a < l; a++)
        {
            for (var b = 0; b < l; b++)
            {
                var n = _counts[(a * l) + b];
                if (n == 0)
                {
                    continue;
                }

                // Pairs with the other state at a greater x (a2 > a): concordant if its y is greater, discordant if smaller, tied on y if equal.
                for (var a2 = a + 1; a2 < l; a2++)
                {
                    for (var b2 = 0; b2 < l; b2++)
                    {
                        var m = _counts[(a2 * l) + b2];
                        if (b2 > b)
                        {
                            concordant += n * m;
                        }
                        else if (b2 < b)
                        {
                            discordant += n * m;
                        }
                        else
                        {
                            tiedY += n * m;
                        }
                    }
                }

                // Same x, greater y: tied on x only.
                for (var b2 = b + 1; b2 < l; b2++)
                {
                    tiedX += n * _counts[(a * l) + b2];
                }
            }
        }

        return TauB(concordant, discordant, tiedX, tiedY);
    }

    public static double? TauB(long concordant, long discordant, long tiedX, long tiedY)
    {
        var denominator = Math.Sqrt((double)(concordant + discordant + tiedX) * (concordant + discordant + tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : null;
    }

    public readonly double? S(SimilarityOptions options) => S(options, weighted: false);

    public readonly double? SWeighted(SimilarityOptions options) => S(options, weighted: true);

    private readonly double? S(SimilarityOptions options, bool weighted)
    {
        var l = _levels;
        double sum = 0, total = 0;
        for (var a = 0; a < l; a++)
        {
            for (var b = 0; b < l; b++)
            {
                var m = weighted ? _weights[(a * l) + b] : _counts[(a * l) + b];
                var d = Math.Abs(a - b) / options.DMax;
                sum += m * (options.Distance == DistanceMetric.Squared ? d * d : d);
                total += m;
            }
        }

        return total > 0 ? 1 - (2 * sum / total) : null;
    }

    public readonly double? Agreement(AgreementWeights weights, bool pooled)
    {
        var l = _levels;
        var n = (double)Total();
        if (n == 0)
        {
            return null;
        }

        Span<double> px = stackalloc double[l];
        Span<double> py = stackalloc double[l];
        px.Clear();
        py.Clear();
        double observed = 0;
        for (var a = 0; a < l; a++)
        {
            for (var b = 0; b < l; b++)
            {
                var o = _counts[(a * l) + b] / n;
                px[a] += o;
                py[b] += o;
                observed += Delta(a, b, weights, l) * o;
            }
        }

        double expected = 0;
        for (var a = 0; a < l; a++)
        {
            for (var b = 0; b < l; b++)
            {
                var joint = pooled ? (px[a] + py[a]) * (px[b] + py[b]) / 4 : px[a] * py[b];
                expected += Delta(a, b, weights, l) * joint;
            }
        }

        return expected > 0 ? 1 - (observed / expected) : null;
    }

    private static double Delta(int a, int b, AgreementWeights weights, int levels) => weights switch
    {
        AgreementWeights.Nominal => a == b ? 0 : 1,
        AgreementWeights.Linear => Math.Abs(a - b) / (double)(levels - 1),
        _ => (a - b) * (a - b) / (double)((levels - 1) * (levels - 1)),
    };
}
