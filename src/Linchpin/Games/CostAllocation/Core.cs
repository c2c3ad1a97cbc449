namespace Linchpin.Games.CostAllocation;

/// <summary>Whether an allocation is in the core, and the coalition it treats worst.</summary>
/// <param name="InCore">Efficient and no coalition would do better alone (within the tolerance).</param>
/// <param name="Efficient">Whether the allocation sums to the grand coalition's worth.</param>
/// <param name="MinimumSatisfaction">The smallest satisfaction over proper coalitions (negative: that coalition objects).</param>
/// <param name="WorstCoalition">A coalition with the smallest satisfaction (mask).</param>
public sealed record CoreCheck(bool InCore, bool Efficient, double MinimumSatisfaction, int WorstCoalition);

/// <summary>The core: efficient allocations that no coalition can improve on alone (<c>x(S) ≤ c(S)</c> for costs, <c>x(S) ≥ v(S)</c> for values).</summary>
public static class Core
{
    /// <summary>Relative tolerance for the core and efficiency tests.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Tests an allocation against every proper coalition. O(n 2ⁿ).</summary>
    /// <param name="game">The game (at most <see cref="Shapley.MaxExactPlayers"/> players).</param>
    /// <param name="allocation">One amount per player.</param>
    /// <exception cref="ArgumentException">Wrong number of amounts, or too many players.</exception>
    public static CoreCheck Check(CoalitionalGame game, IReadOnlyList<double> allocation)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(allocation);
        if (allocation.Count != game.PlayerCount)
        {
            throw new ArgumentException($"one amount per player: {game.PlayerCount} players, {allocation.Count} amounts", nameof(allocation));
        }

        if (game.PlayerCount > Shapley.MaxExactPlayers)
        {
            throw new ArgumentException($"the core test enumerates 2^n coalitions: at most {Shapley.MaxExactPlayers} players", nameof(game));
        }

        var scale = Math.Max(1, Math.Abs(game.Total));
        var efficient = Math.Abs(allocation.Sum() - game.Total) <= Tolerance * scale;
        var worst = double.PositiveInfinity;
        var worstCoalition = 0;
        for (var s = 1; s < game.GrandCoalition; s++)
        {
            var satisfaction = game.Satisfaction(s, allocation);
            if (satisfaction < worst)
            {
                worst = satisfaction;
                worstCoalition = s;
            }
        }

        if (game.PlayerCount == 1)
        {
            worst = 0;
        }

        return new CoreCheck(efficient && worst >= -Tolerance * scale, efficient, worst, worstCoalition);
    }
}
