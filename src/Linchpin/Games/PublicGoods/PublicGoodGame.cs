using MathNet.Numerics.RootFinding;

namespace Linchpin.Games.PublicGoods;

/// <summary>
/// The voluntary-contribution (private provision) game of an alliance: each ally chooses its
/// defence spending as a best response to the others'; the Nash equilibrium is found exactly.
/// </summary>
/// <remarks>
/// <para>
/// Bergstrom, Blume &amp; Varian (1986), "On the Private Provision of Public Goods", <i>J. Public
/// Econ.</i> 29: 25–49; Andreoni &amp; McGuire (1993) for the contributor-set ("sort and add")
/// algorithm; Sandler (1977) for the joint product (see <see cref="Ally"/>).
/// </para>
/// <para>
/// Homothetic preferences (Cobb-Douglas, CES): an ally facing price <c>p</c> chooses <c>c/G = r(p)</c>,
/// so, consistent with a total <c>G</c>, it spends <c>g_i(G) = clamp(w_i/p_i − θ_i G, 0, w_i)</c> with
/// <c>θ_i = r_i(p_i)/p_i</c>. The equilibrium is the unique root of the decreasing, piecewise-linear
/// <c>h(G) = Σ g_i(G) − G</c>; its 2n breakpoints (drop-out level <c>w_i/r_i</c>; the level
/// <c>w_i s_i/r_i</c> below which a joint-product ally spends its whole income) are swept in order,
/// so the solve is exact and O(n log n). For Cobb-Douglas without joint products this is the
/// closed form <c>G* = Σ_C w_i / (1 + Σ_C θ_i)</c> over the contributor set <c>C</c>.
/// </para>
/// <para>
/// Quasi-linear preferences <c>u = c + β ln G</c>: allies are taken in decreasing order of their
/// stand-alone target <c>G°_i = β_i/p_i</c>; each tops the total up to its target within its income.
/// </para>
/// </remarks>
public static class PublicGoodGame
{
    /// <summary>Solves the game exactly.</summary>
    /// <param name="allies">At least one ally; all homothetic (Cobb-Douglas, CES, mixed) or all quasi-linear.</param>
    /// <returns>The unique equilibrium and the Pareto benchmark.</returns>
    /// <exception cref="ArgumentException">No allies, or quasi-linear allies mixed with homothetic ones.</exception>
    public static PublicGoodEquilibrium Solve(IReadOnlyList<Ally> allies)
    {
        var homothetic = CheckFamily(allies);
        if (homothetic)
        {
            // The homothetic game is homogeneous of degree one in incomes. Solving it with incomes
            // scaled by a power of two (exact in floating point) so the largest is about 1 keeps sums
            // of incomes near the largest double (1e308) from overflowing; the answer is scaled back.
            var largest = allies.Max(a => a.Income);
            var exponent = largest > 0 ? Math.ILogB(largest) : 0;
            var scaled = exponent == 0 ? allies : [.. allies.Select(a => a.WithIncome(Math.ScaleB(a.Income, -exponent)))];
            var total = SolveHomothetic(scaled);
            var q = scaled.Select(a => Math.ScaleB(HomotheticContribution(a, total), exponent)).ToArray();
            return new PublicGoodEquilibrium(allies, q, q.Sum(), Math.ScaleB(ParetoTotal(scaled), exponent), false);
        }

        var (contributions, indeterminate) = SolveQuasiLinear(allies);
        return new PublicGoodEquilibrium(allies, contributions, contributions.Sum(), ParetoTotal(allies), indeterminate);
    }

    /// <summary>
    /// Solves the homothetic game by bisection on <c>h(G) = Σ g_i(G) − G</c> over <c>[0, Σ w_i/p_i]</c>
    /// (Bergstrom, Blume &amp; Varian's general characterisation). Slower than <see cref="Solve"/>;
    /// an independent check of it.
    /// </summary>
    /// <param name="allies">At least one ally, all with homothetic preferences.</param>
    /// <exception cref="ArgumentException">No allies, or an ally with quasi-linear preferences.</exception>
    public static PublicGoodEquilibrium SolveByBisection(IReadOnlyList<Ally> allies)
    {
        if (!CheckFamily(allies))
        {
            throw new ArgumentException("bisection needs homothetic preferences", nameof(allies));
        }

        var upper = allies.Sum(a => a.Income / a.Price);
        double total = 0;
        if (upper > 0)
        {
            double H(double g) => allies.Sum(a => HomotheticContribution(a, g)) - g;
            total = Bisection.FindRoot(H, 0, upper, 1e-13 * upper, 200);
        }

        var q = allies.Select(a => HomotheticContribution(a, total)).ToArray();
        return new PublicGoodEquilibrium(allies, q, q.Sum(), ParetoTotal(allies), false);
    }

