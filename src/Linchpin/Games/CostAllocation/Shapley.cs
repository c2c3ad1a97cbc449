using System.Numerics;

namespace Linchpin.Games.CostAllocation;

/// <summary>A Monte Carlo estimate of the Shapley value.</summary>
/// <param name="Values">The estimate, one per player.</param>
/// <param name="StandardErrors">The standard error of each estimate (sample standard deviation of the marginal contributions over √permutations).</param>
/// <param name="Permutations">The number of random orders sampled.</param>
public sealed record ShapleyEstimate(IReadOnlyList<double> Values, IReadOnlyList<double> StandardErrors, int Permutations);

/// <summary>
/// The Shapley (1953) value: each player's average marginal contribution over all orders of
/// arrival, <c>φ_i = Σ_{S ⊆ N∖i} |S|!(n − |S| − 1)!/n! · [v(S ∪ i) − v(S)]</c>.
/// </summary>
public static class Shapley
{
    /// <summary>The most players for exact enumeration (2ⁿ coalitions, n·2ⁿ marginal contributions).</summary>
    public const int MaxExactPlayers = 25;

    /// <summary>The exact value by enumerating every coalition once. O(n 2ⁿ) time.</summary>
    /// <param name="game">A game with at most <see cref="MaxExactPlayers"/> players.</param>
    /// <exception cref="ArgumentException">The game has too many players.</exception>
    public static IReadOnlyList<double> Exact(CoalitionalGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        var n = game.PlayerCount;
        if (n > MaxExactPlayers)
        {
            throw new ArgumentException($"exact Shapley enumerates 2^n coalitions: at most {MaxExactPlayers} players (use MonteCarlo), got {n}", nameof(game));
        }

        // weight[s] = s!(n − s − 1)!/n!, built by the ratio weight[s+1]/weight[s] = (s + 1)/(n − s − 1).
        var weight = new double[n];
        weight[0] = 1.0 / n;
        for (var s = 0; s < n - 1; s++)
        {
            weight[s + 1] = weight[s] * (s + 1) / (n - s - 1);
        }

        var table = n <= 22 ? game.Tabulate() : null;
        var phi = new double[n];
        var compensation = new double[n];
        var count = 1 << n;
        for (var s = 0; s < count; s++)
        {
            var size = BitOperations.PopCount((uint)s);
            if (size == n)
            {
                continue;
            }

            var without = table is null ? game.Worth(s) : table[s];
            var w = weight[size];
            var outside = (uint)(~s & (count - 1));
            while (outside != 0)
            {
                var i = BitOperations.TrailingZeroCount(outside);
                outside &= outside - 1;
                var with = table is null ? game.Worth(s | (1 << i)) : table[s | (1 << i)];

                // Neumaier-compensated sum: 2ⁿ terms would otherwise lose digits.
                var term = w * (with - without);
                var t = phi[i] + term;
                compensation[i] += Math.Abs(phi[i]) >= Math.Abs(term) ? (phi[i] - t) + term : (term - t) + phi[i];
                phi[i] = t;
            }
        }

        for (var i = 0; i < n; i++)
        {
            phi[i] += compensation[i];
        }

        return phi;
    }

    /// <summary>
    /// An estimate by sampling random orders of arrival (Castro, Gómez &amp; Tejada 2009): each order
    /// gives every player one marginal contribution; the estimate is their mean, with its standard error.
    /// </summary>
    /// <param name="game">The game.</param>
    /// <param name="permutations">Number of random orders, at least 2.</param>
    /// <param name="random">The random source (seed it for a reproducible estimate).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is below 2.</exception>
    public static ShapleyEstimate MonteCarlo(CoalitionalGame game, int permutations, Random random)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 2);
        var n = game.PlayerCount;
        var order = Enumerable.Range(0, n).ToArray();
        var mean = new double[n];
        var m2 = new double[n];
        for (var k = 1; k <= permutations; k++)
        {
            random.Shuffle(order);
            var coalition = 0;
            double before = 0;
            foreach (var i in order)
            {
                coalition |= 1 << i;
                var after = game.Worth(coalition);
                var marginal = after - before;
                before = after;

                // Welford's running mean and sum of squared deviations.
                var delta = marginal - mean[i];
                mean[i] += delta / k;
                m2[i] += delta * (marginal - mean[i]);
            }
        }

        var errors = m2.Select(s => Math.Sqrt(s / (permutations - 1) / permutations)).ToArray();
        return new ShapleyEstimate(mean, errors, permutations);
    }
}
