using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Bench;

/// <summary>
/// A Sobol analysis of the built-in <c>sma-2019</c> scenario over 8 parameters at N = 1024 on a
/// Saltelli design (10,240 design points) with 10 runs per point (102,400 runs), all outputs of
/// the scenario, on two threads: the speed target of the validation room (minutes on 2 cores).
/// One measured run: an analysis takes long enough that BenchmarkDotNet's repeated iterations
/// would add nothing but time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class SensitivityBenchmarks
{
    /// <summary>The 8 parameters varied: bargaining, belief and hazard parameters that drive the scenario's outputs.</summary>
    public static readonly string[] Parameters =
        ["threat_elasticity", "belief_memory", "multilateral_credibility", "transactional_credibility", "security_value", "demand_cost", "base_hazard", "net_benefit_effect"];

    private string _home = null!;
    private WorldStore _store = null!;
    private SimulationSetup _setup = null!;
    private IReadOnlyList<Prior> _priors = null!;
    private IReadOnlyList<ScenarioOutput> _outputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _home = Directory.CreateTempSubdirectory("linchpin-bench-").FullName;
        _store = WorldStore.Open(new StoreOptions(null, _home));
        _setup = ScenarioWorld.Resolve(_store, BuiltInScenarios.Load("sma-2019")).Setup;
        _priors = Priors.Defaults(Parameters);
        _outputs = ScenarioOutputs.Choose(_setup, []);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    /// <summary>Sobol, N = 1024, 8 parameters, 10 seeds per point, 2 threads.</summary>
    [Benchmark]
    public SensitivityResult SobolSma2019N1024Seeds10On2Threads() =>
        SensitivityAnalysis.Scenario(_setup, _priors, _outputs, new SensitivitySettings(SensitivityMethod.Sobol, 1024, Seeds: 10), threads: 2);
}