    /// <summary>
    /// An ally's best response to the others' total spending: the <c>q ∈ [0, w]</c> that maximises
    /// <c>u(w − p q, Q₋ᵢ + q)</c>.
    /// </summary>
    /// <param name="ally">The ally.</param>
    /// <param name="othersTotal">The others' total spending <c>Q₋ᵢ ≥ 0</c>.</param>
    public static double BestResponse(Ally ally, double othersTotal)
    {
        ArgumentNullException.ThrowIfNull(ally);
        var p = ally.Price;
        if (ally.Preference is QuasiLinear ql)
        {
            return Math.Clamp((ql.Beta / p) - othersTotal, 0, ally.Income);
        }

        var r = ally.Preference.ConsumptionRatio(p);
        return Math.Clamp((ally.Income - (r * othersTotal)) / (r + p), 0, ally.Income);
    }

    /// <summary>
    /// The Pareto-optimal provision used as the benchmark: the Lindahl level, where personal prices
    /// <c>τ_i</c> (each ally's marginal willingness to pay) sum to the marginal cost
    /// <c>MRT = 1 − max_i s_i</c> (the Samuelson condition <c>Σ MRS_i = MRT</c>).
    /// </summary>
    /// <remarks>
    /// Cobb-Douglas: <c>G = Σ (1 − α_i) w_i / MRT</c>. Quasi-linear: <c>G = Σ β_i / MRT</c>, capped at
    /// what the alliance can pay, <c>Σ w_i / MRT</c>. CES and mixtures: nested root finding (each
    /// <c>τ_i(G)</c> from the ally's demand, then <c>Σ τ_i(G) = MRT</c>), by Brent's method.
    /// </remarks>
    /// <param name="allies">At least one ally.</param>
    public static double ParetoTotal(IReadOnlyList<Ally> allies)
    {
        var homothetic = CheckFamily(allies);
        var mrt = 1 - allies.Max(a => a.PrivateShare);
        var wealth = allies.Sum(a => a.Income);
        if (!homothetic)
        {
            return Math.Min(allies.Sum(a => ((QuasiLinear)a.Preference).Beta), wealth) / mrt;
        }

        if (allies.All(a => a.Preference is CobbDouglas))
        {
            return allies.Sum(a => (1 - ((CobbDouglas)a.Preference).Alpha) * a.Income) / mrt;
        }

        if (wealth == 0)
        {
            return 0;
        }

        double Excess(double g) => allies.Sum(a => LindahlPrice(a, g)) - mrt;
        var hi = wealth / mrt;
        var lo = hi / 2;
        while (Excess(lo) <= 0 && lo > hi * 1e-300)
        {
            lo /= 2;
        }

        return Excess(hi) >= 0 ? hi : Brent.FindRoot(Excess, lo, hi, 1e-14 * hi, 500);
    }

    private static bool CheckFamily(IReadOnlyList<Ally> allies)
    {
        ArgumentNullException.ThrowIfNull(allies);
        if (allies.Count == 0)
        {
            throw new ArgumentException("the game needs at least one ally", nameof(allies));
        }

        var homothetic = allies[0].Preference.IsHomothetic;
        if (allies.Any(a => a.Preference.IsHomothetic != homothetic))
        {
            throw new ArgumentException("quasi-linear allies cannot be mixed with Cobb-Douglas or CES allies", nameof(allies));
        }

        return homothetic;
    }

    /// <summary>The spending of an ally consistent with a total <paramref name="total"/>: <c>clamp(w/p − θ G, 0, w)</c>.</summary>
    private static double HomotheticContribution(Ally ally, double total)
    {
        var p = ally.Price;
        var theta = ally.Preference.ConsumptionRatio(p) / p;
        return Math.Clamp((ally.Income / p) - (theta * total), 0, ally.Income);
    }

