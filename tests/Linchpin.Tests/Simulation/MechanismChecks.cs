using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>What the mechanism tests share: a binomial check, the quiet year-1 belief, and year-1 hedging counted over runs.</summary>
internal static class MechanismChecks
{
    /// <summary>Asserts that <paramref name="hits"/> of <paramref name="runs"/> is within 4 standard errors of <paramref name="expected"/>.</summary>
    public static void Within4StandardErrors(double expected, int hits, int runs)
    {
        var share = (double)hits / runs;
        var error = Math.Sqrt(expected * (1 - expected) / runs);
        Assert.InRange(share, expected - (4 * error) - 1e-12, expected + (4 * error) + 1e-12);
    }

    /// <summary>
    /// A belief of 0.75 with weight 10 after a year at memory λ = 0.8 with the doctrine's signal
    /// s = 0.85 (1 − τ) + 0.55 τ and no troops, as Beta(α, β).
    /// </summary>
    public static (double Alpha, double Beta) BeliefAfterOneYear(double tau)
    {
        var s = (0.85 * (1 - tau)) + (0.55 * tau);
        return ((0.8 * 7.5) + (0.2 * 10 * s), (0.8 * 2.5) + (0.2 * 10 * (1 - s)));
    }

    /// <summary>
    /// Runs <paramref name="runs"/> runs and counts those in which ally 0 hedges in year 1, with the net benefit
    /// its hazard used (the same in every run without noise; a hedger's record is taken after its belief is discounted).
    /// </summary>
    public static (int Hedged, double Benefit) YearOneHedging(SimulationEngine engine, int runs, ulong seed)
    {
        var buffer = engine.NewBuffer();
        var hedged = 0;
        double? benefit = null;
        for (var r = 0; r < runs; r++)
        {
            engine.Run(seed, r, buffer);
            if (buffer.StatusByYear[engine.AllyCount] == AllyStatus.Hedging)
            {
                hedged++;
            }
            else
            {
                benefit = buffer.Value(1, 0, TrajectoryVariable.NetBenefit);
            }
        }

        return (hedged, benefit ?? throw new InvalidOperationException("ally 0 hedged in every run: no net benefit was recorded"));
    }
}
