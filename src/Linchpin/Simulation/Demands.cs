using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// Demands beyond money: in a demand's year its host chooses to accept (x = 1), meet it in part
/// (x = ½) or refuse (x = 0), maximising U(x) = x G − x² C plus a Gumbel draw of scale σ per option
/// (a logit choice), where
/// G = V (½ + ½τ) κ θ (1 + w·linked) — the favour compliance earns with a patron whose protection
/// (credibility κ times threat θ) the host values, pressed harder under a transactional doctrine and
/// worth more when linked to the cost-sharing talks — and
/// C = A + D + E λ_r/λ0_r + c_f f — autonomy, domestic and entrapment costs (the last scaled by the
/// feared rival's probing relative to its base), and friction with a partner ally.
/// </summary>
/// <remarks>
/// The outcome is a commitment signal (the patron rewards compliance, withholds reassurance on
/// refusal: ± the compliance signal), moves the host's standing (and, if linked, its standing in
/// the cost-sharing talks: issue linkage), adds entrapment exposure x E, and basing accepted is
/// new basing a rival reacts to, with a coercion cost to the host (the THAAD case).
/// </remarks>
public static class Demands
{
    /// <summary>The host's utility U(x) = x G − x² C of meeting share <paramref name="share"/> of a demand.</summary>
    public static double Utility(double share, double gain, double cost) => (share * gain) - (share * share * cost);

    /// <summary>The gain G of full compliance.</summary>
    public static double Gain(DemandSetup demand, double tau, double credibility, double threat, double linkageWeight) =>
        demand.PatronValue * (0.5 + (0.5 * tau)) * credibility * threat * (demand.LinkedToCostSharing ? 1 + linkageWeight : 1);

    /// <summary>The cost C of full compliance given the rival's probing relative to its base and the friction with the partner.</summary>
    public static double Cost(DemandSetup demand, double rivalFactor, double friction, double frictionCost) =>
        demand.AutonomyCost + demand.DomesticCost + (demand.Entrapment * rivalFactor) + (frictionCost * friction);

    /// <summary>The decisions of this year's demands.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Step(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int year, double tau)
    {
        var actors = tables.Actors;
        var p = tables.Parameters;
        for (var d = 0; d < actors.Demands.Length; d++)
        {
            var demand = actors.Demands[d];
            var i = actors.DemandAlly[d];
            if (demand.Year != year || buffer.Status[i] == AllyStatus.Left)
            {
                continue;
            }

            var credibility = Beliefs.Credibility(buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]), buffer.Status[i], p);
            var gain = Gain(demand, tau, credibility, buffer.ThreatLevel[i], p.LinkageWeight);
            var r = actors.DemandRival[d];
            var rivalFactor = r >= 0 && actors.Rivals[r].BaseRate > 0 ? buffer.RivalRate[r] / actors.Rivals[r].BaseRate : 1;
            var friction = actors.DemandPair[d] >= 0 ? buffer.FrictionLevel[actors.DemandPair[d]] : 0;
            var cost = Cost(demand, rivalFactor, friction, p.FrictionCost);
            var share = Choose(gain, cost, p.DemandNoise, ref rng);
            buffer.DemandChoice[d] = share;
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Demand, share, d));
            Consequences(tables, buffer, d, i, share);
        }
    }

    /// <summary>The logit choice among refuse, partial and accept: the option with the largest U + σ·Gumbel.</summary>
    internal static double Choose(double gain, double cost, double noise, ref SimRandom rng)
    {
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k <= 2; k++)
        {
            var share = k * 0.5;
            var value = Utility(share, gain, cost) - (noise * Math.Log(-Math.Log(rng.NextDouble())));
            if (value > bestValue)
            {
                (best, bestValue) = (share, value);
            }
        }

        return best;
    }

    /// <summary>The logit probabilities of refuse, partial and accept (what <see cref="Choose"/> draws from).</summary>
    public static (double Refuse, double Partial, double Accept) Probabilities(double gain, double cost, double noise)
    {
        var u = new[] { Utility(0, gain, cost), Utility(0.5, gain, cost), Utility(1, gain, cost) };
        var top = u.Max();
        var e = u.Select(v => Math.Exp((v - top) / noise)).ToArray();
        var sum = e.Sum();
        return (e[0] / sum, e[1] / sum, e[2] / sum);
    }

    private static void Consequences(EngineTables tables, RunBuffer buffer, int d, int i, double share)
    {
        var actors = tables.Actors;
        var p = tables.Parameters;
        var demand = actors.Demands[d];
        var direction = (2 * share) - 1;
        var signal = p.ComplianceSignal * direction;
        if (signal != 0)
        {
            buffer.PatronSignal[i] += signal;
            Reputation.Spread(tables, buffer, i, signal);
        }

        buffer.Standing[i] = Math.Clamp(buffer.Standing[i] + (p.RefusalStandingCost * direction), 0, 1);
        if (demand.LinkedToCostSharing)
        {
            buffer.CostSharingStanding[i] = Math.Clamp(buffer.CostSharingStanding[i] + (p.LinkageWeight * direction), 0, 1);
        }

        buffer.Entrapment[i] += demand.Entrapment * share * buffer.Exposure[i];
        var r = actors.DemandRival[d];
        if (demand.Kind == DemandKind.MissileBasing && r >= 0)
        {
            buffer.Basing[r] += share;
            buffer.Coercion[i] += p.CoercionCost * share;
        }
    }
}
