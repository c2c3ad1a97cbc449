using Linchpin.Validation;

namespace Linchpin.Cluster.Tests;

[Collection("cluster")]
public class SensitivityPointsTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(SensitivityMethod.Sobol, 8, 5)]
    [InlineData(SensitivityMethod.Morris, 4, 3)]
    public async Task A_sensitivity_analysis_on_the_cluster_equals_the_local_one(SensitivityMethod method, int samples, int rangePoints)
    {
        var setup = ClusterFixture.Nato.Value.Setup;
        var priors = Priors.Defaults(["publicness", "threat_persistence"]);
        var outputs = ScenarioOutputs.Choose(setup, []);
        var settings = new SensitivitySettings(method, samples, 2, 17, 20);
        var local = SensitivityAnalysis.Scenario(setup, priors, outputs, settings, threads: 2);
        var cancellation = TestContext.Current.CancellationToken;
        var cluster = await Task.Run(() => SensitivityAnalysis.Scenario(setup, priors, outputs, settings, points =>
            SensitivityPoints.EvaluateAsync(fixture.Cluster.Client, Linchpin.Data.DatasetCatalog.ToolVersion, setup, priors, outputs, settings.Seeds, settings.Seed, points,
                rangePoints, null, cancellation).GetAwaiter().GetResult()), cancellation);
        Assert.Equal(local.Evaluations, cluster.Evaluations);
        Assert.True(local.Evaluations > rangePoints * 2);
        Assert.Equal(local.Outputs.Count, cluster.Outputs.Count);
        for (var o = 0; o < local.Outputs.Count; o++)
        {
            var (a, b) = (local.Outputs[o], cluster.Outputs[o]);
            Assert.Equal(a.Variance, b.Variance);
            Assert.Equal(a.NoiseShare, b.NoiseShare);
            if (a.Sobol is { } s)
            {
                Assert.Equal(s.Indices, b.Sobol!.Indices);
            }

            if (a.Morris is { } m)
            {
                Assert.Equal(m, b.Morris!);
            }
        }
    }
}
