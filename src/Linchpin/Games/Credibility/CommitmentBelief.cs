namespace Linchpin.Games.Credibility;

/// <summary>What the protégé observes about the patron's commitment.</summary>
public enum CommitmentSignal
{
    /// <summary>The patron reaffirms its pledge (evidence for commitment).</summary>
    Reaffirmed,

    /// <summary>The patron withholds a reaffirmation when one is expected (evidence against).</summary>
    Withheld,

    /// <summary>The patron threatens to withdraw forces or protection (evidence against).</summary>
    WithdrawalThreat,

    /// <summary>The patron stood by the protégé (or another ally) in a crisis (evidence for).</summary>
    CrisisSupport,

    /// <summary>The patron stood aside in a crisis (evidence against).</summary>
    CrisisAbandonment,
}

/// <summary>One observed signal and how much it weighs.</summary>
/// <param name="Signal">What was observed.</param>
/// <param name="Strength">
/// Its weight in observations, &gt; 0: 1 counts as one crisis in which the patron did or did not
/// fight; cheap talk weighs less, costly signals (tying hands, sinking costs; Fearon 1997) more.
/// </param>
public sealed record ObservedSignal(CommitmentSignal Signal, double Strength = 1);

/// <summary>
/// The protégé's belief in the patron's pledge: a Beta(a, b) distribution over κ, the probability
/// that the patron fights for it. Signals update it by (tempered) Bernoulli evidence: a signal for
/// commitment of strength s adds s to a, one against adds s to b.
/// </summary>
/// <remarks>
/// A Linchpin formalisation. It is the conjugate Bayesian update when each signal is a draw of
/// "fights / does not fight" with probability κ, and the power-likelihood update when signals are
/// weaker (s &lt; 1) or stronger (s &gt; 1) than one such draw. The mean a/(a + b) is the credibility
/// the protégé acts on; the variance measures its ambiguity (Benson 2012's probabilistic commitment).
/// </remarks>
public sealed record CommitmentBelief
{
    /// <summary>Creates a belief.</summary>
    /// <param name="alpha">Pseudo-count of evidence for commitment, &gt; 0.</param>
    /// <param name="beta">Pseudo-count of evidence against, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
    public CommitmentBelief(double alpha, double beta)
    {
        Require.Positive(alpha, nameof(alpha));
        Require.Positive(beta, nameof(beta));
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>Evidence for commitment.</summary>
    public double Alpha { get; }

    /// <summary>Evidence against commitment.</summary>
    public double Beta { get; }

    /// <summary>The believed credibility E[κ] = a/(a + b).</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>Var[κ] = ab/((a + b)²(a + b + 1)).</summary>
    public double Variance => Alpha * Beta / ((Alpha + Beta) * (Alpha + Beta) * (Alpha + Beta + 1));

    /// <summary>The belief after one signal.</summary>
    public CommitmentBelief Update(ObservedSignal observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        Require.Positive(observed.Strength, nameof(observed));
        return IsReassuring(observed.Signal)
            ? new CommitmentBelief(Alpha + observed.Strength, Beta)
            : new CommitmentBelief(Alpha, Beta + observed.Strength);
    }

    /// <summary>The belief after a sequence of signals (order does not matter).</summary>
    public CommitmentBelief Update(IEnumerable<ObservedSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.Aggregate(this, (belief, s) => belief.Update(s));
    }

    /// <summary>Whether a signal is evidence for the commitment.</summary>
    public static bool IsReassuring(CommitmentSignal signal) =>
        signal is CommitmentSignal.Reaffirmed or CommitmentSignal.CrisisSupport;
}
