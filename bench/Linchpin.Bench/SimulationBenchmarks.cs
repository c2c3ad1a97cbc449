using BenchmarkDotNet.Attributes;
using Linchpin.Simulation;

namespace Linchpin.Bench;

/// <summary>
/// The simulation's step loop (30 allies × 10 years per run: 300 ally-years) and a 10,000-run
/// ensemble on two threads, on a NATO-sized synthetic setup with three theatres, stochastic shocks
/// and a doctrine change.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private SimulationEngine _engine = null!;
    private RunBuffer _buffer = null!;
    private long _run;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        string[] theatres = ["east", "west", "south"];
        var allies = Enumerable.Range(0, 30).Select(i => new AllySetup($"A{i:00}", $"Ally {i}", 50 + (4000 * random.NextDouble()), 0.5 + (2 * random.NextDouble()),
            0.015, theatres[i % 3], 0.8, 10, i % 5 == 0 ? 30 : 0, 65, 0.3)).ToList();
        var setup = new SimulationSetup("bench", 2014, 10, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies,
            new Doctrine(0.2, 2, true, [new DoctrineChange(2017, 0.8)]),
            [new ShockSetup(ShockKind.Invasion, 2022, 0, ["east"], 0.5, 2, 0.2, "invasion"),
             new ShockSetup(ShockKind.MissileTest, null, 0.3, ["south"], 0.1, 0, 0.05, "test")],
            new SimulationParameters());
        _engine = new SimulationEngine(setup);
        _buffer = _engine.NewBuffer();
    }

    /// <summary>One run: 300 ally-years.</summary>
    [Benchmark(OperationsPerInvoke = 300)]
    public void StepLoopPerAllyYear() => _engine.Run(42, _run++, _buffer);

    /// <summary>A 10,000-run ensemble on two threads, with its summary.</summary>
    [Benchmark]
    public IReadOnlyList<SummaryRow> Ensemble10000On2Threads() => Ensemble.Run(_engine, 10_000, 42, threads: 2).Summary();
}
