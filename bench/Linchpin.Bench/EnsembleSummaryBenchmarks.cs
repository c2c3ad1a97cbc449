using BenchmarkDotNet.Attributes;
using Linchpin.Simulation;

namespace Linchpin.Bench;

/// <summary>
/// What a run costs the ensemble summary: <see cref="EnsembleSummary"/> (exact sums and quantiles
/// from bounded memory, in one pass or more) against the earlier way of keeping every run's values
/// (single precision, as the trajectories are stored) and sorting each series at the end. The runs
/// are 64 precomputed runs of a NATO-sized synthetic setup (30 allies, 10 years) taken in turn, so
/// only the accumulation is measured. MemoryDiagnoser's "Allocated" is the total allocated over
/// the operation, not the peak held: the stored runs hold all of theirs at once (about 9 KB a run
/// here), the streamed summary frees its passes' buffers as it goes, so its peak stays bounded in
/// the run count while its total grows with the passes (peak memory is measured with
/// <c>/usr/bin/time -v</c> on <c>simulate --out</c>). The baseline does less than the summary: no
/// exact sums and no outcome quantiles.
/// </summary>
[MemoryDiagnoser]
public class EnsembleSummaryBenchmarks
{
    private const int Distinct = 64;
    private SimulationEngine _engine = null!;
    private RunBuffer[] _runs = null!;

    [Params(1_000, 20_000)]
    public int Runs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var setup = SyntheticScenario.ThirtyAllies(random);
        _engine = new SimulationEngine(setup);
        _runs = new RunBuffer[Distinct];
        for (var r = 0; r < Distinct; r++)
        {
            _runs[r] = _engine.NewBuffer();
            _engine.Run(42, r, _runs[r]);
        }
    }

    /// <summary>The streamed summary: a pilot and further passes where the values do not fit in memory, as <c>simulate --out</c> does.</summary>
    [Benchmark(Baseline = true)]
    public EnsembleResult Streamed()
    {
        EnsembleSummary? pilot = EnsemblePass.NeedsPilot(_engine, Runs) ? Fill(EnsemblePass.Pilot(_engine, Runs)) : null;
        var pass = EnsemblePass.Start(_engine, Runs, pilot);
        while (true)
        {
            var summary = Fill(pass);
            if (summary.Next() is not { } next)
            {
                return summary.Result(42);
            }

            pass = next;
        }
    }

    /// <summary>Every run's values kept, then each series sorted for its median and 5-95 % band.</summary>
    [Benchmark]
    public double StoredRuns()
    {
        var stored = new List<float[]>(Runs);
        for (var r = 0; r < Runs; r++)
        {
            stored.Add(Array.ConvertAll(_runs[r % Distinct].Values, v => (float)v));
        }

        var series = new double[Runs];
        var checksum = 0.0;
        for (var s = 0; s < stored[0].Length; s++)
        {
            for (var r = 0; r < Runs; r++)
            {
                series[r] = stored[r][s];
            }

            Array.Sort(series);
            checksum += EnsembleResult.Quantile(series, 0.5) + EnsembleResult.Quantile(series, 0.05) + EnsembleResult.Quantile(series, 0.95);
        }

        return checksum;
    }

    private EnsembleSummary Fill(EnsemblePass pass)
    {
        var summary = new EnsembleSummary(pass);
        for (var r = 0; r < pass.Runs; r++)
        {
            summary.Add(_runs[r % Distinct]);
        }

        return summary;
    }
}
