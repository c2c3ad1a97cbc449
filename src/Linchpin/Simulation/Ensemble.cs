namespace Linchpin.Simulation;

/// <summary>One row of an ensemble summary: the distribution of one variable for one ally in one year.</summary>
/// <param name="Iso3">The ally.</param>
/// <param name="Variable">The variable.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Median">The median over runs.</param>
/// <param name="Low">The 5th percentile.</param>
/// <param name="High">The 95th percentile.</param>
/// <param name="Mean">The mean.</param>
public sealed record SummaryRow(string Iso3, TrajectoryVariable Variable, int Year, double Median, double Low, double High, double Mean);

/// <summary>Per-ally probabilities over the whole horizon, and the distribution of the first cost-sharing settlement.</summary>
/// <param name="Iso3">The ally.</param>
/// <param name="Settlement">Share of runs in which a cost-sharing agreement was settled (NaN for an ally without one).</param>
/// <param name="Breakdown">Share of runs in which talks lapsed at least once (NaN without an agreement).</param>
/// <param name="Hedging">Share of runs in which the ally hedged.</param>
/// <param name="Exit">Share of runs in which it left.</param>
/// <param name="SettlementMedian">Median first settled payment (NaN when never settled).</param>
/// <param name="SettlementLow">Its 5th percentile.</param>
/// <param name="SettlementHigh">Its 95th percentile.</param>
/// <param name="Demands">The outcomes of the patron's demands on the ally, in scenario order (empty when none).</param>
public sealed record AllyOutcome(
    string Iso3, double Settlement, double Breakdown, double Hedging, double Exit, double SettlementMedian, double SettlementLow, double SettlementHigh,
    IReadOnlyList<DemandOutcome> Demands);

/// <summary>The share of runs in which a host accepted, met in part or refused a demand (the rest: it had left before).</summary>
/// <param name="Id">The demand's id.</param>
/// <param name="Iso3">The host.</param>
/// <param name="Accept">Share of runs in which it accepted.</param>
/// <param name="Partial">Share of runs in which it met the demand in part.</param>
/// <param name="Refuse">Share of runs in which it refused.</param>
public sealed record DemandOutcome(string Id, string Iso3, double Accept, double Partial, double Refuse);

/// <summary>
/// What an ensemble found: bands per ally, variable and year, and per-ally outcomes, computed
/// while the runs were made (see <see cref="EnsembleSummary"/>): no run is kept in memory. Run
/// <c>r</c> used the random stream of (seed, r), so the result does not depend on how many
/// threads computed it.
/// </summary>
public sealed partial class EnsembleResult
{
    private readonly IReadOnlyList<SummaryRow> _rows;
    private readonly IReadOnlyList<AllyOutcomeSummary> _outcomes;
    private readonly IReadOnlyList<double>[]? _settlements;
    private readonly IReadOnlyList<DemandOutcome> _demands;

    internal EnsembleResult(
        SimulationEngine engine, int runs, ulong seed, IReadOnlyList<SummaryRow> rows, IReadOnlyList<AllyOutcomeSummary> outcomes, IReadOnlyList<double>[]? settlements,
        IReadOnlyList<DemandOutcome> demands)
    {
        _demands = demands;
        Engine = engine;
        Runs = runs;
        Seed = seed;
        _rows = rows;
        _outcomes = outcomes;
        _settlements = settlements;
    }

    /// <summary>The engine the runs came from.</summary>
    public SimulationEngine Engine { get; }

    /// <summary>Number of runs.</summary>
    public int Runs { get; }

    /// <summary>The ensemble seed.</summary>
    public ulong Seed { get; }

    /// <summary>Whether every first settlement was kept (ensembles whose values fit in memory), so <see cref="FirstSettlements"/> can list them.</summary>
    public bool KeptSettlements => _settlements is not null;

    /// <summary>Every per-ally outcome, ally by ally in the order of <see cref="AllyOutcomeDefinition.All"/>.</summary>
    public IReadOnlyList<AllyOutcomeSummary> AllOutcomes => _outcomes;

