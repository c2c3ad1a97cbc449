using MathNet.Numerics.LinearAlgebra;

namespace Linchpin.Games.CostAllocation;

/// <summary>The nucleolus and the least core found on the way.</summary>
/// <param name="Allocation">The nucleolus, one amount per player.</param>
/// <param name="LeastCoreEpsilon">
/// The largest <c>ε</c> such that some efficient allocation gives every proper coalition a
/// satisfaction of at least <c>ε</c>; the core is non-empty exactly when it is ≥ 0.
/// </param>
/// <param name="Levels">The satisfaction level fixed at each round (increasing).</param>
public sealed record NucleolusResult(IReadOnlyList<double> Allocation, double LeastCoreEpsilon, IReadOnlyList<double> Levels)
{
    /// <summary>Whether the core is non-empty (the least-core <c>ε</c> is ≥ 0 within tolerance).</summary>
    public bool CoreNonEmpty => LeastCoreEpsilon >= -Core.Tolerance * Math.Max(1, Allocation.Sum(Math.Abs));
}

/// <summary>
/// The nucleolus (Schmeidler 1969): the efficient allocation that lexicographically maximises the
/// sorted vector of coalition satisfactions (in a value game, minimises the largest excesses).
/// </summary>
/// <remarks>
/// A sequence of linear programmes (Kopelowitz 1967; Maschler, Peleg &amp; Shapley 1979): at each
/// round maximise <c>ε</c> subject to <c>sat(S, x) ≥ ε</c> for the coalitions not yet fixed,
/// <c>sat(S, x) = ε_j</c> for those fixed at earlier rounds, and <c>x(N) = v(N)</c>. The coalitions
/// with a positive dual price are tight in every optimum and are fixed at <c>ε</c>; a coalition
/// whose incidence vector lies in the span of the fixed ones has a determined satisfaction and is
/// dropped. Each round raises the rank of the fixed set, so at most n programmes are solved. Each
/// is solved through its dual (n + 1 rows, one column per coalition) by a dense simplex.
/// </remarks>
public static class Nucleolus
{
    /// <summary>The most players for the general algorithm (the programmes have 2ⁿ columns).</summary>
    public const int MaxPlayers = 16;

    /// <summary>Computes the nucleolus.</summary>
    /// <param name="game">A game with at most <see cref="MaxPlayers"/> players.</param>
    /// <exception cref="ArgumentException">The game has too many players.</exception>
    public static NucleolusResult Compute(CoalitionalGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var n = game.PlayerCount;
        if (n > MaxPlayers)
        {
            throw new ArgumentException($"the nucleolus programmes have 2^n columns: at most {MaxPlayers} players, got {n}", nameof(game));
        }

        if (n == 1)
        {
            return new NucleolusResult([game.Total], 0, []);
        }

        var worth = game.Tabulate();
        var scale = Math.Max(1, worth.Max(Math.Abs));
        var sigma = game.Kind == GameKind.Cost ? 1.0 : -1.0;
        var full = game.GrandCoalition;
        var span = new Span(n);
        span.Add(full);
        var fixedCoalitions = new List<(int Mask, double Level)>();
        var free = Enumerable.Range(1, full - 1).ToList();
        var levels = new List<double>();
        double[]? x = null;
        while (span.Rank < n)
        {
            free.RemoveAll(span.Contains);
            var solution = SolveRound(n, worth, scale, sigma, full, free, fixedCoalitions)
                ?? throw new InvalidOperationException("a nucleolus programme had no optimum");
            x = solution.X;
            var epsilon = solution.Epsilon;
            levels.Add(epsilon * scale);
            var added = false;
            for (var k = 0; k < free.Count; k++)
            {
                if (solution.Duals[k] > 1e-9 && span.Add(free[k]))
                {
                    fixedCoalitions.Add((free[k], epsilon));
                    added = true;
                }
            }

            if (!added)
            {
                throw new InvalidOperationException("a nucleolus round fixed no coalition");
            }
        }

        // With n independent equations x(S) = v(S) − σ ε_S, the allocation is determined: solve them exactly.
        var rows = new List<double[]> { Incidence(full, n) };
        var rhs = new List<double> { worth[full] / scale };
        foreach (var (mask, level) in fixedCoalitions)
        {
            rows.Add(Incidence(mask, n));
            rhs.Add((worth[mask] / scale) - (sigma * level));
        }

        var a = Matrix<double>.Build.DenseOfRowArrays(rows);
        var b = Vector<double>.Build.DenseOfEnumerable(rhs);
        var allocation = a.Solve(b).ToArray();
        if (allocation.Any(v => !double.IsFinite(v)) && x is not null)
        {
            allocation = x;
        }

        return new NucleolusResult([.. allocation.Select(v => v * scale)], levels.Count > 0 ? levels[0] : 0, levels);
    }

