using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// The hazard of hedging, then of leaving: a Weibull baseline in alliance age times
/// exp(−b · net benefit + covariates) (model 9; Bennett 1997; Leeds &amp; Savun 2007), and the net
/// benefit of membership against the outside option that drives it.
/// </summary>
internal static class Hazard
{
    /// <summary>
    /// This year's hazards and status changes. An ally's net benefit depends on its own state
    /// only, so all are computed (and their exponentials taken together) before any status changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Step(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int t, int year, double tau)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var target = tables.Setup.Doctrine.FairShareTarget;
        var status = buffer.Status.AsSpan(0, n);
        var benefits = buffer.Benefit.AsSpan(0, n);
        var hazardTerm = buffer.HazardTerm.AsSpan(0, n);
        NetBenefits(tables, buffer, tau, target, benefits, hazardTerm);

        if (tables.HasCovariates)
        {
            AddCovariates(tables, buffer, t, year);
        }

        ExpSpan.Exp(hazardTerm, hazardTerm);
        var baseHazard = p.BaseHazard;
        var exitRatio = p.ExitHazardRatio;
        var ageFactor = tables.AgeFactor.AsSpan(t * n, n);
        for (var i = 0; i < n; i++)
        {
            if (status[i] == AllyStatus.Left)
            {
                continue;
            }

            var hazard = baseHazard * ageFactor[i] * hazardTerm[i];
            if (status[i] == AllyStatus.Hedging)
            {
                hazard *= exitRatio;
            }

            // 1 − e^(−h) < h, so a draw at or above h never fires: the exponential is needed only below it.
            var draw = rng.NextDouble();
            if (draw < hazard && draw < 1 - Math.Exp(-hazard))
            {
                ChangeStatus(tables, buffer, i, year);
            }
        }
    }

    /// <summary>
    /// The net benefit of membership: believed protection κ × threat, less the autonomy cost of
    /// the troops hosted, the cost of the patron's demands (τ × relative gap to the fair share),
    /// the cost of entrapment exposure, the cost of friction with other allies and of rivals'
    /// coercion, and the outside option.
    /// </summary>
    internal static double NetBenefit(EngineTables tables, RunBuffer buffer, int i, double credibility, double threat, double entrapment, double pct, double tau, double target)
    {
        var p = tables.Parameters;
        var gap = target > 0 ? Math.Max(0, target - pct) / target : 0;
        return (p.SecurityValue * credibility * threat)
            - (p.AutonomyCost * buffer.Troops[i] / 10) - (p.DemandCost * tau * gap) - (p.EntrapmentCost * entrapment) - tables.Outside[i]
            - (p.FrictionCost * buffer.FrictionSum[i]) - buffer.Coercion[i];
    }

    /// <summary>
    /// <see cref="NetBenefit"/> of every ally still in (NaN for those who left), four at a time: each lane takes the
    /// scalar formula's operations in its order, so the same values; and each ally's log-hazard term −b · net benefit (0 once it has left).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void NetBenefits(EngineTables tables, RunBuffer buffer, double tau, double target, Span<double> benefits, Span<double> hazardTerm)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var credibility = buffer.CredibilityNow.AsSpan(0, n);
        var threat = buffer.ThreatLevel.AsSpan(0, n);
        var entrapment = buffer.Entrapment.AsSpan(0, n);
        var pct = buffer.Pct.AsSpan(0, n);
        var troops = buffer.Troops.AsSpan(0, n);
        var friction = buffer.FrictionSum.AsSpan(0, n);
        var coercion = buffer.Coercion.AsSpan(0, n);
        var outside = tables.Outside.AsSpan(0, n);
        var (security, autonomy, demand, entrapmentCost, frictionCost) = (Vector256.Create(p.SecurityValue), Vector256.Create(p.AutonomyCost),
            Vector256.Create(p.DemandCost * tau), Vector256.Create(p.EntrapmentCost), Vector256.Create(p.FrictionCost));
        var (targets, ten) = (Vector256.Create(target), Vector256.Create(10.0));
        var status = buffer.Status.AsSpan(0, n);
        var (nan, minusEffect) = (Vector256.Create(double.NaN), Vector256.Create(-p.NetBenefitEffect));
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            var gap = target > 0 ? Vector256.Max(Vector256<double>.Zero, targets - AllyLanes.Load(pct, i)) / targets : Vector256<double>.Zero;
            var benefit = (security * AllyLanes.Load(credibility, i) * AllyLanes.Load(threat, i))
                - (autonomy * AllyLanes.Load(troops, i) / ten) - (demand * gap)
                - (entrapmentCost * AllyLanes.Load(entrapment, i)) - AllyLanes.Load(outside, i)
                - (frictionCost * AllyLanes.Load(friction, i)) - AllyLanes.Load(coercion, i);
            var left = AllyLanes.Is(status, i, AllyStatus.Left);
            benefit = Vector256.ConditionalSelect(left, nan, benefit);
            AllyLanes.Store(benefit, benefits, i);
            AllyLanes.Store(Vector256.ConditionalSelect(Vector256.Equals(benefit, benefit), minusEffect * benefit, Vector256<double>.Zero), hazardTerm, i);
        }

        for (; i < n; i++)
        {
            var benefit = status[i] == AllyStatus.Left ? double.NaN : NetBenefit(tables, buffer, i, credibility[i], threat[i], entrapment[i], pct[i], tau, target);
            benefits[i] = benefit;
            hazardTerm[i] = double.IsNaN(benefit) ? 0 : -p.NetBenefitEffect * benefit;
        }
    }

    /// <summary>Each ally's share of the defence spending of the whole system (the allies and the patron) in year <paramref name="t"/> after the start.</summary>
    internal static void SystemShares(EngineTables tables, RunBuffer buffer, int t, double[] shares)
    {
        var spending = buffer.Spending;
        var total = tables.PatronSpending[t];
        for (var k = 0; k < tables.N; k++)
        {
            total += spending[k];
        }

        var totals = Vector256.Create(total);
        var i = 0;
        for (; i <= tables.N - AllyLanes.Width; i += AllyLanes.Width)
        {
            AllyLanes.Store(AllyLanes.Load(spending, i) / totals, shares, i);
        }

        for (; i < tables.N; i++)
        {
            shares[i] = spending[i] / total;
        }
    }

    /// <summary>
    /// Adds the hazard covariates of model 9 (§9.3) to each ally's log-hazard term: the change in
    /// its share of the system's defence spending since last year, a recent regime change or new
    /// outside alliance, log threat, and its standing traits, each times its coefficient.
    /// </summary>
    private static void AddCovariates(EngineTables tables, RunBuffer buffer, int t, int year)
    {
        var p = tables.Parameters;
        var n = tables.N;
        SystemShares(tables, buffer, t, buffer.ShareNow);
        var hazardTerm = buffer.HazardTerm.AsSpan(0, n);
        var status = buffer.Status.AsSpan(0, n);
        var shareLast = buffer.ShareLast.AsSpan(0, n);
        var share = buffer.ShareNow.AsSpan(0, n);
        var standing = tables.StandingCovariates.AsSpan(0, n);
        var regimeUntil = buffer.RegimeChangedUntil.AsSpan(0, n);
        var outsideUntil = buffer.OutsideAllianceUntil.AsSpan(0, n);
        var transient = buffer.Transient.AsSpan(0, n);
        var level = buffer.Level.AsSpan(0, n);
        var background = tables.BackgroundThreat.AsSpan(0, n);
        var (powerChange, regimeChange, outsideAlliance, threatEffect) = (p.PowerChangeEffect, p.RegimeChangeEffect, p.OutsideAllianceEffect, p.ThreatHazardEffect);
        var (powerChanges, regimeChanges, outsideAlliances, threatEffects, zero) = (Vector256.Create(powerChange), Vector256.Create(regimeChange),
            Vector256.Create(outsideAlliance), Vector256.Create(threatEffect), Vector256<double>.Zero);
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            // The scalar loop's operations, four allies at a time.
            var now = AllyLanes.Load(share, i);
            var sum = AllyLanes.Load(standing, i)
                + (powerChanges * Vector256.Abs(now - AllyLanes.Load(shareLast, i)))
                + Vector256.ConditionalSelect(AllyLanes.AtMost(year, regimeUntil, i), regimeChanges, zero)
                + Vector256.ConditionalSelect(AllyLanes.AtMost(year, outsideUntil, i), outsideAlliances, zero)
                + (threatEffects * (AllyLanes.Load(transient, i) + AllyLanes.Load(level, i) - AllyLanes.Load(background, i)));
            var term = AllyLanes.Load(hazardTerm, i);
            AllyLanes.Store(Vector256.ConditionalSelect(AllyLanes.Is(status, i, AllyStatus.Left), term, term + sum), hazardTerm, i);
            AllyLanes.Store(now, shareLast, i);
        }

        for (; i < n; i++)
        {
            if (status[i] != AllyStatus.Left)
            {
                hazardTerm[i] += standing[i]
                    + (powerChange * Math.Abs(share[i] - shareLast[i]))
                    + (year <= regimeUntil[i] ? regimeChange : 0)
                    + (year <= outsideUntil[i] ? outsideAlliance : 0)
                    + (threatEffect * (transient[i] + level[i] - background[i]));
            }

            shareLast[i] = share[i];
        }
    }

    /// <summary>A member starts hedging; a hedger leaves and falls back on self-help.</summary>
    private static void ChangeStatus(EngineTables tables, RunBuffer buffer, int i, int year)
    {
        var benefit = buffer.Benefit[i];
        buffer.Benefit[i] = double.NaN;
        if (buffer.Status[i] == AllyStatus.Member)
        {
            buffer.Status[i] = AllyStatus.Hedging;
            buffer.Hedged[i] = true;
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Hedging, benefit, -1));
        }
        else
        {
            buffer.Status[i] = AllyStatus.Left;
            buffer.Exited[i] = true;
            buffer.Spending[i] *= tables.Parameters.SelfHelpFactor;
            buffer.Pct[i] = 100 * buffer.Spending[i] / buffer.Income[i];
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Exit, benefit, -1));
        }
    }
}
