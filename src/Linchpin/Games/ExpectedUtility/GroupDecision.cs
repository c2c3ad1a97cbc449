namespace Linchpin.Games.ExpectedUtility;

/// <summary>One actor of a group decision on a single issue.</summary>
/// <param name="Name">The actor's name.</param>
/// <param name="Capability">Capability c ≥ 0 (clout; often normalised to sum to 1, but any scale gives the same result).</param>
/// <param name="Position">Position x on the issue dimension (any real scale).</param>
/// <param name="Salience">Salience s in [0, 1]: how much the issue matters to the actor, and the probability it resists a challenge.</param>
public sealed record DecisionActor(string Name, double Capability, double Position, double Salience)
{
    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Capability negative, salience outside [0, 1], or a value not finite.</exception>
    public DecisionActor Validated()
    {
        if (!(Capability >= 0) || !double.IsFinite(Capability))
        {
            throw new ArgumentOutOfRangeException(nameof(Capability), Capability, "capability must be zero or positive");
        }

        if (!(Salience is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Salience), Salience, "salience must lie in [0, 1]");
        }

        return double.IsFinite(Position) ? this : throw new ArgumentOutOfRangeException(nameof(Position), Position, "position must be a finite number");
    }
}

/// <summary>The status-quo parameters and the stopping rule of a group decision.</summary>
/// <param name="Q">Probability Q in [0, 1] that the status quo persists if i does not challenge (Scholz et al. and the replications use 1).</param>
/// <param name="T">Probability T in [0, 1] that, if the status quo does not persist, it moves toward i (used only when Q &lt; 1).</param>
/// <param name="Rounds">The most rounds to play (≥ 0).</param>
/// <param name="Tolerance">Stop when no position moves by more than this share of the issue range (≥ 0).</param>
public sealed record DecisionOptions(double Q = 1, double T = 1, int Rounds = 10, double Tolerance = 1e-9)
{
    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Q or T outside [0, 1], a negative number of rounds or a negative tolerance.</exception>
    public DecisionOptions Validated()
    {
        if (!(Q is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Q), Q, "Q must lie in [0, 1]");
        }

        if (!(T is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(T), T, "T must lie in [0, 1]");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Rounds);
        return Tolerance >= 0 ? this : throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "the tolerance cannot be negative");
    }
}

/// <summary>How an actor's position changed in a round.</summary>
public enum OfferKind
{
    /// <summary>No credible offer: the actor stays.</summary>
    None,

    /// <summary>Conflict that the actor expects to lose (E_j &gt; E_i &gt; 0): it moves to the other's position.</summary>
    Conflict,

    /// <summary>Compromise (E_j &gt; 0 &gt; E_i, |E_i| &lt; E_j): it moves the share |E_i / E_j| of the way.</summary>
    Compromise,

    /// <summary>Capitulation (E_j &gt; 0 &gt; E_i, |E_i| &gt; E_j): it moves to the other's position.</summary>
    Capitulation,
}

/// <summary>The median-voter (Condorcet) forecast of a set of positions.</summary>
/// <param name="Position">The position that beats every other in pairwise votes, or, when none does, the one with the largest smallest margin.</param>
/// <param name="IsCondorcetWinner">Whether <see cref="Position"/> beats every other position.</param>
public readonly record struct MedianForecast(double Position, bool IsCondorcetWinner);

/// <summary>Risk exponents of a round.</summary>
/// <param name="Danger">D_i = Σ_{j≠i} EU_j(j, i): what the others expect to gain by challenging i.</param>
/// <param name="Attitude">R_i = (2 D_i − D_max − D_min) / (D_max − D_min), in [−1, 1] (0 when every D is equal).</param>
/// <param name="Exponent">r_i = (1 − R_i/3) / (1 + R_i/3), in [0.5, 2].</param>
public sealed record RiskExponents(IReadOnlyList<double> Danger, IReadOnlyList<double> Attitude, IReadOnlyList<double> Exponent);