    /// <summary>
    /// Finds the segment between consecutive breakpoints of the decreasing, piecewise-linear
    /// <c>h(G)</c> where it changes sign (binary search, O(n) per evaluation), then solves the linear
    /// piece from sums taken afresh over the regime of that segment.
    /// </summary>
    private static double SolveHomothetic(IReadOnlyList<Ally> allies)
    {
        var levels = new List<double>(2 * allies.Count);
        foreach (var ally in allies.Where(a => a.Income > 0))
        {
            var r = ally.Preference.ConsumptionRatio(ally.Price);
            levels.Add(ally.Income / r);
            if (ally.PrivateShare > 0)
            {
                levels.Add(ally.Income * ally.PrivateShare / r);
            }
        }

        if (levels.Count == 0)
        {
            return 0;
        }

        levels.Sort();
        double H(double g) => allies.Sum(a => HomotheticContribution(a, g)) - g;

        // h(0⁺) > 0 and h(max level) = −max level ≤ 0: find the first level where h ≤ 0.
        int lo = 0, hi = levels.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (H(levels[mid]) <= 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var upper = levels[lo];
        var lower = lo > 0 ? levels[lo - 1] : 0;
        var inside = (lower + upper) / 2;
        double sumA = 0, sumB = 1;
        foreach (var ally in allies.Where(a => a.Income > 0))
        {
            var p = ally.Price;
            var r = ally.Preference.ConsumptionRatio(p);
            var corner = ally.Income * ally.PrivateShare / r;
            if (inside <= corner)
            {
                sumA += ally.Income;
            }
            else if (inside < ally.Income / r)
            {
                sumA += ally.Income / p;
                sumB += r / p;
            }
        }

        return Math.Clamp(sumA / sumB, lower, upper);
    }

    private static (double[] Contributions, bool Indeterminate) SolveQuasiLinear(IReadOnlyList<Ally> allies)
    {
        var n = allies.Count;
        var target = allies.Select(a => ((QuasiLinear)a.Preference).Beta / a.Price).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => target[i]).ThenBy(i => i).ToArray();
        var q = new double[n];
        double total = 0;
        var indeterminate = false;
        var k = 0;
        while (k < n)
        {
            var end = k + 1;
            while (end < n && Math.Abs(target[order[end]] - target[order[k]]) <= 1e-12 * target[order[k]])
            {
                end++;
            }

            var group = order[k..end];
            var capacity = group.Sum(i => allies[i].Income);
            var need = Math.Max(0, target[order[k]] - total);
            var amount = Math.Min(need, capacity);
            if (amount > 0)
            {
                WaterFill(group, amount, allies, q);
                total += amount;
                indeterminate |= group.Count(i => allies[i].Income > 0) > 1 && amount < capacity;
            }

            k = end;
        }

        return (q, indeterminate);
    }

    /// <summary>Splits <paramref name="amount"/> equally among <paramref name="group"/>, capped by each member's income.</summary>
    private static void WaterFill(int[] group, double amount, IReadOnlyList<Ally> allies, double[] q)
    {
        var open = group.OrderBy(i => allies[i].Income).ThenBy(i => i).ToList();
        var left = amount;
        while (open.Count > 0)
        {
            var share = left / open.Count;
            var poorest = open[0];
            if (allies[poorest].Income <= share)
            {
                q[poorest] = allies[poorest].Income;
                left -= allies[poorest].Income;
                open.RemoveAt(0);
                continue;
            }

            foreach (var i in open)
            {
                q[i] = share;
            }

            return;
        }
    }

    /// <summary>The personal price at which an ally's Lindahl demand is exactly <paramref name="total"/>.</summary>
    private static double LindahlPrice(Ally ally, double total)
    {
        if (ally.Income == 0)
        {
            return 0;
        }

        // Demand at personal price τ: G = w / (r(τ) + τ), decreasing in τ; so solve r(τ) + τ = w/G.
        var target = ally.Income / total;
        double F(double tau) => ally.Preference.ConsumptionRatio(tau) + tau - target;
        return F(target) <= 0 ? target : Brent.FindRoot(F, 0, target, 1e-15 * target, 500);
    }
}
