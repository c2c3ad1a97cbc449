namespace Linchpin.Games.Bargaining;

/// <summary>The (asymmetric) Nash bargaining solution of a transferable-utility problem.</summary>
/// <param name="Pie">The amount to divide.</param>
/// <param name="Disagreement1">Player 1's disagreement payoff <c>d₁</c>.</param>
/// <param name="Disagreement2">Player 2's disagreement payoff <c>d₂</c>.</param>
/// <param name="Power1">Player 1's bargaining power <c>τ ∈ (0, 1)</c>.</param>
/// <param name="Agreement">Whether a bargaining set exists (<c>pie ≥ d₁ + d₂</c>); if not, each keeps its disagreement payoff.</param>
/// <param name="Payoff1">Player 1's payoff <c>u₁ = d₁ + τ (pie − d₁ − d₂)</c>.</param>
/// <param name="Payoff2">Player 2's payoff <c>u₂ = d₂ + (1 − τ)(pie − d₁ − d₂)</c>.</param>
public sealed record NashBargainingSolution(
    double Pie, double Disagreement1, double Disagreement2, double Power1, bool Agreement, double Payoff1, double Payoff2)
{
    /// <summary>The gains from agreement <c>pie − d₁ − d₂</c> (negative when there is no bargaining set).</summary>
    public double Surplus => Pie - Disagreement1 - Disagreement2;

    /// <summary>Player 1's payoff as a share of the pie.</summary>
    public double Share1 => Payoff1 / Pie;

    /// <summary>Player 2's payoff as a share of the pie.</summary>
    public double Share2 => Payoff2 / Pie;
}

/// <summary>
/// The Nash (1950) bargaining solution, symmetric or asymmetric: maximise
/// <c>(u₁ − d₁)^τ (u₂ − d₂)^(1−τ)</c> over the feasible set with <c>u ≥ d</c>.
/// </summary>
/// <remarks>
/// Nash, J. (1950), "The Bargaining Problem", <i>Econometrica</i> 18: 155–162. With transferable
/// utility the maximiser splits the surplus in proportion to the powers. Binmore, Rubinstein &amp;
/// Wolinsky (1986): the disagreement point is the impasse point, not the outside options.
/// </remarks>
public static class NashBargaining
{
    /// <summary>Solves the transferable-utility problem.</summary>
    /// <param name="pie">The amount to divide (positive).</param>
    /// <param name="disagreement1">Player 1's disagreement payoff.</param>
    /// <param name="disagreement2">Player 2's disagreement payoff.</param>
    /// <param name="power1">Player 1's bargaining power <c>τ</c>, strictly between 0 and 1 (½ is symmetric Nash).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static NashBargainingSolution Solve(double pie, double disagreement1, double disagreement2, double power1 = 0.5)
    {
        Require.Positive(pie, nameof(pie));
        Require.Finite(disagreement1, nameof(disagreement1));
        Require.Finite(disagreement2, nameof(disagreement2));
        Require.OpenUnit(power1, nameof(power1));
        var surplus = pie - disagreement1 - disagreement2;
        return surplus < 0
            ? new NashBargainingSolution(pie, disagreement1, disagreement2, power1, false, disagreement1, disagreement2)
            : new NashBargainingSolution(pie, disagreement1, disagreement2, power1, true, disagreement1 + (power1 * surplus), disagreement2 + ((1 - power1) * surplus));
    }

    /// <summary>
    /// The Nash transfer from host to patron in a host-nation cost-sharing deal:
    /// <c>T* = τ g_H − (1 − τ) g_P</c>, where <c>g_P</c> and <c>g_H</c> are the parties' gains from
    /// agreement before any transfer and <c>τ</c> is the patron's power. <c>null</c> when
    /// <c>g_P + g_H &lt; 0</c>: no bargaining set, no deal.
    /// </summary>
    /// <param name="patronGain">Patron's gain before transfer, <c>g_P = V_P − K − d_P</c>.</param>
    /// <param name="hostGain">Host's gain before transfer, <c>g_H = V_H − d_H</c>.</param>
    /// <param name="patronPower">Patron's bargaining power, strictly between 0 and 1.</param>
    public static double? Transfer(double patronGain, double hostGain, double patronPower = 0.5)
    {
        Require.Finite(patronGain, nameof(patronGain));
        Require.Finite(hostGain, nameof(hostGain));
        Require.OpenUnit(patronPower, nameof(patronPower));
        return patronGain + hostGain < 0 ? null : (patronPower * hostGain) - ((1 - patronPower) * patronGain);
    }

    /// <summary>
    /// The Nash solution on a non-linear Pareto frontier <c>u₂ = frontier(u₁)</c> (decreasing and
    /// concave), by golden-section search on <c>u₁ ∈ [d₁, u₁max]</c>; accurate to about 1e−8 relative, the
    /// limit of a search that compares function values near a smooth maximum.
    /// </summary>
    /// <param name="frontier">Player 2's best payoff given player 1's.</param>
    /// <param name="maxPayoff1">The largest feasible <c>u₁</c>.</param>
    /// <param name="disagreement1">Player 1's disagreement payoff.</param>
    /// <param name="disagreement2">Player 2's disagreement payoff.</param>
    /// <param name="power1">Player 1's bargaining power, strictly between 0 and 1.</param>
    /// <returns>The payoffs <c>(u₁, u₂)</c>, or <c>null</c> when no frontier point gives both at least their disagreement payoff.</returns>
    public static (double Payoff1, double Payoff2)? SolveOnFrontier(
        Func<double, double> frontier, double maxPayoff1, double disagreement1, double disagreement2, double power1 = 0.5)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        Require.OpenUnit(power1, nameof(power1));
        if (!(maxPayoff1 > disagreement1) || frontier(disagreement1) < disagreement2)
        {
            return null;
        }

        double LogProduct(double u1)
        {
            var gain2 = frontier(u1) - disagreement2;
            var gain1 = u1 - disagreement1;
            return gain1 <= 0 || gain2 <= 0 ? double.NegativeInfinity : (power1 * Math.Log(gain1)) + ((1 - power1) * Math.Log(gain2));
        }

        var ratio = (Math.Sqrt(5) - 1) / 2;
        double lo = disagreement1, hi = maxPayoff1;
        var a = hi - (ratio * (hi - lo));
        var b = lo + (ratio * (hi - lo));
        double fa = LogProduct(a), fb = LogProduct(b);
        for (var i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(hi)); i++)
        {
            if (fa < fb)
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (ratio * (hi - lo));
                fb = LogProduct(b);
            }
            else
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (ratio * (hi - lo));
                fa = LogProduct(a);
            }
        }

        var u = (lo + hi) / 2;
        return (u, frontier(u));
    }
}
