using Linchpin.Games.Bargaining;

namespace Linchpin.Simulation;

/// <summary>
/// Host-nation cost sharing: an agreement in force is indexed each year; an expiring one is
/// re-bargained with <see cref="SmaBargaining"/> (alternating offers with outside options and a
/// risk of breakdown), the host's value moving with threat and belief, the patron's strategic
/// loss of withdrawing shrinking with τ.
/// </summary>
internal static class CostSharingTalks
{
    /// <summary>This year's indexation and talks for every ally with an agreement that has not left.</summary>
    internal static void Step(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int t, int year, double tau)
    {
        for (var i = 0; i < tables.N; i++)
        {
            if (tables.CostSharing[i] is not { } deal || buffer.Status[i] == AllyStatus.Left)
            {
                continue;
            }

            if (year >= buffer.Expires[i])
            {
                Negotiate(tables, buffer, ref rng, i, deal, year, tau);
            }
            else if (year > buffer.AgreedIn[i])
            {
                buffer.Payment[i] *= 1 + IndexGrowth(tables, buffer, deal, i, t);
            }
        }
    }

    /// <summary>
    /// This year's rise of an indexed payment: the host's defence spending growth last year (from
    /// the record; before the second simulated year, its GDP growth stands in for it) or the fixed
    /// rate, at most the cap.
    /// </summary>
    private static double IndexGrowth(EngineTables tables, RunBuffer buffer, CostSharingSetup deal, int i, int t)
    {
        var growth = deal.Indexation switch
        {
            PaymentIndexation.DefenceBudget => t >= 2
                ? (buffer.Value(t - 1, i, TrajectoryVariable.Spending) / buffer.Value(t - 2, i, TrajectoryVariable.Spending)) - 1
                : tables.Growth[i],
            PaymentIndexation.Rate => deal.IndexRate,
            _ => 0,
        };
        return deal.IndexCap is { } cap ? Math.Min(cap, growth) : growth;
    }

    private static void Negotiate(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int i, CostSharingSetup deal, int year, double tau)
    {
        var p = tables.Parameters;
        var credibility = Beliefs.Credibility(buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]), buffer.Status[i], p);
        var hostNoise = deal.Uncertainty > 0 ? Math.Exp(deal.Uncertainty * rng.NextNormal()) : 1;
        var patronNoise = deal.Uncertainty > 0 ? Math.Exp(deal.Uncertainty * rng.NextNormal()) : 1;
        var threat = buffer.ThreatLevel[i];
        var hostValue = deal.HostValue * threat * (credibility / tables.Belief0[i]) * hostNoise;
        var strategicLoss = deal.StrategicLoss * (1 - (0.5 * tau)) * patronNoise;
        var settlement = SmaBargaining.Settle(new SmaNegotiation(
            deal.PatronValue, deal.StationingCost, hostValue, deal.WithdrawalSaving, strategicLoss, deal.SelfHelpCost,
            0.9, 0.9, deal.LapseRisk, tau >= 0.5));
        var transfer = settlement.Agreement ? Math.Max(0, settlement.Transfer) : double.NaN;

        // Rounds of talks grow with the gap between the patron's opening demand and the settlement.
        var demand = (tau * deal.PatronDemand) + ((1 - tau) * (double.IsNaN(transfer) ? deal.Payment : transfer));
        var gap = double.IsNaN(transfer) || transfer <= 0 ? 4 : Math.Min(4, Math.Max(0, demand - transfer) / transfer);
        var rounds = 1 + (int)(rng.NextDouble() * (1 + (4 * gap)));
        var lapse = !settlement.Agreement || rng.NextDouble() < 1 - Math.Pow(1 - deal.LapseRisk, rounds - 1);
        if (lapse)
        {
            buffer.Lapsed[i] = true;
            buffer.Beta[i] += 1;
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Lapse, rounds, -1));
            buffer.Expires[i] = year + 1;
            return;
        }

        buffer.Payment[i] = transfer;
        buffer.Expires[i] = year + deal.Term;
        buffer.AgreedIn[i] = year;
        if (!buffer.Settled[i])
        {
            buffer.Settled[i] = true;
            buffer.FirstSettlement[i] = transfer;
        }

        buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Settlement, transfer, -1));
    }
}
