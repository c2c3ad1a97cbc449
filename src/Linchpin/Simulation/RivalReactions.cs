using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// Rivals as players. Each rival's reaction function sets its probing rate from what it sees of the
/// allies it faces: λ_r = λ0_r · exp(γ_c (c̄0_r − c̄_r) + γ_h h_r + γ_b B_r), with c̄_r their mean
/// credibility last year (c̄0_r at the start), h_r their loss of cohesion (the share hedging or gone,
/// plus their mean friction) and B_r the new basing in its theatres. Incidents are Poisson(λ_r); each
/// raises the touched allies' threat and entrapment, and the patron answers with reassurance.
/// </summary>
/// <remarks>
/// Extended deterrence: challengers probe where the defender's commitment looks weak (Huth 1988,
/// <i>Extended Deterrence and the Prevention of War</i>; Huth 1988, APSR 82(2)), hence γ_c ≥ 0; new
/// basing provokes (China's economic measures against Korea after the 2016–17 THAAD deployment),
/// hence γ_b ≥ 0 and the coercion cost a host bears for basing it accepted (<see cref="Demands"/>).
/// The functional form and sizes are assumptions (docs/models/simulation.md).
/// </remarks>
public static class RivalReactions
{
    /// <summary>Whether a rival faces an ally (its theatre or code is among the rival's).</summary>
    public static bool Faces(RivalSetup rival, AllySetup ally) =>
        rival.Theatres.Contains(ally.Theatre, StringComparer.Ordinal) || rival.Theatres.Contains(ally.Iso3, StringComparer.Ordinal)
        || rival.Theatres.Contains("all", StringComparer.Ordinal);

    /// <summary>
    /// A rival's probing rate λ0 exp(γ_c (c̄0 − c̄) + γ_h h + γ_b B) given the mean credibility, the cohesion loss and the basing stock.
    /// </summary>
    public static double Rate(double baseRate, double credibility0, double credibility, double cohesionLoss, double basing, SimulationParameters p) =>
        baseRate * Math.Exp((p.ProbeCredibilityEffect * (credibility0 - credibility)) + (p.ProbeCohesionEffect * cohesionLoss) + (p.ProbeBasingEffect * basing));

    /// <summary>This year's probing of every rival, into <c>ShockJump</c>, <c>Entrapment</c> and the patron's reassurance signals.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Step(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int year, double tau)
    {
        var actors = tables.Actors;
        var p = tables.Parameters;
        var n = tables.N;
        for (var i = 0; i < n; i++)
        {
            buffer.Coercion[i] *= p.CoercionMemory;
        }

        for (var r = 0; r < actors.Rivals.Length; r++)
        {
            var rival = actors.Rivals[r];
            var faces = actors.RivalFaces[r];
            double credibility = 0, loss = 0, friction = 0;
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                if (faces[i])
                {
                    count++;
                    credibility += buffer.CredibilityNow[i];
                    loss += buffer.Status[i] == AllyStatus.Member ? 0 : 1;
                    friction += buffer.FrictionSum[i];
                }
            }

            var rate = Rate(rival.BaseRate, actors.RivalCredibility0[r], credibility / count, (loss + friction) / count, buffer.Basing[r], p);
            buffer.RivalRate[r] = rate;
            buffer.Basing[r] *= p.BasingMemory;
            var incidents = Poisson(rate, rng.NextDouble());
            if (incidents == 0)
            {
                continue;
            }

            buffer.Events.Add(new SimulationEvent(year, -1, SimulationEventKind.RivalProbe, incidents, r));
            var reassured = 0;
            for (var i = 0; i < n; i++)
            {
                if (!faces[i] || buffer.Status[i] == AllyStatus.Left)
                {
                    continue;
                }

                buffer.ShockJump[i] += incidents * rival.ThreatJump;
                buffer.Entrapment[i] += incidents * rival.Entrapment * buffer.Exposure[i] * (1 + (0.5 * (1 - tau)));
                var signal = PatronPolicy.Reassurance(tables, buffer, i, tau);
                if (signal > 0)
                {
                    buffer.PatronSignal[i] += signal;
                    (buffer.Senders[reassured], buffer.SenderSignals[reassured]) = (i, signal);
                    reassured++;
                }
            }

            // The reassurance reaches the others by reputation, as if sent ally by ally.
            Reputation.SpreadEach(tables, buffer, buffer.Senders.AsSpan(0, reassured), buffer.SenderSignals.AsSpan(0, reassured));
        }
    }

    /// <summary>The Poisson(<paramref name="rate"/>) count at uniform <paramref name="draw"/>, by inversion (at most 100).</summary>
    public static int Poisson(double rate, double draw)
    {
        if (!(rate > 0))
        {
            return 0;
        }

        var term = Math.Exp(-rate);
        var cumulative = term;
        var k = 0;
        while (draw >= cumulative && k < 100)
        {
            k++;
            term *= rate / k;
            cumulative += term;
        }

        return k;
    }
}
