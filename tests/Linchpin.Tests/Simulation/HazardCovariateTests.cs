using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The hazard covariates of model 9 (§9.3) against closed forms: with no net-benefit effect and a
/// flat baseline (Weibull shape 1), an ally's yearly probability of starting to hedge is
/// 1 − exp(−h₀·e^(Σβx)).
/// </summary>
public class HazardCovariateTests
{
    private const int Runs = 40_000;
    private const double BaseHazard = 0.05;

    private static SimulationSetup Setup(SimulationParameters parameters, IReadOnlyList<ShockSetup> shocks)
    {
        AllySetup Ally(string iso3, bool democracy) =>
            new(iso3, iso3, 1_000, 2, 0.02, "main", 0.75, 10, 0, 30, 0.3, null, new AllyTraits(Democracy: democracy));
        return new SimulationSetup("covariates", 2014, 4, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
            [Ally("AAA", democracy: true), Ally("BBB", democracy: false)], new Doctrine(0.5, 0, false), shocks, parameters);
    }

    private static SimulationParameters Flat(double democracy = 0, double regime = 0, int window = 1) => new(
        ThreatVolatility: 0, BaseHazard: BaseHazard, HazardShape: 1, NetBenefitEffect: 0, ExitHazardRatio: 0,
        DemocracyEffect: democracy, RegimeChangeEffect: regime, CovariateWindow: window,
        PowerChangeEffect: 0, OutsideAllianceEffect: 0, AsymmetryEffect: 0); // the fitted defaults are not 0

    /// <summary>The share of runs in which each ally starts hedging in year <paramref name="t"/>, among those still members the year before.</summary>
    private static double[] HedgingRate(SimulationEngine engine, int t)
    {
        var buffer = engine.NewBuffer();
        var (members, started) = (new int[engine.AllyCount], new int[engine.AllyCount]);
        for (var run = 0; run < Runs; run++)
        {
            engine.Run(7, run, buffer);
            for (var i = 0; i < engine.AllyCount; i++)
            {
                if (buffer.StatusByYear[((t - 1) * engine.AllyCount) + i] == AllyStatus.Member)
                {
                    members[i]++;
                    started[i] += buffer.StatusByYear[(t * engine.AllyCount) + i] == AllyStatus.Hedging ? 1 : 0;
                }
            }
        }

        return [.. started.Select((s, i) => (double)s / members[i])];
    }

    private static void Near(double expected, double actual, int members = Runs)
    {
        // Four binomial standard errors.
        var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / (members * 0.8));
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Democracy_scales_the_hazard_by_its_hazard_ratio()
    {
        var rates = HedgingRate(new SimulationEngine(Setup(Flat(democracy: Math.Log(0.4)), [])), 1);
        Near(1 - Math.Exp(-BaseHazard * 0.4), rates[0]);
        Near(1 - Math.Exp(-BaseHazard), rates[1]);
    }

    [Fact]
    public void A_regime_change_raises_the_hazard_for_its_window_only()
    {
        var shock = new ShockSetup(ShockKind.RegimeChange, 2016, 0, ["BBB"], 0, 0, 0, "coup");
        var engine = new SimulationEngine(Setup(Flat(regime: Math.Log(3), window: 2), [shock]));
        var (before, during, second, after) = (HedgingRate(engine, 1), HedgingRate(engine, 2), HedgingRate(engine, 3), HedgingRate(engine, 4));
        Near(1 - Math.Exp(-BaseHazard), before[1]);
        Near(1 - Math.Exp(-3 * BaseHazard), during[1]);
        Near(1 - Math.Exp(-3 * BaseHazard), second[1]);
        Near(1 - Math.Exp(-BaseHazard), after[1]);
        Near(1 - Math.Exp(-BaseHazard), during[0]);
    }

    [Fact]
    public void Without_coefficients_the_traits_change_nothing()
    {
        var plain = new SimulationEngine(Setup(Flat(), []));
        var (a, b) = (plain.NewBuffer(), plain.NewBuffer());
        plain.Run(3, 11, a);
        var swapped = Setup(Flat(), []) with { Allies = [.. Setup(Flat(), []).Allies.Select(x => x with { Traits = new AllyTraits(true, true, false) })] };
        new SimulationEngine(swapped).Run(3, 11, b);
        Assert.Equal(a.Values, b.Values);
    }
}
