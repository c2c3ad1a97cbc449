using System.Numerics;

namespace Linchpin.Games.CostAllocation;

/// <summary>Whether a coalitional game's numbers are costs to share or values to divide.</summary>
public enum GameKind
{
    /// <summary>A cost game: <c>c(S)</c> is what coalition S would pay alone; the core asks <c>x(S) ≤ c(S)</c>.</summary>
    Cost,

    /// <summary>A value (surplus) game: <c>v(S)</c> is what S can secure alone; the core asks <c>x(S) ≥ v(S)</c>.</summary>
    Value,
}

/// <summary>
/// A transferable-utility coalitional game on n named players. A coalition is a bit mask: bit
/// <c>i</c> set means player <c>i</c> is in it; the grand coalition is <c>2ⁿ − 1</c>.
/// </summary>
public abstract class CoalitionalGame
{
    /// <summary>The most players a game may have (coalitions are 32-bit masks, enumerated exhaustively).</summary>
    public const int MaxPlayers = 30;

    /// <summary>Creates a game on the named players.</summary>
    /// <param name="players">Distinct player names, 1 to <see cref="MaxPlayers"/> of them.</param>
    /// <param name="kind">Cost or value game.</param>
    /// <exception cref="ArgumentException">No players, too many, or repeated names.</exception>
    protected CoalitionalGame(IReadOnlyList<string> players, GameKind kind)
    {
        ArgumentNullException.ThrowIfNull(players);
        if (players.Count is < 1 or > MaxPlayers)
        {
            throw new ArgumentException($"a game needs 1 to {MaxPlayers} players, got {players.Count}", nameof(players));
        }

        if (players.Distinct(StringComparer.Ordinal).Count() != players.Count)
        {
            throw new ArgumentException("player names must be distinct", nameof(players));
        }

        Players = [.. players];
        Kind = kind;
    }

    /// <summary>The player names, in index order.</summary>
    public IReadOnlyList<string> Players { get; }

    /// <summary>Number of players n.</summary>
    public int PlayerCount => Players.Count;

    /// <summary>Cost or value game.</summary>
    public GameKind Kind { get; }

    /// <summary>The grand coalition mask <c>2ⁿ − 1</c>.</summary>
    public int GrandCoalition => (int)((1u << PlayerCount) - 1);

    /// <summary>The worth of the grand coalition: the total to allocate.</summary>
    public double Total => Worth(GrandCoalition);

    /// <summary>The cost or value of a coalition; 0 for the empty coalition.</summary>
    /// <param name="coalition">A coalition mask in <c>[0, 2ⁿ)</c>.</param>
    public abstract double Worth(int coalition);

    /// <summary>
    /// The satisfaction of a coalition with an allocation: <c>c(S) − x(S)</c> in a cost game,
    /// <c>x(S) − v(S)</c> in a value game. The core is where every satisfaction is ≥ 0; the
    /// nucleolus maximises them lexicographically from the smallest up.
    /// </summary>
    /// <param name="coalition">A coalition mask.</param>
    /// <param name="allocation">An allocation, one amount per player.</param>
    public double Satisfaction(int coalition, IReadOnlyList<double> allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var sum = Sum(coalition, allocation);
        return Kind == GameKind.Cost ? Worth(coalition) - sum : sum - Worth(coalition);
    }

    /// <summary><c>x(S)</c>: the allocation summed over a coalition.</summary>
    public static double Sum(int coalition, IReadOnlyList<double> allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        double sum = 0;
        var bits = (uint)coalition;
        while (bits != 0)
        {
            sum += allocation[BitOperations.TrailingZeroCount(bits)];
            bits &= bits - 1;
        }

        return sum;
    }

    /// <summary>Every worth in mask order, <c>[v(0), v(1), …, v(2ⁿ − 1)]</c>.</summary>
    public virtual double[] Tabulate()
    {
        var table = new double[1 << PlayerCount];
        for (var s = 1; s < table.Length; s++)
        {
            table[s] = Worth(s);
        }

        return table;
    }

    /// <summary>The mask of the named players (for building and reading coalitions).</summary>
    /// <exception cref="KeyNotFoundException">A name is not a player.</exception>
    public int Coalition(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var mask = 0;
        foreach (var name in names)
        {
            var index = -1;
            for (var i = 0; i < Players.Count; i++)
            {
                if (string.Equals(Players[i], name, StringComparison.Ordinal))
                {
                    index = i;
                    break;
                }
            }

            mask |= index >= 0 ? 1 << index : throw new KeyNotFoundException($"no player '{name}'");
        }

        return mask;
    }
}

/// <summary>A coalitional game given by a table of all <c>2ⁿ</c> worths.</summary>
public sealed class TabularGame : CoalitionalGame
{
    private readonly double[] _worth;

    /// <summary>Creates a game from its table.</summary>
    /// <param name="players">Player names.</param>
    /// <param name="worth">The worth of every coalition in mask order; <c>worth[0]</c> must be 0; all finite.</param>
    /// <param name="kind">Cost or value game.</param>
    /// <exception cref="ArgumentException">The table has the wrong length, a non-zero empty coalition or a non-finite entry.</exception>
    public TabularGame(IReadOnlyList<string> players, IReadOnlyList<double> worth, GameKind kind)
        : base(players, kind)
    {
        ArgumentNullException.ThrowIfNull(worth);
        if (worth.Count != 1 << PlayerCount)
        {
            throw new ArgumentException($"the table needs 2^{PlayerCount} = {1 << PlayerCount} entries, got {worth.Count}", nameof(worth));
        }

        if (worth[0] != 0 || worth.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("the empty coalition must be worth 0 and every worth must be finite", nameof(worth));
        }

        _worth = [.. worth];
    }

    /// <inheritdoc/>
    public override double Worth(int coalition) => _worth[coalition];

    /// <inheritdoc/>
    public override double[] Tabulate() => (double[])_worth.Clone();

    /// <summary>Whether <c>c(S ∪ T) ≤ c(S) + c(T)</c> (cost) or <c>v(S ∪ T) ≥ v(S) + v(T)</c> (value) for all disjoint S, T: cooperation never hurts.</summary>
    public bool IsCooperative()
    {
        var full = GrandCoalition;
        for (var s = 1; s <= full; s++)
        {
            var rest = full & ~s;
            for (var t = rest; t > 0; t = (t - 1) & rest)
            {
                if (t < s)
                {
                    continue;
                }

                var gain = _worth[s] + _worth[t] - _worth[s | t];
                if (Kind == GameKind.Cost ? gain < -1e-12 * Math.Max(1, Math.Abs(_worth[s | t])) : gain > 1e-12 * Math.Max(1, Math.Abs(_worth[s | t])))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
