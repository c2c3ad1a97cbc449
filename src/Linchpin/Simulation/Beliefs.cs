using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// Each ally's belief in the patron's commitment, a Beta(α, β) over κ (Games/Credibility's
/// <c>CommitmentBelief</c>): past evidence is kept with memory λ, the signalled credibility
/// s_i = s(τ) + (1 − s(τ)) θ T_i/(T_i + T½) — the doctrine's signal s(τ) raised by the tripwire of the
/// troops hosted (Schelling 1966) — adds (1 − λ) w pseudo-observations a year, and this year's signals
/// (shocks, what the patron did to the ally, and by reputation to the others) add to α (for) or β
/// (against); entrapment exposure decays with memory μ.
/// </summary>
internal static class Beliefs
{
    /// <summary>This year's belief update (into <c>Alpha</c>, <c>Beta</c>) and entrapment decay.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Update(EngineTables tables, RunBuffer buffer, double tau)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var signalled = (p.MultilateralCredibility * (1 - tau)) + (p.TransactionalCredibility * tau);
        var lambda = p.BeliefMemory;
        var entrapmentMemory = p.EntrapmentMemory;
        var alpha = buffer.Alpha.AsSpan(0, n);
        var beta = buffer.Beta.AsSpan(0, n);
        var signal = buffer.Signal.AsSpan(0, n);
        var entrapment = buffer.Entrapment.AsSpan(0, n);
        var patron = buffer.PatronSignal.AsSpan(0, n);
        var reputation = buffer.Reputation.AsSpan(0, n);
        var troops = buffer.Troops.AsSpan(0, n);
        var beliefWeight = tables.BeliefWeight.AsSpan(0, n);
        var (tripwire, half) = (p.TripwireWeight, p.TripwireHalfTroops);
        var (zero, one) = (Vector256<double>.Zero, Vector256.Create(1.0));
        var (lambdas, rest, doctrine, raise, halves, memory) = (Vector256.Create(lambda), Vector256.Create(1 - lambda), Vector256.Create(signalled),
            Vector256.Create((1 - signalled) * tripwire), Vector256.Create(half), Vector256.Create(entrapmentMemory));
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            // UpdateAlly's operations, four allies at a time.
            var t = AllyLanes.Load(troops, i);
            var own = Vector256.ConditionalSelect(Vector256.GreaterThan(t, zero), doctrine + (raise * t / (t + halves)), doctrine);
            var weight = AllyLanes.Load(beliefWeight, i);
            var a = (lambdas * AllyLanes.Load(alpha, i)) + (rest * weight * own);
            var b = (lambdas * AllyLanes.Load(beta, i)) + (rest * weight * (one - own));
            (a, b) = Add(a, b, AllyLanes.Load(signal, i));
            (a, b) = Add(a, b, AllyLanes.Load(patron, i));
            (a, b) = Add(a, b, AllyLanes.Load(reputation, i));
            AllyLanes.Store(a, alpha, i);
            AllyLanes.Store(b, beta, i);
            AllyLanes.Store(AllyLanes.Load(entrapment, i) * memory, entrapment, i);
        }

        for (; i < n; i++)
        {
            var weight = beliefWeight[i];
            var own = troops[i] > 0 ? Signalled(signalled, troops[i], tripwire, half) : signalled;
            alpha[i] = (lambda * alpha[i]) + ((1 - lambda) * weight * own);
            beta[i] = (lambda * beta[i]) + ((1 - lambda) * weight * (1 - own));
            Add(alpha, beta, i, signal[i]);
            Add(alpha, beta, i, patron[i]);
            Add(alpha, beta, i, reputation[i]);
            entrapment[i] *= entrapmentMemory;
        }
    }

    /// <summary>The credibility the patron signals to a host of <paramref name="troops"/>: s + (1 − s) θ T/(T + T½).</summary>
    internal static double Signalled(double doctrineSignal, double troops, double tripwire, double halfTroops) =>
        doctrineSignal + ((1 - doctrineSignal) * tripwire * troops / (troops + halfTroops));

    /// <summary>Clears this year's evidence from the patron's actions (before the actors move).</summary>
    internal static void NewYear(RunBuffer buffer)
    {
        Array.Clear(buffer.PatronSignal);
        Array.Clear(buffer.Reputation);
    }

    /// <summary><see cref="Add(Span{double}, Span{double}, int, double)"/> in four lanes: adding a zero leaves a positive count as it is.</summary>
    private static (Vector256<double> Alpha, Vector256<double> Beta) Add(Vector256<double> alpha, Vector256<double> beta, Vector256<double> signal)
    {
        var zero = Vector256<double>.Zero;
        return (alpha + Vector256.ConditionalSelect(Vector256.GreaterThan(signal, zero), signal, zero),
            beta - Vector256.ConditionalSelect(Vector256.LessThan(signal, zero), signal, zero));
    }

    private static void Add(Span<double> alpha, Span<double> beta, int i, double signal)
    {
        if (signal > 0)
        {
            alpha[i] += signal;
        }
        else if (signal < 0)
        {
            beta[i] -= signal;
        }
    }

    /// <summary>The credibility an ally acts on: its belief E[κ], discounted while hedging, none once it has left.</summary>
    internal static double Credibility(double belief, AllyStatus status, SimulationParameters p) => status switch
    {
        AllyStatus.Member => belief,
        AllyStatus.Hedging => p.HedgingDiscount * belief,
        _ => 0,
    };
}
