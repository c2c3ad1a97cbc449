namespace Linchpin.Games.Bargaining;

/// <summary>Which outside options bind in the alternating-offers equilibrium (Muthoo 1999, Thm 5.1 cases).</summary>
public enum BindingOptions
{
    /// <summary>Case (a): neither option beats the inside share; the Rubinstein split stands.</summary>
    None,

    /// <summary>Case (c): only player 1's option binds; 1 gets exactly its option when responding.</summary>
    Player1,

    /// <summary>Case (b): only player 2's option binds; 2 gets exactly its option when responding.</summary>
    Player2,

    /// <summary>Case (d): both bind.</summary>
    Both,
}

/// <summary>
/// An alternating-offers bargaining problem: two players divide a pie; player 1 proposes first.
/// </summary>
/// <remarks>
/// After each rejection the responder may take its outside option (ending the game); otherwise
/// talks break down exogenously with probability <see cref="Breakdown"/> (both then get their
/// outside options), and with the remaining probability the rejecter proposes next, one period
/// later (discount factors <c>δ₁, δ₂</c>). With a <see cref="Deadline"/> of <c>T</c> rounds, a
/// rejection in round <c>T</c> ends the talks with the outside options.
/// </remarks>
public sealed record BargainingProblem
{
    /// <summary>Creates a problem, checking every parameter.</summary>
    /// <param name="delta1">Player 1's discount factor per round, in [0, 1); 1 is allowed only with a positive breakdown probability.</param>
    /// <param name="delta2">Player 2's discount factor per round, as for <paramref name="delta1"/>.</param>
    /// <param name="pie">The amount to divide, positive.</param>
    /// <param name="outside1">Player 1's outside option (any finite value).</param>
    /// <param name="outside2">Player 2's outside option (any finite value).</param>
    /// <param name="breakdown">The probability that talks break down after a rejection, in [0, 1].</param>
    /// <param name="deadline">The number of rounds before the talks end, or <c>null</c> for no deadline.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public BargainingProblem(double delta1, double delta2, double pie = 1, double outside1 = 0, double outside2 = 0, double breakdown = 0, int? deadline = null)
    {
        Require.UnitInterval(breakdown, nameof(breakdown));
        CheckDelta(delta1, nameof(delta1), breakdown);
        CheckDelta(delta2, nameof(delta2), breakdown);
        Require.Positive(pie, nameof(pie));
        Require.Finite(outside1, nameof(outside1));
        Require.Finite(outside2, nameof(outside2));
        if (deadline is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "must be at least 1 round");
        }

        Delta1 = delta1;
        Delta2 = delta2;
        Pie = pie;
        Outside1 = outside1;
        Outside2 = outside2;
        Breakdown = breakdown;
        Deadline = deadline;
    }

    /// <summary>Player 1's discount factor.</summary>
    public double Delta1 { get; }

    /// <summary>Player 2's discount factor.</summary>
    public double Delta2 { get; }

    /// <summary>The amount to divide.</summary>
    public double Pie { get; }

    /// <summary>Player 1's outside option.</summary>
    public double Outside1 { get; }

    /// <summary>Player 2's outside option.</summary>
    public double Outside2 { get; }

    /// <summary>Probability of exogenous breakdown after each rejection.</summary>
    public double Breakdown { get; }

    /// <summary>Number of rounds, or <c>null</c> for an infinite horizon.</summary>
    public int? Deadline { get; }

    private static void CheckDelta(double delta, string name, double breakdown)
    {
        var ok = breakdown > 0 ? delta >= 0 && delta <= 1 : delta >= 0 && delta < 1;
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, delta, breakdown > 0 ? "must be in [0, 1]" : "must be in [0, 1) (1 is allowed only with a breakdown probability above 0)");
        }
    }
}