    /// <summary>The first settled cost-sharing payment of ally <paramref name="ally"/> in every run that settled one, in ascending order.</summary>
    /// <exception cref="InvalidOperationException">The ensemble was too large to keep them (see <see cref="KeptSettlements"/>).</exception>
    public IReadOnlyList<double> FirstSettlements(int ally)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ally);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ally, Engine.AllyCount);
        return _settlements?[ally] ?? throw new InvalidOperationException($"an ensemble of {Runs} runs keeps only the settlement distribution's quantiles");
    }

    /// <summary>Median, 5 % and 95 % bands and mean per ally, variable and year (ally by ally, then variable, then year).</summary>
    public IReadOnlyList<SummaryRow> Summary() => _rows;

    /// <summary>Every demand's shares of accept, partial and refuse over the runs, in scenario order.</summary>
    public IReadOnlyList<DemandOutcome> DemandOutcomes() => _demands;

    /// <summary>Per-ally probabilities of settlement, breakdown, hedging and exit, the settlement distribution and the demands' outcomes.</summary>
    public IReadOnlyList<AllyOutcome> Outcomes()
    {
        double Of(string iso3, string name, Func<AllyOutcomeSummary, double> pick) =>
            _outcomes.First(o => o.Iso3 == iso3 && o.Definition.Name == name) is { Applies: true } o ? pick(o) : double.NaN;

        return [.. Engine.Setup.Allies.Select(a => new AllyOutcome(a.Iso3,
            Of(a.Iso3, "p_settlement", o => o.Probability), Of(a.Iso3, "p_breakdown", o => o.Probability),
            Of(a.Iso3, "p_hedging", o => o.Probability), Of(a.Iso3, "p_exit", o => o.Probability),
            Of(a.Iso3, "settlement", o => o.Median), Of(a.Iso3, "settlement", o => o.Low), Of(a.Iso3, "settlement", o => o.High),
            [.. _demands.Where(d => d.Iso3 == a.Iso3)]))];
    }

    /// <summary>The type-7 (linear interpolation) quantile of sorted values.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var (lo, hi, weight) = ExactQuantiles.Type7(sorted.Length, probability);
        return sorted[(int)lo] + (weight * (sorted[(int)hi] - sorted[(int)lo]));
    }
}

/// <summary>
/// Sees every run of an ensemble's first pass, in run order, e.g. to stream trajectories to a
/// file: runs are made in batches of <see cref="BatchRuns"/>; each run of a batch is recorded (from
/// any thread) into its slot, then the batch is flushed, in order, from one thread.
/// </summary>
public interface IRunRecorder
{
    /// <summary>Runs per batch (the slots the recorder holds), ≥ 1.</summary>
    int BatchRuns { get; }

    /// <summary>Records run <paramref name="run"/> into slot <paramref name="slot"/> of the current batch; called concurrently for different slots.</summary>
    void Record(int slot, long run, RunBuffer buffer);

    /// <summary>Writes out the batch of <paramref name="count"/> runs starting at <paramref name="firstRun"/>.</summary>
    void Flush(long firstRun, int count);
}

/// <summary>
/// The parameters of run <paramref name="run"/> of an ensemble seeded with <paramref name="seed"/>,
/// for ensembles whose runs differ in their parameters (e.g. each run draws a posterior particle):
/// the run uses the ensemble engine's setup with these parameters, and only the parameters change.
/// It must be a pure function of (<paramref name="seed"/>, <paramref name="run"/>), drawing any
/// randomness from a stream of its own such as <see cref="SimRandom"/>(f(seed), run) and never
/// from shared state, so the ensemble gives the same bytes on any number of threads and every
/// pass over the runs sees the same runs.
/// </summary>
public delegate SimulationParameters RunParameters(ulong seed, long run);

/// <summary>Monte Carlo ensembles: independent runs with streams derived from (seed, run index).</summary>
public static class Ensemble
{
    /// <summary>Runs <paramref name="runs"/> trajectories on up to <paramref name="threads"/> threads and summarises them in bounded memory.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="runs">Number of runs, ≥ 1.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="threads">Threads to use, ≥ 1.</param>
    /// <param name="progress">Called with the number of runs of the first pass finished so far, or <c>null</c>.</param>
    /// <param name="recorder">Sees every run of the first pass in run order, or <c>null</c>.</param>
    /// <param name="limits">Memory limits of the summary (<see cref="EnsembleLimits.Default"/> when <c>null</c>); the result does not depend on them.</param>
    /// <param name="cancellation">Cancels the runs (<see cref="OperationCanceledException"/>).</param>
    /// <param name="parameters">Each run's parameters, or <c>null</c> for the engine's own in every run.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one run or thread.</exception>
    public static EnsembleResult Run(SimulationEngine engine, int runs, ulong seed, int threads = 1, Action<int>? progress = null,
        IRunRecorder? recorder = null, EnsembleLimits? limits = null, RunParameters? parameters = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var engines = parameters is null ? null : new RunEngines(engine, parameters);
        EnsembleSummary? pilot = null;
        if (EnsemblePass.NeedsPilot(engine, runs, limits))
        {
            var pilotPass = EnsemblePass.Pilot(engine, runs, limits);
            pilot = SummarizeRuns(pilotPass, seed, 0, pilotPass.Runs, threads, null, null, engines, cancellation);
        }

        var summary = SummarizeRuns(EnsemblePass.Start(engine, runs, pilot, limits), seed, 0, runs, threads, recorder, progress, engines, cancellation);
        while (summary.Next() is { } next)
        {
            summary = SummarizeRuns(next, seed, 0, runs, threads, null, null, engines, cancellation);
        }

        return summary.Result(seed);
    }

