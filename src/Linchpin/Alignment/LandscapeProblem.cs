namespace Linchpin.Alignment;

/// <summary>
/// The inputs of the landscape theory of aggregation (Axelrod and Bennett 1993): actors with sizes
/// s_i &gt; 0 and symmetric pairwise propensities p_ij (positive: a tendency to be on the same
/// side; negative: to be apart; the diagonal is ignored).
/// </summary>
/// <remarks>
/// Axelrod, Robert and D. Scott Bennett. 1993. "A Landscape Theory of Aggregation." British Journal
/// of Political Science 23(2): 211–233. Built only through <see cref="Create"/>, which rejects an
/// asymmetric matrix rather than symmetrising it silently.
/// </remarks>
public sealed class LandscapeProblem
{
    private readonly double[] _propensity;

    private LandscapeProblem(string[] names, double[] sizes, double[] propensity)
    {
        Names = names;
        Sizes = sizes;
        _propensity = propensity;
        var n = names.Length;
        var weights = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                weights[(i * n) + j] = i == j ? 0 : sizes[i] * sizes[j] * propensity[(i * n) + j];
            }
        }

        Weights = weights;
    }

    /// <summary>The actors' names, in input order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The actors' sizes s_i &gt; 0.</summary>
    public IReadOnlyList<double> Sizes { get; }

    /// <summary>The number of actors n.</summary>
    public int Count => Names.Count;

    /// <summary>W_ij = s_i s_j p_ij (0 on the diagonal), row-major n × n.</summary>
    internal double[] Weights { get; }

    /// <summary>The propensity p_ij (0 on the diagonal).</summary>
    public double Propensity(int i, int j) => i == j ? 0 : _propensity[(i * Count) + j];

    /// <summary>Builds and checks a problem.</summary>
    /// <param name="names">Distinct, non-empty actor names (at least one).</param>
    /// <param name="sizes">One size per actor, finite and &gt; 0.</param>
    /// <param name="propensity">Row-major n × n propensities, finite and symmetric (the diagonal is ignored).</param>
    /// <exception cref="ArgumentException">A name is empty or repeated, the lengths disagree, or the matrix is not symmetric.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or a value is not finite.</exception>
    public static LandscapeProblem Create(IReadOnlyList<string> names, IReadOnlyList<double> sizes, IReadOnlyList<double> propensity)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(propensity);
        var n = names.Count;
        if (n == 0)
        {
            throw new ArgumentException("a landscape needs at least one actor", nameof(names));
        }

        if (sizes.Count != n || propensity.Count != n * n)
        {
            throw new ArgumentException($"{n} actors need {n} sizes and {n * n} propensities, got {sizes.Count} and {propensity.Count}", nameof(propensity));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException(string.IsNullOrWhiteSpace(name) ? "an actor has no name" : $"actor '{name}' appears twice", nameof(names));
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!(sizes[i] > 0) || !double.IsFinite(sizes[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(sizes), sizes[i], $"the size of '{names[i]}' must be positive");
            }
        }

        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var p = propensity[(i * n) + j];
                if (i == j)
                {
                    continue;
                }

                if (!double.IsFinite(p))
                {
                    throw new ArgumentOutOfRangeException(nameof(propensity), p, $"the propensity of '{names[i]}' and '{names[j]}' must be finite");
                }

                if (p != propensity[(j * n) + i])
                {
                    throw new ArgumentException($"propensities must be symmetric: '{names[i]},{names[j]}' is {p} but '{names[j]},{names[i]}' is {propensity[(j * n) + i]}", nameof(propensity));
                }

                matrix[(i * n) + j] = p;
            }
        }

        // Every energy is a sum of terms s_i s_j p_ij: if the sum of their sizes is finite, so is every energy.
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                scale += Math.Abs(sizes[i] * sizes[j] * matrix[(i * n) + j]);
            }
        }

        if (!double.IsFinite(scale))
        {
            throw new ArgumentException("the sizes and propensities are too large: the energy (a sum of size × size × propensity) overflows a double; rescale the sizes", nameof(sizes));
        }

        return new LandscapeProblem([.. names], [.. sizes], matrix);
    }
}