/// <summary>The subgame-perfect outcome of an alternating-offers problem.</summary>
/// <param name="Agreement">Whether the players agree (a bargaining set exists: <c>pie &gt; w₁ + w₂</c>).</param>
/// <param name="Amount1">Player 1's payoff (its first proposal is accepted at once; the outside option when there is no agreement).</param>
/// <param name="Amount2">Player 2's payoff.</param>
/// <param name="ProposerShare">Player 1's share <c>x*</c> of the pie when it proposes.</param>
/// <param name="ResponderProposerShare">Player 2's share <c>y*</c> of the pie when it proposes (the other subgame).</param>
/// <param name="Binding">Which outside options bind.</param>
/// <param name="ExpectedDelay">Expected rounds before agreement (0: with complete information the first offer is accepted).</param>
/// <param name="BreakdownProbability">Probability the talks end without agreement (0 or 1 with complete information).</param>
public sealed record BargainingOutcome(
    bool Agreement, double Amount1, double Amount2, double ProposerShare, double ResponderProposerShare,
    BindingOptions Binding, double ExpectedDelay, double BreakdownProbability);

/// <summary>
/// Rubinstein's alternating-offers bargaining with outside options, risk of breakdown and an
/// optional deadline: the subgame-perfect equilibrium, exactly.
/// </summary>
/// <remarks>
/// Rubinstein (1982) <i>Econometrica</i> 50: 97–109; Binmore, Rubinstein &amp; Wolinsky (1986)
/// <i>RAND J. Econ.</i> 17: 176–188 (breakdown risk); Binmore, Shaked &amp; Sutton (1989) and
/// Muthoo (1999, ch. 3–5) (outside options). With a responder's value of rejecting
/// <c>R_i(z) = max(w_i, p w_i + (1 − p) δ_i z)</c>, where <c>z</c> is what <c>i</c> gets as the next
/// proposer, the stationary equilibrium solves <c>x = P − R₂(y)</c>, <c>y = P − R₁(x)</c>; the map is a
/// contraction, so the fixed point is unique, and it is found exactly among the four linear cases.
/// </remarks>
public static class AlternatingOffers
{
    /// <summary>The first proposer's share with discounting only: <c>x* = (1 − δ₂)/(1 − δ₁δ₂)</c>.</summary>
    /// <param name="delta1">Proposer's discount factor in [0, 1).</param>
    /// <param name="delta2">Responder's discount factor in [0, 1).</param>
    public static double RubinsteinShare(double delta1, double delta2) =>
        Solve(new BargainingProblem(delta1, delta2)).ProposerShare;

    /// <summary>
    /// The frequent-offers limit of the first proposer's share when <c>δ_i = e^(−r_i Δ)</c>, <c>Δ → 0</c>:
    /// <c>r₂/(r₁ + r₂)</c>, the asymmetric Nash solution with power <c>τ = r₂/(r₁ + r₂)</c>.
    /// </summary>
    /// <param name="rate1">Player 1's discount rate, positive.</param>
    /// <param name="rate2">Player 2's discount rate, positive.</param>
    public static double FrequentOffersLimit(double rate1, double rate2)
    {
        Require.Positive(rate1, nameof(rate1));
        Require.Positive(rate2, nameof(rate2));
        return rate2 / (rate1 + rate2);
    }

    /// <summary>Solves the problem.</summary>
    /// <param name="problem">The problem.</param>
    public static BargainingOutcome Solve(BargainingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var pie = problem.Pie;
        double w1 = problem.Outside1, w2 = problem.Outside2;
        if (!(pie > w1 + w2))
        {
            return new BargainingOutcome(false, w1, w2, double.NaN, double.NaN, BindingOptions.Both, 0, 1);
        }

        var (x, y, binding) = problem.Deadline is { } rounds ? SolveFinite(problem, rounds) : SolveStationary(problem);
        return new BargainingOutcome(true, x, pie - x, x / pie, y / pie, binding, 0, 0);
    }

    private static double Reject(double outside, double breakdown, double delta, double nextAsProposer) =>
        Math.Max(outside, (breakdown * outside) + ((1 - breakdown) * delta * nextAsProposer));

