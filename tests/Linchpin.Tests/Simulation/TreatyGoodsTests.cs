using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>Each treaty its own club good, with a cross-treaty spillover weight (docs/models/simulation.md, "Treaty goods").</summary>
public class TreatyGoodsTests
{
    private static SimulationSetup Spokes(double spillover, bool japanShock, string? nato = "3180", string? korea = "3240", string? japan = "3375")
    {
        AllySetup Ally(string iso3, double gdp, double pct, string theatre, string? treaty) =>
            new(iso3, iso3, gdp, pct, 0.02, theatre, 0.75, 10, 0, 20, 0.3, Treaty: treaty);
        IReadOnlyList<ShockSetup> shocks = japanShock ? [new ShockSetup(ShockKind.MissileTest, 2016, 0, ["JPN"], 0.4, 0, 0, "test on Japan")] : [];
        return new SimulationSetup("spokes", 2014, 5, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
            [Ally("DEU", 4_000, 1.2, "europe", nato), Ally("POL", 1_000, 1.9, "europe", nato), Ally("KOR", 2_000, 2.5, "korea", korea), Ally("JPN", 5_000, 1.0, "japan", japan)],
            new Doctrine(0.5, 0, false), shocks, new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, TreatySpillover: spillover));
    }

    private static RunBuffer Run(SimulationSetup setup)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(7, 0, buffer);
        return buffer;
    }

    [Fact]
    public void A_Japanese_spending_shock_leaves_Korea_unchanged_at_spillover_0()
    {
        var (calm, shocked) = (Run(Spokes(0, false)), Run(Spokes(0, true)));
        Assert.True(shocked.Value(3, 3, TrajectoryVariable.Spending) > calm.Value(3, 3, TrajectoryVariable.Spending) * 1.01, "the shock must raise Japan's spending");
        for (var t = 0; t <= 5; t++)
        {
            Assert.Equal(calm.Value(t, 2, TrajectoryVariable.Spending), shocked.Value(t, 2, TrajectoryVariable.Spending), 1e-9 * calm.Value(t, 2, TrajectoryVariable.Spending));
            Assert.Equal(calm.Value(t, 0, TrajectoryVariable.Spending), shocked.Value(t, 0, TrajectoryVariable.Spending), 1e-9 * calm.Value(t, 0, TrajectoryVariable.Spending));
        }
    }

    [Fact]
    public void A_Japanese_spending_shock_lowers_Korea_spending_at_spillover_above_0()
    {
        // More Japanese spending enters Korea's security at weight s: the club good is a substitute for its own (free riding).
        var (calm, shocked) = (Run(Spokes(0.3, false)), Run(Spokes(0.3, true)));
        Assert.True(shocked.Value(3, 3, TrajectoryVariable.Spending) > calm.Value(3, 3, TrajectoryVariable.Spending));
        Assert.True(shocked.Value(3, 2, TrajectoryVariable.Spending) < calm.Value(3, 2, TrajectoryVariable.Spending) * (1 - 1e-6));
        Assert.True(shocked.Value(3, 0, TrajectoryVariable.Spending) < calm.Value(3, 0, TrajectoryVariable.Spending) * (1 - 1e-6));
    }

    [Fact]
    public void A_NATO_only_setup_gives_the_pooled_results()
    {
        var (pooled, nato) = (Run(Spokes(0, true, null, null, null)), Run(Spokes(0.4, true, "3180", "3180", "3180")));
        Assert.Equal(pooled.Values.Length, nato.Values.Length);
        for (var k = 0; k < pooled.Values.Length; k++)
        {
            Assert.Equal(pooled.Values[k], nato.Values[k], 1e-9 * Math.Max(1, Math.Abs(pooled.Values[k])));
        }
    }

    [Fact]
    public void Spillover_1_between_treaties_is_one_pool()
    {
        var (pooled, spokes) = (Run(Spokes(0, true, null, null, null)), Run(Spokes(1, true)));
        for (var t = 0; t <= 5; t++)
        {
            for (var i = 0; i < 4; i++)
            {
                var expected = pooled.Value(t, i, TrajectoryVariable.Spending);
                Assert.Equal(expected, spokes.Value(t, i, TrajectoryVariable.Spending), 1e-8 * expected);
            }
        }
    }

    [Fact]
    public void The_start_year_is_an_equilibrium_of_the_treaty_games()
    {
        // First-order condition 1/(w − q) = B/X + D/q with X = G_k + s(G − G_k) + κE, at the calibrated weights.
        var setup = Spokes(0.25, false);
        var engine = new SimulationEngine(setup);
        var q = setup.Allies.Select(a => a.Gdp * a.PctGdp / 100).ToArray();
        var total = q.Sum();
        for (var i = 0; i < q.Length; i++)
        {
            var own = setup.Allies.Select((a, j) => a.Treaty == setup.Allies[i].Treaty ? q[j] : 0).Sum();
            var x = own + (0.25 * (total - own)) + (setup.Allies[i].Belief * engine.PatronProtection(0));
            var w = setup.Allies[i].Gdp;
            Assert.Equal(1 / (w - q[i]), (engine.PublicWeights[i] / x) + (engine.PrivateWeights[i] / q[i]), 1e-12 / (w - q[i]));
        }
    }
}