/// <summary>One round: the positions it started from, the forecast, the risk exponents, and what each actor did.</summary>
/// <param name="Round">1 for the first round.</param>
/// <param name="Positions">Positions at the start of the round, in actor order.</param>
/// <param name="Median">The median-voter forecast of these positions.</param>
/// <param name="WeightedMean">Σ c s x / Σ c s of these positions.</param>
/// <param name="Risk">The round's risk exponents.</param>
/// <param name="Moves">What each actor accepted, in actor order.</param>
/// <param name="MovedTo">Each actor's position after the round.</param>
/// <param name="OfferFrom">The index of the actor whose offer each accepted, or -1.</param>
public sealed record DecisionRound(
    int Round, IReadOnlyList<double> Positions, MedianForecast Median, double WeightedMean, RiskExponents Risk,
    IReadOnlyList<OfferKind> Moves, IReadOnlyList<double> MovedTo, IReadOnlyList<int> OfferFrom);

/// <summary>The result of a group decision.</summary>
/// <param name="Actors">The actors as given.</param>
/// <param name="Rounds">Every round played, in order.</param>
/// <param name="FinalPositions">Positions after the last round.</param>
/// <param name="Forecast">The median-voter forecast of the final positions.</param>
/// <param name="FinalWeightedMean">The weighted mean of the final positions.</param>
/// <param name="Converged">Whether positions stopped moving before the round limit.</param>
public sealed record DecisionResult(
    IReadOnlyList<DecisionActor> Actors, IReadOnlyList<DecisionRound> Rounds, IReadOnlyList<double> FinalPositions,
    MedianForecast Forecast, double FinalWeightedMean, bool Converged);

/// <summary>
/// Bueno de Mesquita's expected-utility group decision model, in the formulation of Scholz, Calbert
/// and Smith (2011), "Unravelling Bueno de Mesquita's Group Decision Model", <i>Journal of
/// Theoretical Politics</i> 23(4): 510–531, following Bueno de Mesquita (1994), "Political
/// Forecasting: An Expected Utility Method", in <i>European Community Decides</i>.
/// </summary>
/// <remarks>
/// <para>R = max x − min x is the issue range of the initial positions (fixed for every round).</para>
/// <para>Votes: v_k(x_j, x_l) = c_k s_k [(|x_k − x_l|/R)^{r_k} − (|x_k − x_j|/R)^{r_k}]; the forecast
/// uses r = 1.</para>
/// <para>Probability that i prevails over j: P_i = Σ_{k: v_k(x_i, x_j) &gt; 0} v_k / Σ_k |v_k| (per
/// pair, so P_i + P_j = 1); 0.5 when every vote is 0.</para>
/// <para>Utilities of i, with d = |x_i − x_j|/R, μ the current median and r_i i's exponent:
/// U_s = 2 − 4(0.5 − 0.5d)^{r}, U_f = 2 − 4(0.5 + 0.5d)^{r},
/// U_b = 2 − 4(0.5 − 0.25(|x_i − μ|/R + d))^{r}, U_w = 2 − 4(0.5 + 0.25(|x_i − μ|/R + d))^{r},
/// U_sq = 2 − 4(0.5)^{r}.</para>
/// <para>EU_i(i, j) = s_j [P U_s + (1 − P) U_f] + (1 − s_j) U_s − Q U_sq − (1 − Q)[T U_b + (1 − T) U_w];
/// 0 between identical positions (nobody challenges a position it holds).</para>
/// <para>Risk: D_i = Σ_{j≠i} EU_j(j, i) with r = 1, R_i = (2D_i − D_max − D_min)/(D_max − D_min),
/// r_i = (1 − R_i/3)/(1 + R_i/3).</para>
/// <para>Offers: i compares E_i = EU_i(i, j) and E_j = EU_i(j, i), both with r_i; conflict when
/// E_j &gt; E_i &gt; 0 (i moves to x_j), compromise when E_j &gt; 0 &gt; E_i and |E_i| &lt; E_j (i moves
/// to x_i + (x_j − x_i)|E_i/E_j|), capitulation when E_j &gt; 0 &gt; E_i and |E_i| &gt; E_j (i moves to
/// x_j). Each actor accepts the offer that moves it least (the paper's rule; ties go to the lower
/// position); all move at once.</para>
/// </remarks>
public static class GroupDecision
{
    /// <summary>The median-voter forecast: the position that wins every pairwise vote (r = 1).</summary>
    /// <exception cref="ArgumentException">There are no actors.</exception>
    public static MedianForecast Median(IReadOnlyList<DecisionActor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return Median(actors, [.. actors.Select(a => a.Position)], Range(actors));
    }