    private static (double X, double Y, BindingOptions Binding) SolveStationary(BargainingProblem problem)
    {
        var pie = problem.Pie;
        double w1 = problem.Outside1, w2 = problem.Outside2, p = problem.Breakdown;
        double a1 = (1 - p) * problem.Delta1, a2 = (1 - p) * problem.Delta2;
        var scale = Math.Max(Math.Abs(pie), Math.Max(Math.Abs(w1), Math.Abs(w2)));

        // The four linear cases: which of R₁, R₂ sits on its outside-option branch.
        var xa = (pie - (p * w2) - (a2 * (pie - (p * w1)))) / (1 - (a1 * a2));
        var candidates = new (double X, double Y)[]
        {
            (xa, pie - (p * w1) - (a1 * xa)),
            (pie - w2, pie - Reject(w1, p, problem.Delta1, pie - w2)),
            (pie - Reject(w2, p, problem.Delta2, pie - w1), pie - w1),
            (pie - w2, pie - w1),
        };
        foreach (var (x, y) in candidates)
        {
            var xBack = pie - Reject(w2, p, problem.Delta2, y);
            var yBack = pie - Reject(w1, p, problem.Delta1, x);
            if (Math.Abs(xBack - x) <= 1e-12 * scale && Math.Abs(yBack - y) <= 1e-12 * scale)
            {
                return (x, y, Classify(problem, x, y));
            }
        }

        throw new InvalidOperationException("no stationary equilibrium found; the problem violates the contraction condition");
    }

    /// <summary>
    /// Backward induction over <paramref name="rounds"/> rounds (round 1 is player 1's proposal). A
    /// responder's option binds when it beats the value of continuing; in the last round the
    /// responder's only alternative is its outside option.
    /// </summary>
    private static (double X, double Y, BindingOptions Binding) SolveFinite(BargainingProblem problem, int rounds)
    {
        var (x, binds2) = Proposer(problem, rounds, playerOneProposes: true);
        var (y, binds1) = Proposer(problem, rounds, playerOneProposes: false);
        var binding = (binds1, binds2) switch
        {
            (true, true) => BindingOptions.Both,
            (true, false) => BindingOptions.Player1,
            (false, true) => BindingOptions.Player2,
            _ => BindingOptions.None,
        };
        return (x, y, binding);
    }

    /// <summary>The first proposer's amount, and whether the first responder's option binds.</summary>
    private static (double Share, bool ResponderBinds) Proposer(BargainingProblem problem, int rounds, bool playerOneProposes)
    {
        var pie = problem.Pie;
        var p = problem.Breakdown;
        double share = 0;
        var binds = false;
        for (var left = 1; left <= rounds; left++)
        {
            // The proposer alternates so that the first round (left == rounds) is the named proposer's.
            var oneProposes = ((rounds - left) % 2 == 0) == playerOneProposes;
            var (outside, delta) = oneProposes ? (problem.Outside2, problem.Delta2) : (problem.Outside1, problem.Delta1);
            var continuation = left == 1 ? double.NegativeInfinity : (p * outside) + ((1 - p) * delta * share);
            binds = outside > continuation + (1e-12 * Math.Max(1, pie));
            share = pie - Math.Max(outside, continuation);
        }

        return (share, binds);
    }

    private static BindingOptions Classify(BargainingProblem problem, double x, double y)
    {
        var p = problem.Breakdown;
        var scale = 1e-12 * Math.Max(1, problem.Pie);
        var binds1 = problem.Outside1 > (p * problem.Outside1) + ((1 - p) * problem.Delta1 * x) + scale;
        var binds2 = problem.Outside2 > (p * problem.Outside2) + ((1 - p) * problem.Delta2 * y) + scale;
        return (binds1, binds2) switch
        {
            (true, true) => BindingOptions.Both,
            (true, false) => BindingOptions.Player1,
            (false, true) => BindingOptions.Player2,
            _ => BindingOptions.None,
        };
    }
}
