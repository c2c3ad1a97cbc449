using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// The patron as a player, per host: its troop posture (reinforce, hold, cut), withdrawal threats
/// and reassurance. Its best-response troops maximise V θ ln T − c (1 + δτ)(1 − s) T — strategic
/// value against the rival growing with the host's threat θ, against the cost of forces abroad net
/// of the host's cost-sharing share s, with domestic pressure δτ — so T* = V θ / (c (1 + δτ)(1 − s)),
/// calibrated to the start year's troops: T* = T0 θ (1 + δτ0)/(1 + δτ) · (1 − s0)/(1 − s).
/// </summary>
/// <remarks>
/// Troops are a tripwire (Schelling 1966: forces in harm's way make intervention nearly automatic)
/// and a sunk-cost signal (Fearon 1997): their level raises the credibility the patron signals
/// (<see cref="Beliefs"/>), their change is evidence for or against commitment. Withdrawal threats
/// (the 2019–20 SMA talks) come with probability rate · τ · pressure — pressure being the host's
/// lost standing, its gap to the fair-share rule, and a lapse of its cost-sharing talks — are evidence
/// against commitment, and are carried out with a probability.
/// </remarks>
public static class PatronPolicy
{
    /// <summary>The patron's best-response troops for a host: T0 θ (1 + δτ0)/(1 + δτ) (1 − s0)/(1 − s).</summary>
    public static double TargetTroops(double troops0, double threat, double tau0, double tau, double share0, double share, SimulationParameters p) =>
        troops0 * threat * (1 + (p.DomesticPressure * tau0)) / (1 + (p.DomesticPressure * tau)) * (1 - share0) / (1 - share);

    /// <summary>This year's posture and threats for every host with troops.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Step(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int year, double tau)
    {
        var p = tables.Parameters;
        var tau0 = tables.DoctrineByYear[0];
        var target = tables.Setup.Doctrine.FairShareTarget;
        foreach (var i in tables.Hosts)
        {
            if (buffer.Status[i] == AllyStatus.Left)
            {
                continue;
            }

            var troops = buffer.Troops[i];
            var share = tables.CostSharing[i] is { } deal ? EngineTables.CostShare(buffer.Payment[i], deal) : 0;
            var best = TargetTroops(tables.Troops0[i], buffer.ThreatLevel[i], tau0, tau, tables.CostShare0[i], share, p);
            var signal = 0.0;
            var change = p.PostureAdjustment * (best - troops);
            if (troops > 0 && change != 0 && (best > troops * (1 + p.PostureBand) || best < troops * (1 - p.PostureBand)))
            {
                signal += p.SunkCostSignal * change / troops;
                SetTroops(buffer, i, troops + change);
                buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.TroopChange, buffer.Troops[i], -1));
            }

            var gap = target > 0 ? Math.Max(0, target - buffer.Pct[i]) / target : 0;
            var lapsed = buffer.LapsedIn[i] >= year - 1 ? 1 : 0;
            var pressure = Math.Min(1, 1 - buffer.Standing[i] + gap + lapsed);
            var threatProbability = p.WithdrawalThreatRate * tau * pressure;
            if (threatProbability > 0 && rng.NextDouble() < threatProbability)
            {
                buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.WithdrawalThreat, buffer.Troops[i], -1));
                signal -= p.WithdrawalThreatSignal;
                if (rng.NextDouble() < p.WithdrawalFollowThrough)
                {
                    signal -= p.SunkCostSignal * p.WithdrawalCut;
                    SetTroops(buffer, i, buffer.Troops[i] * (1 - p.WithdrawalCut));
                    buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Withdrawal, buffer.Troops[i], -1));
                }
            }

            if (signal != 0)
            {
                buffer.PatronSignal[i] += signal;
                Reputation.Spread(tables, buffer, i, signal);
            }
        }
    }

    /// <summary>The patron's reassurance of a host after a rival's incident: (1 − τ) × standing × the reassurance signal, for it and, by reputation, the others.</summary>
    internal static double Reassurance(EngineTables tables, RunBuffer buffer, int i, double tau) =>
        tables.Parameters.ReassuranceSignal * (1 - tau) * buffer.Standing[i];

    /// <summary>Sets a host's troops, and with them its exposure to the patron's conflicts.</summary>
    internal static void SetTroops(RunBuffer buffer, int i, double troops)
    {
        buffer.Troops[i] = Math.Max(0, troops);
        buffer.Exposure[i] = Exposure(buffer.Troops[i]);
    }

    /// <summary>Exposure to the patron's conflicts: 0.2 + 0.8 min(1, troops/30).</summary>
    public static double Exposure(double troops) => 0.2 + (0.8 * Math.Min(1, troops / 30));
}
