using BenchmarkDotNet.Attributes;
using Linchpin.Simulation;

namespace Linchpin.Bench;

/// <summary>
/// The simulation's step loop (30 allies × 10 years per run: 300 ally-years) and a 10,000-run
/// ensemble on two threads, on a NATO-sized synthetic setup with three theatres, stochastic shocks
/// and a doctrine change; the same with the actors on: two rivals probing three theatres, troops
/// (tripwire, posture, withdrawal threats) on every fifth ally, two demands, two friction pairs and
/// reputation weighted by a similarity matrix.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private SimulationEngine _engine = null!;
    private RunBuffer _buffer = null!;
    private SimulationEngine _actors = null!;
    private RunBuffer _actorBuffer = null!;
    private long _run;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var setup = SyntheticScenario.ThirtyAllies(random);
        _engine = new SimulationEngine(setup);
        _buffer = _engine.NewBuffer();

        var similarity = Enumerable.Range(0, 30 * 30).Select(k => k / 30 == k % 30 ? 1 : 0.5 + (0.5 * random.NextDouble())).ToArray();
        var withActors = setup with
        {
            Rivals = [new RivalSetup("Russia", ["east", "west"], 0.8, 0.1, 0.05, true, "probe"), new RivalSetup("Other", ["south"], 0.5, 0.08, 0.1, false, "incident")],
            Demands = [new DemandSetup("coalition", DemandKind.Coalition, "A05", 2016, 0.3, 0.15, 0.1, 0.1, false, "A10", null, "coalition"),
                new DemandSetup("basing", DemandKind.MissileBasing, "A00", 2019, 0.4, 0.3, 0.3, 0.3, false, null, "Russia", "basing")],
            Frictions = [new FrictionSetup("A05", "A10", 0.4), new FrictionSetup("A01", "A02", 0.2)],
            Similarity = similarity,
        };
        _actors = new SimulationEngine(withActors);
        _actorBuffer = _actors.NewBuffer();
    }

    /// <summary>One run: 300 ally-years.</summary>
    [Benchmark(OperationsPerInvoke = 300)]
    public void StepLoopPerAllyYear() => _engine.Run(42, _run++, _buffer);

    /// <summary>One run with the actors on: 300 ally-years.</summary>
    [Benchmark(OperationsPerInvoke = 300)]
    public void StepLoopWithActorsPerAllyYear() => _actors.Run(42, _run++, _actorBuffer);

    /// <summary>A 10,000-run ensemble on two threads, with its summary.</summary>
    [Benchmark]
    public IReadOnlyList<SummaryRow> Ensemble10000On2Threads() => Ensemble.Run(_engine, 10_000, 42, threads: 2).Summary();
}
