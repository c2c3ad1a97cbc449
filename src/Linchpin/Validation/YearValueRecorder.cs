using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>
/// Keeps one variable of every ally in a few years of every run of an ensemble (in single
/// precision, as the ensemble summarises them), so a backtest can score per-run quantities such as
/// the number of allies at a target after the runs are made, without keeping whole trajectories.
/// </summary>
public sealed class YearValueRecorder : IRunRecorder
{
    private readonly int[] _steps;
    private readonly int _allies;
    private readonly TrajectoryVariable _variable;
    private readonly float[] _values;

    /// <summary>A recorder for <paramref name="runs"/> runs of <paramref name="engine"/>, keeping <paramref name="variable"/> in <paramref name="years"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year outside the engine's horizon, or fewer than one run.</exception>
    public YearValueRecorder(SimulationEngine engine, int runs, IReadOnlyList<int> years, TrajectoryVariable variable)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        _steps = [.. years.Select(y => y - engine.Setup.StartYear)];
        if (_steps.Any(t => t < 0 || t >= engine.RecordedYears))
        {
            throw new ArgumentOutOfRangeException(nameof(years), $"years must lie in {engine.Setup.StartYear}-{engine.Setup.StartYear + engine.Setup.Years}");
        }

        Years = [.. years];
        Runs = runs;
        _allies = engine.AllyCount;
        _variable = variable;
        _values = new float[(long)runs * _steps.Length * _allies];
    }

    /// <summary>The kept years.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Runs of the ensemble.</summary>
    public int Runs { get; }

    /// <inheritdoc/>
    public int BatchRuns => 4096;

    /// <summary>The value of ally <paramref name="ally"/> in kept year number <paramref name="year"/> of run <paramref name="run"/>.</summary>
    public double Value(int run, int year, int ally) => _values[(((long)run * _steps.Length) + year) * _allies + ally];

    /// <inheritdoc/>
    public void Record(int slot, long run, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (var y = 0; y < _steps.Length; y++)
        {
            for (var i = 0; i < _allies; i++)
            {
                _values[((run * _steps.Length) + y) * _allies + i] = (float)buffer.Value(_steps[y], i, _variable);
            }
        }
    }

    /// <inheritdoc/>
    public void Flush(long firstRun, int count)
    {
    }
}
