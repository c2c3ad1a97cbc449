using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The engine's yearly game pinned to a direct computation: one ally, no noise, the weights of
/// docs/models/simulation.md ("Treaty goods") built by hand and solved with <see cref="AllianceGame"/>.
/// Each factor (threat elasticity, pledge pull, transactional pressure, the hedging discount) enters
/// the expected value, so a change to any of them fails.
/// </summary>
public class SimulationPinTests
{
    private const double Gdp = 2_000;
    private const double Growth = 0.02;

    private static SimulationSetup Setup(SimulationParameters p, Doctrine doctrine, IReadOnlyList<ShockSetup>? shocks = null, double pct = 1.5, int years = 2) =>
        new("pin", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
            [new AllySetup("KOR", "KOR", Gdp, pct, Growth, "korea", 0.75, 10, 0, 20, 0.3, null)], doctrine, shocks ?? [], p);

    private static RunBuffer Run(SimulationEngine engine)
    {
        var buffer = engine.NewBuffer();
        engine.Run(1, 0, buffer);
        return buffer;
    }

    /// <summary>The year's equilibrium spending of the one ally: weights B m, D m (1 + pull · gap), spill-in κ · protection.</summary>
    private static double Expected(SimulationEngine engine, int t, double multiplier, double pull, double gap, double credibility)
    {
        double[] income = [Gdp * Math.Pow(1 + Growth, t)];
        double[] pub = [engine.PublicWeights[0] * multiplier];
        double[] priv = [engine.PrivateWeights[0] * multiplier * (1 + (pull * gap))];
        double[] spill = [credibility * engine.PatronProtection(t)];
        var q = new double[1];
        AllianceGame.Solve(income, pub, priv, spill, q);
        return q[0];
    }

    [Fact]
    public void An_invasion_scales_the_games_weights_by_exp_of_the_threat_elasticity_times_its_jump_and_the_rule_pulls_by_pledge_and_pressure()
    {
        // τ = 0.6, a 2 % rule with a pledge, the ally at 1.5 %: gap 0.25, pull = pledge pull + pressure · τ.
        var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8, PledgePull: 1.2, TransactionalPressure: 0.5, ThreatElasticity: 0.3);
        var invasion = new ShockSetup(ShockKind.Invasion, 2020, 0, ["KOR"], 0.4, 0, 0, "invasion");
        var engine = new SimulationEngine(Setup(p, new Doctrine(0.6, 2, true), [invasion]));
        var buffer = Run(engine);
        var belief = buffer.Value(1, 0, TrajectoryVariable.Belief);
        Assert.Equal((0.8 * 0.75) + (0.2 * ((0.85 * 0.4) + (0.55 * 0.6))), belief, 1e-12);
        Assert.Equal(Math.Exp(0.4), buffer.Value(1, 0, TrajectoryVariable.Threat), 1e-12);
        var expected = Expected(engine, 1, Math.Exp(0.3 * 0.4), 1.2 + (0.5 * 0.6), 0.25, belief);
        Assert.Equal(expected, buffer.Value(1, 0, TrajectoryVariable.Spending), 1e-9 * expected);

        // The channels are not idle: without the invasion, or without the pull, spending is lower by more than the tolerance.
        var calm = Run(new SimulationEngine(Setup(p, new Doctrine(0.6, 2, true))));
        var unpulled = Run(new SimulationEngine(Setup(p with { PledgePull = 0, TransactionalPressure = 0 }, new Doctrine(0.6, 2, true), [invasion])));
        Assert.True(calm.Value(1, 0, TrajectoryVariable.Spending) < expected * 0.99);
        Assert.True(unpulled.Value(1, 0, TrajectoryVariable.Spending) < expected * 0.99);
    }

    [Fact]
    public void A_hedger_counts_on_the_hedging_discount_times_its_belief()
    {
        // A huge base hazard makes the ally hedge at the end of year 1 (never leave: exit ratio 0); in year 2 it acts on
        // credibility = discount · belief.
        var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 500, ExitHazardRatio: 0, BeliefMemory: 0.8, HedgingDiscount: 0.4);
        var engine = new SimulationEngine(Setup(p, new Doctrine(0.5, 0, false)));
        var buffer = Run(engine);
        Assert.Equal(AllyStatus.Hedging, buffer.StatusByYear[1]);
        var expected = Expected(engine, 2, 1, 0, 0, 0.4 * buffer.Value(2, 0, TrajectoryVariable.Belief));
        Assert.Equal(expected, buffer.Value(2, 0, TrajectoryVariable.Spending), 1e-9 * expected);
        var member = Expected(engine, 2, 1, 0, 0, buffer.Value(2, 0, TrajectoryVariable.Belief));
        Assert.True(expected > member * 1.001, "a hedger's lower credibility raises its self-help spending");
    }
}
