using Linchpin.Games.PublicGoods;
using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

public class SimulationEngineTests
{
    internal static SimulationSetup Setup(
        SimulationParameters? parameters = null, Doctrine? doctrine = null, IReadOnlyList<ShockSetup>? shocks = null, int years = 10,
        CostSharingSetup? deal = null)
    {
        AllySetup Ally(string iso3, double gdp, double pct, string theatre, double troops = 0, CostSharingSetup? cs = null) =>
            new(iso3, iso3, gdp, pct, 0.02, theatre, 0.75, 10, troops, 20, 0.3, cs);
        return new SimulationSetup("test", 2014, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
            [Ally("DEU", 4_000, 1.2, "europe"), Ally("POL", 1_000, 1.9, "europe"), Ally("KOR", 2_000, 2.5, "korea", 28.5, deal), Ally("EST", 40, 1.9, "europe")],
            doctrine ?? new Doctrine(0.5, 0, false), shocks ?? [], parameters ?? new SimulationParameters());
    }

    private static SimulationParameters Quiet(double publicness) =>
        new(Publicness: publicness, ThreatVolatility: 0, BeliefMemory: 1, BaseHazard: 0);

    public class Calibration
    {
        [Fact]
        public void Start_year_spending_is_an_equilibrium()
        {
            var engine = new SimulationEngine(Setup());
            var income = engine.Setup.Allies.Select(a => a.Gdp).ToArray();
            var spill = engine.Setup.Allies.Select(a => a.Belief * engine.PatronProtection(0)).ToArray();
            var q = new double[income.Length];
            AllianceGame.Solve(income, [.. engine.PublicWeights], [.. engine.PrivateWeights], spill, q);
            for (var i = 0; i < q.Length; i++)
            {
                Assert.Equal(income[i] * engine.Setup.Allies[i].PctGdp / 100, q[i], 1e-9 * income[i]);
            }
        }
    }

    public class ClosedForm
    {
        [Fact]
        public void Without_shocks_or_patron_the_path_is_the_public_good_equilibrium_of_the_games_library()
        {
            // π = 1 (no private joint product), no patron protection, constant belief: every year is
            // the pure Cobb-Douglas game with α = 1/(1 + B) and incomes grown 2 % a year.
            var setup = Setup(Quiet(1)) with { Patron = new PatronSetup("USA", 18_000, 3.5, 0.02, 0) };
            var engine = new SimulationEngine(setup);
            var buffer = engine.NewBuffer();
            engine.Run(42, 0, buffer);
            for (var t = 0; t <= setup.Years; t++)
            {
                var allies = setup.Allies.Select((a, i) => new Ally(a.Iso3, a.Gdp * Math.Pow(1.02, t), new CobbDouglas(1 / (1 + engine.PublicWeights[i])))).ToArray();
                var equilibrium = PublicGoodGame.Solve(allies);
                for (var i = 0; i < allies.Length; i++)
                {
                    Assert.Equal(equilibrium.Contributions[i], buffer.Value(t, i, TrajectoryVariable.Spending), 1e-8 * allies[i].Income);
                }
            }
        }

        [Fact]
        public void With_constant_beliefs_and_no_shocks_spending_grows_with_gdp_only_when_all_grow_alike()
        {
            var engine = new SimulationEngine(Setup(Quiet(0.5)) with { Patron = new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3) });
            var buffer = engine.NewBuffer();
            engine.Run(1, 0, buffer);
            for (var i = 0; i < engine.AllyCount; i++)
            {
                Assert.Equal(engine.Setup.Allies[i].PctGdp, buffer.Value(10, i, TrajectoryVariable.PctGdp), 1e-9);
                Assert.Equal(0.75, buffer.Value(10, i, TrajectoryVariable.Belief), 1e-12);
            }
        }