    /// <summary>
    /// Makes runs <paramref name="from"/> to <paramref name="to"/> − 1 and adds them to a new
    /// accumulator of <paramref name="pass"/>: partial summaries of any ranges merge into the one
    /// of all runs (<see cref="EnsembleSummary.Merge"/>).
    /// </summary>
    /// <param name="pass">The pass.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="from">The first run.</param>
    /// <param name="to">One past the last run.</param>
    /// <param name="threads">Threads to use, ≥ 1.</param>
    /// <param name="recorder">Sees every run in run order, or <c>null</c>.</param>
    /// <param name="progress">Called with the runs of this range finished so far, or <c>null</c>.</param>
    /// <param name="cancellation">Cancels the runs.</param>
    /// <param name="parameters">Each run's parameters (the same in every pass and range), or <c>null</c> for the engine's own.</param>
    /// <exception cref="ArgumentOutOfRangeException">An empty or out-of-order range, or fewer than one thread.</exception>
    public static EnsembleSummary Summarize(EnsemblePass pass, ulong seed, long from, long to, int threads = 1, IRunRecorder? recorder = null,
        Action<int>? progress = null, RunParameters? parameters = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return SummarizeRuns(pass, seed, from, to, threads, recorder, progress, parameters is null ? null : new RunEngines(pass.Engine, parameters), cancellation);
    }

    private static EnsembleSummary SummarizeRuns(EnsemblePass pass, ulong seed, long from, long to, int threads, IRunRecorder? recorder,
        Action<int>? progress, RunEngines? engines, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var engine = pass.Engine;

        // One accumulator and buffer per worker, kept over all batches (accumulators are large).
        var workers = (int)Math.Min(threads, Math.Max(1, to - from));
        var summaries = Enumerable.Range(0, workers).Select(_ => new EnsembleSummary(pass)).ToArray();
        var buffers = Enumerable.Range(0, workers).Select(_ => engine.NewBuffer()).ToArray();
        var batch = recorder?.BatchRuns ?? 4096;
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation };
        for (var start = from; start < to; start += batch)
        {
            var end = Math.Min(to, start + batch);
            var next = start - 1;
            Parallel.For(0, workers, options, w =>
            {
                long run;
                while ((run = Interlocked.Increment(ref next)) < end)
                {
                    cancellation.ThrowIfCancellationRequested();
                    (engines?.For(seed, run) ?? engine).Run(seed, run, buffers[w]);
                    summaries[w].Add(buffers[w]);
                    recorder?.Record((int)(run - start), run, buffers[w]);
                }
            });
            recorder?.Flush(start, (int)(end - start));
            progress?.Invoke((int)(end - from));
        }

        for (var w = 1; w < workers; w++)
        {
            summaries[0].Merge(summaries[w]);
        }

        return summaries[0];
    }
}

/// <summary>
/// The engines of an ensemble whose runs differ in their parameters: one per distinct parameter
/// set, built on first use (an engine is a pure function of its setup) and kept up to a bound, so
/// a posterior of a few hundred particles builds each engine once while per-run continuous draws
/// do not pile up in memory.
/// </summary>
internal sealed class RunEngines(SimulationEngine engine, RunParameters parameters)
{
    private const int MaxKept = 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SimulationParameters, Lazy<SimulationEngine>> _kept = new();

    public SimulationEngine For(ulong seed, long run)
    {
        var chosen = parameters(seed, run) ?? throw new InvalidOperationException($"the run parameters of run {run} are null");
        if (chosen == engine.Setup.Parameters)
        {
            return engine;
        }

        if (_kept.TryGetValue(chosen, out var kept))
        {
            return kept.Value;
        }

        var build = new Lazy<SimulationEngine>(() => new SimulationEngine(engine.Setup with { Parameters = chosen }), LazyThreadSafetyMode.ExecutionAndPublication);
        return _kept.Count < MaxKept ? _kept.GetOrAdd(chosen, build).Value : build.Value;
    }
}
