using System.Numerics;

namespace Linchpin.Games.CostAllocation;

/// <summary>
/// The airport game (Littlechild &amp; Owen 1973): each player needs a runway of some length, and
/// a coalition pays for the longest runway any member needs, <c>c(S) = max_{i∈S} C_i</c>. It models
/// shared infrastructure sized by the most demanding ally (an air-defence umbrella, common
/// funding of a base).
/// </summary>
public sealed class AirportGame : CoalitionalGame
{
    private readonly double[] _costs;

    /// <summary>Creates an airport game.</summary>
    /// <param name="players">Player names.</param>
    /// <param name="costs">Each player's own cost <c>C_i ≥ 0</c>, in player order.</param>
    /// <exception cref="ArgumentException">Costs and players differ in number, or a cost is negative or not finite.</exception>
    public AirportGame(IReadOnlyList<string> players, IReadOnlyList<double> costs)
        : base(players, GameKind.Cost)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count != PlayerCount)
        {
            throw new ArgumentException($"one cost per player: {PlayerCount} players, {costs.Count} costs", nameof(costs));
        }

        if (costs.Any(c => !(c >= 0) || !double.IsFinite(c)))
        {
            throw new ArgumentException("costs must be finite and zero or more", nameof(costs));
        }

        _costs = [.. costs];
    }

    /// <summary>Each player's own cost.</summary>
    public IReadOnlyList<double> Costs => _costs;

    /// <inheritdoc/>
    public override double Worth(int coalition)
    {
        double max = 0;
        var bits = (uint)coalition;
        while (bits != 0)
        {
            max = Math.Max(max, _costs[BitOperations.TrailingZeroCount(bits)]);
            bits &= bits - 1;
        }

        return max;
    }

    /// <inheritdoc/>
    public override double[] Tabulate()
    {
        // c(S) = max(c(S without its lowest player), C_lowest): one pass over the masks.
        var table = new double[1 << PlayerCount];
        for (var s = 1; s < table.Length; s++)
        {
            var low = BitOperations.TrailingZeroCount((uint)s);
            table[s] = Math.Max(table[s & (s - 1)], _costs[low]);
        }

        return table;
    }

    /// <summary>
    /// The Shapley value in closed form (Littlechild &amp; Owen 1973): with distinct costs
    /// <c>C_1 &lt; … &lt; C_m</c> (<c>C_0 = 0</c>) and <c>n_k</c> players of type <c>k</c>, a player of type
    /// <c>j</c> pays <c>Σ_{k≤j} (C_k − C_{k−1}) / Σ_{r≥k} n_r</c>: each runway segment is split equally
    /// among all who need it. O(n log n).
    /// </summary>
    public IReadOnlyList<double> ShapleyValue()
    {
        var (levels, counts, typeOf) = Types();
        var perType = new double[levels.Length];
        var remaining = _costs.Length;
        double previous = 0, running = 0;
        for (var k = 0; k < levels.Length; k++)
        {
            running += (levels[k] - previous) / remaining;
            perType[k] = running;
            previous = levels[k];
            remaining -= counts[k];
        }

        return [.. typeOf.Select(t => perType[t])];
    }

    /// <summary>
    /// The nucleolus in closed form (Littlechild 1974), as the successive-minimum algorithm: the
    /// cheapest types pay the smallest per-player amount <c>α₁ = min_k (C_k − A)/(N_k + 1)</c> that
    /// keeps every coalition of them at least as satisfied as the rest, until the remaining cost is
    /// shared equally (<c>α₂</c>).
    /// </summary>
    public IReadOnlyList<double> Nucleolus()
    {
        var (levels, counts, typeOf) = Types();
        var m = levels.Length;
        var perType = new double[m];
        double assigned = 0;
        var start = 0;
        while (start < m - 1)
        {
            double best = double.PositiveInfinity;
            var argBest = -1;
            var cumulative = 0;
            for (var k = start; k < m - 1; k++)
            {
                cumulative += counts[k];
                var alpha = (levels[k] - assigned) / (cumulative + 1);
                if (alpha < best)
                {
                    best = alpha;
                    argBest = k;
                }
            }

            var rest = 0;
            for (var t = start; t < m; t++)
            {
                rest += counts[t];
            }

            var alpha2 = (levels[m - 1] - assigned) / rest;
            if (alpha2 <= best)
            {
                for (var t = start; t < m; t++)
                {
                    perType[t] = alpha2;
                }

                return [.. typeOf.Select(t => perType[t])];
            }

            for (var t = start; t <= argBest; t++)
            {
                perType[t] = best;
                assigned += best * counts[t];
            }

            start = argBest + 1;
        }

        perType[m - 1] = (levels[m - 1] - assigned) / counts[m - 1];
        return [.. typeOf.Select(t => perType[t])];
    }

    /// <summary>Distinct cost levels ascending, the number of players at each, and each player's type.</summary>
    private (double[] Levels, int[] Counts, int[] TypeOf) Types()
    {
        var levels = _costs.Distinct().Order().ToArray();
        var counts = new int[levels.Length];
        var typeOf = new int[_costs.Length];
        for (var i = 0; i < _costs.Length; i++)
        {
            typeOf[i] = Array.BinarySearch(levels, _costs[i]);
            counts[typeOf[i]]++;
        }

        return (levels, counts, typeOf);
    }
}