        [Fact]
        public void Beliefs_drift_to_the_credibility_the_doctrine_signals()
        {
            var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.5);
            var buffer = Run(Setup(p, new Doctrine(1, 0, false), years: 40));
            Assert.Equal(p.TransactionalCredibility, buffer.Value(40, 0, TrajectoryVariable.Belief), 1e-9);
            var multilateral = Run(Setup(p, new Doctrine(0, 0, false), years: 40));
            Assert.Equal(p.MultilateralCredibility, multilateral.Value(40, 0, TrajectoryVariable.Belief), 1e-9);
        }

        [Fact]
        public void Lower_credibility_raises_self_help_spending()
        {
            var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.5);
            var transactional = Run(Setup(p, new Doctrine(1, 0, false)));
            var multilateral = Run(Setup(p, new Doctrine(0, 0, false)));
            Assert.True(transactional.Value(10, 2, TrajectoryVariable.PctGdp) > multilateral.Value(10, 2, TrajectoryVariable.PctGdp));
        }

        [Fact]
        public void An_invasion_raises_threat_for_good_and_spending_in_its_theatre()
        {
            var shock = new ShockSetup(ShockKind.Invasion, 2016, 0, ["europe"], 0.5, 2, 0.2, "invasion");
            var buffer = Run(Setup(Quiet(0.5), shocks: [shock]));
            Assert.Equal(Math.Exp(0.5), buffer.Value(10, 1, TrajectoryVariable.Threat), 1e-9);
            Assert.Equal(1, buffer.Value(10, 2, TrajectoryVariable.Threat), 1e-12);
            Assert.True(buffer.Value(10, 1, TrajectoryVariable.PctGdp) > 1.9);
        }

        [Fact]
        public void Background_shocks_keep_the_mean_log_threat_at_its_start_year_level()
        {
            // A stochastic missile test (p = 0.6, jump 0.1, persistence 0.8) adds 0.3 to the stationary mean of the
            // transient; the run starts there, so E[log threat] stays 0 in every year (it would drift to 0.3 from 0).
            var shock = new ShockSetup(ShockKind.MissileTest, null, 0.6, ["korea"], 0.1, 0, 0.05, "test", Background: true);
            var engine = new SimulationEngine(Setup(Quiet(0.5) with { ThreatPersistence = 0.8 }, shocks: [shock]));
            var buffer = engine.NewBuffer();
            const int runs = 20_000;
            var (sum, sumOfSquares) = (0.0, 0.0);
            for (var run = 0; run < runs; run++)
            {
                engine.Run(5, run, buffer);
                var log = Math.Log(buffer.Value(10, 2, TrajectoryVariable.Threat));
                sum += log;
                sumOfSquares += log * log;
            }

            var mean = sum / runs;
            var standardError = Math.Sqrt(((sumOfSquares / runs) - (mean * mean)) / runs);
            Assert.InRange(mean, -4 * standardError, 4 * standardError);
            Assert.True(standardError < 0.002);
        }

        [Fact]
        public void Stochastic_shocks_not_marked_background_move_the_mean_log_threat()
        {
            // Not in the start year: E[x_t] = p·jump·(1 − φ^t)/(1 − φ) = 0.06 (1 − 0.8^10)/0.2 after ten years.
            var shock = new ShockSetup(ShockKind.MissileTest, null, 0.6, ["korea"], 0.1, 0, 0.05, "test");
            var engine = new SimulationEngine(Setup(Quiet(0.5) with { ThreatPersistence = 0.8 }, shocks: [shock]));
            var buffer = engine.NewBuffer();
            const int runs = 20_000;
            var (sum, sumOfSquares) = (0.0, 0.0);
            for (var run = 0; run < runs; run++)
            {
                engine.Run(5, run, buffer);
                var log = Math.Log(buffer.Value(10, 2, TrajectoryVariable.Threat));
                sum += log;
                sumOfSquares += log * log;
            }

            var mean = sum / runs;
            var standardError = Math.Sqrt(((sumOfSquares / runs) - (mean * mean)) / runs);
            var expected = 0.06 * (1 - Math.Pow(0.8, 10)) / 0.2;
            Assert.InRange(mean, expected - (4 * standardError), expected + (4 * standardError));
        }
    }

    public class Invariants
    {
        [Fact]
        public void Statuses_only_move_forward_and_spending_stays_non_negative()
        {
            var p = new SimulationParameters(BaseHazard: 0.5);
            var setup = Setup(p, new Doctrine(1, 2, true), [new ShockSetup(ShockKind.MissileTest, null, 0.3, ["all"], 0.1, -1, 0.1, "test")]);
            var engine = new SimulationEngine(setup);
            var buffer = engine.NewBuffer();
            for (var run = 0; run < 200; run++)
            {
                engine.Run(7, run, buffer);
                for (var i = 0; i < engine.AllyCount; i++)
                {
                    for (var t = 1; t < engine.RecordedYears; t++)
                    {
                        Assert.True(buffer.StatusByYear[(t * engine.AllyCount) + i] >= buffer.StatusByYear[((t - 1) * engine.AllyCount) + i]);
                        Assert.True(buffer.Value(t, i, TrajectoryVariable.Spending) >= 0);
                        var belief = buffer.Value(t, i, TrajectoryVariable.Belief);
                        Assert.InRange(belief, 0, 1);
                    }
                }
            }
        }

        [Fact]
        public void Outcome_probabilities_are_in_the_unit_interval()
        {
            var deal = new CostSharingSetup("KRW bn", 1038.9, 2015, 5, 3000, 2000, 2000, 1500, 1000, 2500, 5800);
            var result = Ensemble.Run(new SimulationEngine(Setup(new SimulationParameters(BaseHazard: 0.2), new Doctrine(0.9, 2, false), deal: deal)), 300, 5, cancellation: TestContext.Current.CancellationToken);
            foreach (var o in result.Outcomes())
            {
                Assert.InRange(o.Hedging, 0, 1);
                Assert.InRange(o.Exit, 0, o.Hedging);
                if (o.Iso3 == "KOR")
                {
                    Assert.InRange(o.Settlement, 0, 1);
                    Assert.InRange(o.Breakdown, 0, 1);
                    Assert.True(o.SettlementLow <= o.SettlementMedian && o.SettlementMedian <= o.SettlementHigh);
                }
                else
                {
                    Assert.True(double.IsNaN(o.Settlement));
                }
            }
        }
    }

    public class Determinism
    {
        [Fact]
        public void The_summary_is_identical_on_one_and_on_two_threads()
        {
            var engine = new SimulationEngine(Setup(new SimulationParameters(BaseHazard: 0.1), new Doctrine(0.7, 2, true),
                [new ShockSetup(ShockKind.MaritimeIncident, null, 0.4, ["korea"], 0.08, 1, 0.1, "incident")]));
            var one = Ensemble.Run(engine, 500, 42, threads: 1, cancellation: TestContext.Current.CancellationToken).Summary();
            var two = Ensemble.Run(engine, 500, 42, threads: 2, cancellation: TestContext.Current.CancellationToken).Summary();
            Assert.Equal(one, two);
            var other = Ensemble.Run(engine, 500, 43, threads: 2, cancellation: TestContext.Current.CancellationToken).Summary();
            Assert.NotEqual(one, other);
        }
    }

    private static RunBuffer Run(SimulationSetup setup)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(3, 0, buffer);
        return buffer;
    }
}