    private static double[] Incidence(int mask, int n)
    {
        var row = new double[n];
        for (var i = 0; i < n; i++)
        {
            row[i] = (mask >> i) & 1;
        }

        return row;
    }

    /// <summary>One round, through the dual: min Σ σ v(S) u_S + … s.t. Σ u_S (σ 1_S, 1) + Σ w_E (a_E, 0) = (0, 1).</summary>
    private static (double[] X, double Epsilon, double[] Duals)? SolveRound(
        int n, double[] worth, double scale, double sigma, int full, List<int> free, List<(int Mask, double Level)> fixedCoalitions)
    {
        var equalities = new List<(int Mask, double Rhs)> { (full, worth[full] / scale) };
        equalities.AddRange(fixedCoalitions.Select(f => (f.Mask, (sigma * worth[f.Mask] / scale) - f.Level)));
        var columns = free.Count + (2 * equalities.Count);
        var matrix = new double[n + 1][];
        for (var r = 0; r <= n; r++)
        {
            matrix[r] = new double[columns];
        }

        var cost = new double[columns];
        for (var k = 0; k < free.Count; k++)
        {
            var mask = free[k];
            for (var i = 0; i < n; i++)
            {
                matrix[i][k] = sigma * ((mask >> i) & 1);
            }

            matrix[n][k] = 1;
            cost[k] = sigma * worth[mask] / scale;
        }

        for (var e = 0; e < equalities.Count; e++)
        {
            var (mask, rhs) = equalities[e];

            // The grand coalition's row is x(N) = v(N); a fixed coalition's is σ x(S) = σ v(S) − ε_S.
            var coefficient = e == 0 ? 1.0 : sigma;
            var plus = free.Count + (2 * e);
            for (var i = 0; i < n; i++)
            {
                var a = coefficient * ((mask >> i) & 1);
                matrix[i][plus] = a;
                matrix[i][plus + 1] = -a;
            }

            cost[plus] = rhs;
            cost[plus + 1] = -rhs;
        }

        var target = new double[n + 1];
        target[n] = 1;
        var solved = StandardFormLp.Solve(matrix, target, cost);
        if (solved is not { } s)
        {
            return null;
        }

        return (s.Pi[..n], s.Pi[n], s.Y[..free.Count]);
    }

    /// <summary>The span of coalition incidence vectors, kept in echelon form.</summary>
    private sealed class Span(int n)
    {
        private readonly List<(double[] Row, int Pivot)> _rows = [];

        public int Rank => _rows.Count;

        public bool Contains(int mask) => Residual(mask).Max(Math.Abs) <= 1e-9;

        /// <summary>Adds a coalition; false when it is already in the span.</summary>
        public bool Add(int mask)
        {
            var residual = Residual(mask);
            var pivot = 0;
            for (var i = 1; i < n; i++)
            {
                if (Math.Abs(residual[i]) > Math.Abs(residual[pivot]))
                {
                    pivot = i;
                }
            }

            if (Math.Abs(residual[pivot]) <= 1e-9)
            {
                return false;
            }

            var p = residual[pivot];
            for (var i = 0; i < n; i++)
            {
                residual[i] /= p;
            }

            _rows.Add((residual, pivot));
            return true;
        }

        private double[] Residual(int mask)
        {
            var v = Incidence(mask, n);
            foreach (var (row, pivot) in _rows)
            {
                var f = v[pivot];
                if (f != 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        v[i] -= f * row[i];
                    }
                }
            }

            return v;
        }
    }
}
