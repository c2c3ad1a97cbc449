using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// Each ally's belief in the patron's commitment, a Beta(α, β) over κ (Games/Credibility's
/// <c>CommitmentBelief</c>): past evidence is kept with memory λ, the doctrine's signal s(τ) adds
/// (1 − λ) w pseudo-observations a year, and this year's signals add to α (for) or β (against);
/// entrapment exposure decays with memory μ.
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
        var (alpha, beta, signal, entrapment) = (buffer.Alpha, buffer.Beta, buffer.Signal, buffer.Entrapment);
        var beliefWeight = tables.BeliefWeight;
        for (var i = 0; i < n; i++)
        {
            var weight = beliefWeight[i];
            alpha[i] = (lambda * alpha[i]) + ((1 - lambda) * weight * signalled);
            beta[i] = (lambda * beta[i]) + ((1 - lambda) * weight * (1 - signalled));
            if (signal[i] > 0)
            {
                alpha[i] += signal[i];
            }
            else if (signal[i] < 0)
            {
                beta[i] -= signal[i];
            }

            entrapment[i] *= entrapmentMemory;
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