    /// <summary>The weighted mean Σ c s x / Σ c s (the plain mean when every weight is 0).</summary>
    public static double WeightedMean(IReadOnlyList<DecisionActor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return WeightedMean(actors, [.. actors.Select(a => a.Position)]);
    }

    /// <summary>The issue range R = max x − min x.</summary>
    public static double Range(IReadOnlyList<DecisionActor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return actors.Count == 0 ? 0 : actors.Max(a => a.Position) - actors.Min(a => a.Position);
    }

    /// <summary>P_i(i, j): the probability that actor <paramref name="i"/> prevails over <paramref name="j"/> at the given positions.</summary>
    public static double Probability(IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions, int i, int j, double range)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(positions);
        double support = 0, total = 0;
        for (var k = 0; k < actors.Count; k++)
        {
            var v = Vote(actors[k], positions[k], positions[i], positions[j], range, 1);
            support += v > 0 ? v : 0;
            total += Math.Abs(v);
        }

        return total > 0 ? support / total : 0.5;
    }

    /// <summary>EU_c(c, t): the expected utility to <paramref name="challenger"/> of challenging <paramref name="target"/>, with risk exponent <paramref name="risk"/>.</summary>
    public static double ExpectedUtility(
        IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions, int challenger, int target, double risk, double median, double range, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(options);
        if (positions[challenger] == positions[target] || !(range > 0))
        {
            return 0;
        }

        var d = Math.Abs(positions[challenger] - positions[target]) / range;
        var fromMedian = Math.Abs(positions[challenger] - median) / range;
        var p = Probability(actors, positions, challenger, target, range);
        var success = Utility(0.5 - (0.5 * d), risk);
        var failure = Utility(0.5 + (0.5 * d), risk);
        var statusQuo = Utility(0.5, risk);
        var better = Utility(0.5 - (0.25 * (fromMedian + d)), risk);
        var worse = Utility(0.5 + (0.25 * (fromMedian + d)), risk);
        var s = actors[target].Salience;
        return (s * ((p * success) + ((1 - p) * failure))) + ((1 - s) * success)
            - (options.Q * statusQuo) - ((1 - options.Q) * ((options.T * better) + ((1 - options.T) * worse)));
    }

    /// <summary>The risk exponents at the given positions (D computed with r = 1).</summary>
    public static RiskExponents Risk(IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions, double range, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(positions);
        var n = actors.Count;
        var median = Median(actors, positions, range).Position;
        var danger = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    danger[i] += ExpectedUtility(actors, positions, j, i, 1, median, range, options);
                }
            }
        }

        var (max, min) = n == 0 ? (0.0, 0.0) : (danger.Max(), danger.Min());
        var attitude = new double[n];
        var exponent = new double[n];
        for (var i = 0; i < n; i++)
        {
            attitude[i] = max > min ? Math.Clamp(((2 * danger[i]) - max - min) / (max - min), -1, 1) : 0;
            exponent[i] = (1 - (attitude[i] / 3)) / (1 + (attitude[i] / 3));
        }

        return new RiskExponents(danger, attitude, exponent);
    }

    /// <summary>Plays rounds until no position moves by more than the tolerance, or the round limit.</summary>
    /// <exception cref="ArgumentException">There are no actors, or two have the same name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (see <see cref="DecisionActor.Validated"/>, <see cref="DecisionOptions.Validated"/>).</exception>
    public static DecisionResult Run(IReadOnlyList<DecisionActor> actors, DecisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        if (actors.Count == 0)
        {
            throw new ArgumentException("a group decision needs at least one actor", nameof(actors));
        }

        foreach (var actor in actors)
        {
            actor.Validated();
        }

        if (actors.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != actors.Count)
        {
            throw new ArgumentException("actor names must be distinct", nameof(actors));
        }

        var range = Range(actors);
        var positions = actors.Select(a => a.Position).ToArray();
        var rounds = new List<DecisionRound>();
        var converged = false;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var played = Play(actors, positions, range, options, round);
            rounds.Add(played);
            var moved = 0.0;
            for (var i = 0; i < positions.Length; i++)
            {
                moved = Math.Max(moved, Math.Abs(played.MovedTo[i] - positions[i]));
            }

            positions = [.. played.MovedTo];
            if (moved <= options.Tolerance * range)
            {
                converged = true;
                break;
            }
        }

        converged |= !(range > 0);
        return new DecisionResult(actors, rounds, positions, Median(actors, positions, range), WeightedMean(actors, positions), converged);
    }

    /// <summary>One round from <paramref name="positions"/>.</summary>
    public static DecisionRound Play(IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions, double range, DecisionOptions options, int round = 1)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(options);
        var n = actors.Count;
        var median = Median(actors, positions, range);
        var risk = Risk(actors, positions, range, options);
        var moves = new OfferKind[n];
        var movedTo = positions.ToArray();
        var from = new int[n];
        Array.Fill(from, -1);
        for (var i = 0; i < n && range > 0; i++)
        {
            var r = risk.Exponent[i];
            var best = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (j == i || positions[j] == positions[i])
                {
                    continue;
                }

                var mine = ExpectedUtility(actors, positions, i, j, r, median.Position, range, options);
                var theirs = ExpectedUtility(actors, positions, j, i, r, median.Position, range, options);
                var (kind, to) = Offer(positions[i], positions[j], mine, theirs);
                if (kind == OfferKind.None)
                {
                    continue;
                }

                var distance = Math.Abs(to - positions[i]);
                if (distance < best || (distance == best && to < movedTo[i]))
                {
                    (best, moves[i], movedTo[i], from[i]) = (distance, kind, to, j);
                }
            }
        }

        return new DecisionRound(round, [.. positions], median, WeightedMean(actors, positions), risk, moves, movedTo, from);
    }

    /// <summary>Classifies the offer from j to i, from i's expected utilities E_i = EU_i(i, j) and E_j = EU_i(j, i).</summary>
    public static (OfferKind Kind, double Position) Offer(double own, double other, double mine, double theirs)
    {
        const double tiny = 1e-12;
        if (theirs > mine && mine > 0)
        {
            return (OfferKind.Conflict, other);
        }

        if (theirs > tiny && mine < 0)
        {
            return Math.Abs(mine) < theirs
                ? (OfferKind.Compromise, own + ((other - own) * Math.Abs(mine / theirs)))
                : (OfferKind.Capitulation, other);
        }

        return (OfferKind.None, own);
    }

    private static double Utility(double inner, double risk) => 2 - (4 * Math.Pow(Math.Max(inner, 0), risk));

    private static double Vote(DecisionActor k, double xk, double xj, double xl, double range, double risk) =>
        k.Capability * k.Salience * (Math.Pow(Math.Abs(xk - xl) / range, risk) - Math.Pow(Math.Abs(xk - xj) / range, risk));

    private static double WeightedMean(IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions)
    {
        double sum = 0, weight = 0;
        for (var k = 0; k < actors.Count; k++)
        {
            var w = actors[k].Capability * actors[k].Salience;
            sum += w * positions[k];
            weight += w;
        }

        return weight > 0 ? sum / weight : positions.Average();
    }

    private static MedianForecast Median(IReadOnlyList<DecisionActor> actors, IReadOnlyList<double> positions, double range)
    {
        if (actors.Count == 0)
        {
            throw new ArgumentException("a group decision needs at least one actor", nameof(actors));
        }

        var candidates = positions.Distinct().Order().ToArray();
        if (candidates.Length == 1 || !(range > 0))
        {
            return new MedianForecast(candidates[0], true);
        }

        var (bestPosition, bestMargin) = (candidates[0], double.NegativeInfinity);
        foreach (var x in candidates)
        {
            var smallest = double.PositiveInfinity;
            foreach (var y in candidates)
            {
                if (y == x)
                {
                    continue;
                }

                var margin = 0.0;
                for (var k = 0; k < actors.Count; k++)
                {
                    margin += Vote(actors[k], positions[k], x, y, range, 1);
                }

                smallest = Math.Min(smallest, margin);
            }

            if (smallest > bestMargin)
            {
                (bestPosition, bestMargin) = (x, smallest);
            }
        }

        return new MedianForecast(bestPosition, bestMargin > 1e-12);
    }
}
