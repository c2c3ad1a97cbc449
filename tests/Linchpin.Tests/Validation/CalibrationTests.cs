using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Tests.TestSupport;
using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>ABC rejection and posterior ensembles.</summary>
public class CalibrationTests
{
    private static SimulationSetup Toy(SimulationParameters parameters) => new(
        "toy", 2000, 5, new PatronSetup("USA", 10000, 3, 0.02, 0.3),
        [new AllySetup("AAA", "A", 1000, 1.5, 0.02, "t", 0.8, 10, 0, 50, 0.3), new AllySetup("BBB", "B", 2000, 2.5, 0.02, "t", 0.8, 10, 0, 50, 0.3)],
        new Doctrine(0.2, 2, true), [new ShockSetup(ShockKind.Invasion, 2002, 0, ["t"], 0.4, 0, 0, "x")], parameters with { ThreatVolatility = 0, BaseHazard = 0 });

    [Fact]
    public void Rejection_recovers_a_known_parameter_from_synthetic_data()
    {
        // Synthetic observations from threat_elasticity = 0.6; the posterior should concentrate near it.
        var truth = Toy(new SimulationParameters(ThreatElasticity: 0.6));
        var engine = new SimulationEngine(truth);
        var buffer = engine.NewBuffer();
        engine.Run(1, 0, buffer);
        var targets = new CalibrationTargets("synthetic", 2004,
            [new(0, 2004, TrajectoryVariable.PctGdp, buffer.Value(4, 0, TrajectoryVariable.PctGdp)), new(1, 2004, TrajectoryVariable.PctGdp, buffer.Value(4, 1, TrajectoryVariable.PctGdp))]);
        var prior = Priors.Defaults(["threat_elasticity"]);
        var posterior = AbcCalibration.Rejection(Toy(new SimulationParameters()), "hash", prior, targets, 400, 0.05, 7, 2);
        var (mean, sd, _, _) = posterior.Summary(0);
        Assert.Equal(0.6, mean, 0.05);
        Assert.True(sd < 0.1, $"{sd}");
        Assert.Equal(20, posterior.Particles.Count);
        Assert.All(posterior.Distances, d => Assert.True(d <= posterior.Epsilon));
    }

    [Fact]
    public void A_posterior_ensemble_is_the_same_on_any_thread_count_and_each_run_uses_its_own_draw()
    {
        var setup = Toy(new SimulationParameters()) with { Parameters = new SimulationParameters() };
        var prior = Priors.Defaults(["threat_elasticity"]);
        var posterior = new Posterior("toy", "hash", prior, [[0.1], [0.9]], [0, 0], 0, 2, "test", "none", 2004);
        var token = TestContext.Current.CancellationToken;
        var engine0 = new SimulationEngine(setup);
        var keptOne = new YearValueRecorder(engine0, 64, [2005], TrajectoryVariable.PctGdp);
        var keptTwo = new YearValueRecorder(engine0, 64, [2005], TrajectoryVariable.PctGdp);
        var one = PosteriorEnsemble.Run(setup, posterior, 64, 5, 1, keptOne, token);
        var two = PosteriorEnsemble.Run(setup, posterior, 64, 5, 2, keptTwo, token);
        Assert.Equal(one.Summary(), two.Summary());
        var draws = Enumerable.Range(0, 64).Select(r => posterior.ParticleFor(5, r)).ToList();
        Assert.Contains(0, draws);
        Assert.Contains(1, draws);
        for (var r = 0; r < 64; r++)
        {
            Assert.Equal(keptOne.Value(r, 0, 0), keptTwo.Value(r, 0, 0));

            // Each run equals a plain run of its particle's parameters with the run's own stream.
            var engine = new SimulationEngine(setup with { Parameters = posterior.Apply(setup.Parameters, draws[r]) });
            var buffer = engine.NewBuffer();
            engine.Run(5, r, buffer);
            Assert.Equal((float)buffer.Value(5, 0, TrajectoryVariable.PctGdp), keptOne.Value(r, 0, 0));
        }

        // The two particles give different paths, so the draws reach the runs.
        Assert.Contains(Enumerable.Range(0, 64), r => keptOne.Value(r, 0, 0) != keptOne.Value(draws.IndexOf(1 - draws[r]), 0, 0));
    }

    [Fact]
    public void A_posterior_file_reads_back_and_refuses_another_scenario()
    {
        using var home = new TempHome();
        var scenario = BuiltInScenarios.Load("nato-2014");
        var prior = Priors.Defaults(["threat_elasticity", "pledge_pull"]);
        var posterior = new Posterior(scenario.Name, scenario.Hash, prior, [[0.2, 0.1], [0.3, 0.4]], [0.1, 0.2], 0.2, 40, "test", "targets", 2019);
        var path = Path.Combine(home.Path, "p.parquet");
        PosteriorFile.Write(path, posterior);
        var back = PosteriorFile.Read(path, scenario);
        Assert.Equal(posterior.Particles, back.Particles);
        Assert.Equal(posterior.Priors.Select(p => (p.Name, p.Lower, p.Upper)), back.Priors.Select(p => (p.Name, p.Lower, p.Upper)));
        Assert.True(File.Exists(Path.ChangeExtension(path, ".json")));
        var other = Assert.Throws<LinchpinException>(() => PosteriorFile.Read(path, BuiltInScenarios.Load("sma-2019")));
        Assert.Contains("is of scenario 'nato-2014', not 'sma-2019'", other.Message, StringComparison.Ordinal);
        var edited = Assert.Throws<LinchpinException>(() => PosteriorFile.Read(path, scenario with { Text = scenario.Text + "\n" }));
        Assert.Contains("another version", edited.Message, StringComparison.Ordinal);
    }
}
