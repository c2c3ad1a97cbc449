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
    IReadOnlyList<DemandOutcome>? Demands = null);

/// <summary>The share of runs in which a host accepted, met in part or refused a demand (the rest: it had left before).</summary>
/// <param name="Id">The demand's id.</param>
/// <param name="Iso3">The host.</param>
/// <param name="Accept">Share of runs in which it accepted.</param>
/// <param name="Partial">Share of runs in which it met the demand in part.</param>
/// <param name="Refuse">Share of runs in which it refused.</param>
public sealed record DemandOutcome(string Id, string Iso3, double Accept, double Partial, double Refuse);

/// <summary>An event of one run of an ensemble.</summary>
/// <param name="Run">The run index.</param>
/// <param name="Event">The event.</param>
public readonly record struct EnsembleEvent(int Run, SimulationEvent Event);

/// <summary>
/// The runs of an ensemble: every run's trajectories (single precision), statuses, events and
/// outcomes, in run order. Run <c>r</c> used the random stream of (seed, r), so the result does
/// not depend on how many threads computed it.
/// </summary>
public sealed class EnsembleResult
{
    private readonly float[] _values;
    private readonly AllyStatus[] _status;
    private readonly SimulationEvent[][] _events;
    private readonly bool[] _settled;
    private readonly bool[] _lapsed;
    private readonly bool[] _hedged;
    private readonly bool[] _exited;
    private readonly double[] _firstSettlement;
    private readonly double[] _demandChoice;

    internal EnsembleResult(SimulationEngine engine, int runs, ulong seed)
    {
        Engine = engine;
        Runs = runs;
        Seed = seed;
        var cells = (long)runs * engine.RecordedYears * engine.AllyCount;
        _values = new float[cells * SimulationEngine.VariableCount];
        _status = new AllyStatus[cells];
        _events = new SimulationEvent[runs][];
        _settled = new bool[runs * engine.AllyCount];
        _lapsed = new bool[runs * engine.AllyCount];
        _hedged = new bool[runs * engine.AllyCount];
        _exited = new bool[runs * engine.AllyCount];
        _firstSettlement = new double[runs * engine.AllyCount];
        _demandChoice = new double[runs * DemandCount];
    }

    private int DemandCount => Engine.Setup.Demands?.Count ?? 0;

    /// <summary>The outcome of demand <paramref name="demand"/> in run <paramref name="run"/>: 1 accepted, 0.5 in part, 0 refused, NaN undecided.</summary>
    public double DemandChoice(int run, int demand) => _demandChoice[(run * DemandCount) + demand];

    /// <summary>Every demand's shares of accept, partial and refuse over the runs, in scenario order.</summary>
    public IReadOnlyList<DemandOutcome> DemandOutcomes()
    {
        var demands = Engine.Setup.Demands ?? [];
        var result = new List<DemandOutcome>(demands.Count);
        for (var d = 0; d < demands.Count; d++)
        {
            int accept = 0, partial = 0, refuse = 0;
            for (var r = 0; r < Runs; r++)
            {
                var x = DemandChoice(r, d);
                accept += x == 1 ? 1 : 0;
                partial += x == 0.5 ? 1 : 0;
                refuse += x == 0 ? 1 : 0;
            }

            result.Add(new DemandOutcome(demands[d].Id, demands[d].Ally, (double)accept / Runs, (double)partial / Runs, (double)refuse / Runs));
        }

        return result;
    }

    /// <summary>The engine the runs came from.</summary>
    public SimulationEngine Engine { get; }

    /// <summary>Number of runs.</summary>
    public int Runs { get; }

    /// <summary>The ensemble seed.</summary>
    public ulong Seed { get; }

    /// <summary>A recorded value of one run.</summary>
    public double Value(int run, int year, int ally, TrajectoryVariable variable) =>
        _values[(Cell(run, year, ally) * SimulationEngine.VariableCount) + (int)variable];

    /// <summary>A recorded status of one run.</summary>
    public AllyStatus Status(int run, int year, int ally) => _status[Cell(run, year, ally)];

    /// <summary>The events of one run, in order.</summary>
    public IReadOnlyList<SimulationEvent> Events(int run) => _events[run];

    /// <summary>The first settled cost-sharing payment of ally <paramref name="ally"/> in every run that settled one, in run order.</summary>
    public IReadOnlyList<double> FirstSettlements(int ally)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ally);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ally, Engine.AllyCount);
        var n = Engine.AllyCount;
        var amounts = new List<double>();
        for (var r = 0; r < Runs; r++)
        {
            if (_settled[(r * n) + ally])
            {
                amounts.Add(_firstSettlement[(r * n) + ally]);
            }
        }

        return amounts;
    }

    /// <summary>Every event, by run.</summary>
    public IEnumerable<EnsembleEvent> AllEvents() =>
        _events.SelectMany((events, run) => events.Select(e => new EnsembleEvent(run, e)));

    /// <summary>Median, 5 % and 95 % bands and mean per ally, variable and year.</summary>
    public IReadOnlyList<SummaryRow> Summary(int threads = 1)
    {
        var engine = Engine;
        var n = engine.AllyCount;
        var years = engine.RecordedYears;
        var variables = Enum.GetValues<TrajectoryVariable>();
        var rows = new SummaryRow[n * variables.Length * years];
        Parallel.For(0, n * variables.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, () => new double[Runs], (cell, _, scratch) =>
        {
            var ally = cell / variables.Length;
            var variable = variables[cell % variables.Length];
            for (var t = 0; t < years; t++)
            {
                double sum = 0;
                for (var r = 0; r < Runs; r++)
                {
                    scratch[r] = Value(r, t, ally, variable);
                    sum += scratch[r];
                }

                Array.Sort(scratch);
                rows[(cell * years) + t] = new SummaryRow(engine.Setup.Allies[ally].Iso3, variable, engine.Setup.StartYear + t,
                    Quantile(scratch, 0.5), Quantile(scratch, 0.05), Quantile(scratch, 0.95), sum / Runs);
            }

            return scratch;
        }, _ => { });
        return rows;
    }

    /// <summary>Per-ally probabilities of settlement, breakdown, hedging and exit, and the settlement distribution.</summary>
    public IReadOnlyList<AllyOutcome> Outcomes()
    {
        var n = Engine.AllyCount;
        var result = new List<AllyOutcome>(n);
        var demands = DemandOutcomes();
        for (var i = 0; i < n; i++)
        {
            var hasDeal = Engine.Setup.Allies[i].CostSharing is not null;
            int settled = 0, lapsed = 0, hedged = 0, exited = 0;
            var amounts = new List<double>();
            for (var r = 0; r < Runs; r++)
            {
                var k = (r * n) + i;
                settled += _settled[k] ? 1 : 0;
                lapsed += _lapsed[k] ? 1 : 0;
                hedged += _hedged[k] ? 1 : 0;
                exited += _exited[k] ? 1 : 0;
                if (_settled[k])
                {
                    amounts.Add(_firstSettlement[k]);
                }
            }

            var sorted = amounts.Order().ToArray();
            result.Add(new AllyOutcome(Engine.Setup.Allies[i].Iso3,
                hasDeal ? (double)settled / Runs : double.NaN, hasDeal ? (double)lapsed / Runs : double.NaN,
                (double)hedged / Runs, (double)exited / Runs,
                sorted.Length > 0 ? Quantile(sorted, 0.5) : double.NaN,
                sorted.Length > 0 ? Quantile(sorted, 0.05) : double.NaN,
                sorted.Length > 0 ? Quantile(sorted, 0.95) : double.NaN,
                [.. demands.Where(d => d.Iso3 == Engine.Setup.Allies[i].Iso3)]));
        }

        return result;
    }

    /// <summary>The type-7 (linear interpolation) quantile of sorted values.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * probability;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    internal void Store(int run, RunBuffer buffer)
    {
        var n = Engine.AllyCount;
        var start = Cell(run, 0, 0);
        var values = buffer.Values;
        var target = _values.AsSpan((int)(start * SimulationEngine.VariableCount), values.Length);
        for (var k = 0; k < values.Length; k++)
        {
            target[k] = (float)values[k];
        }

        buffer.StatusByYear.CopyTo(_status.AsSpan((int)start, buffer.StatusByYear.Length));
        _events[run] = [.. buffer.Events];
        buffer.Settled.CopyTo(_settled, run * n);
        buffer.Lapsed.CopyTo(_lapsed, run * n);
        buffer.Hedged.CopyTo(_hedged, run * n);
        buffer.Exited.CopyTo(_exited, run * n);
        buffer.FirstSettlement.CopyTo(_firstSettlement, run * n);
        buffer.DemandChoice.CopyTo(_demandChoice, run * DemandCount);
    }

    private long Cell(int run, int year, int ally) => (((long)run * Engine.RecordedYears) + year) * Engine.AllyCount + ally;
}

/// <summary>Monte Carlo ensembles: independent runs with streams derived from (seed, run index).</summary>
public static class Ensemble
{
    /// <summary>Runs <paramref name="runs"/> trajectories on up to <paramref name="threads"/> threads.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="runs">Number of runs, ≥ 1.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="threads">Threads to use, ≥ 1.</param>
    /// <param name="progress">Called with the number of runs finished so far (from any thread), or <c>null</c>.</param>
    /// <param name="cancellation">Cancels the runs.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one run or thread.</exception>
    public static EnsembleResult Run(SimulationEngine engine, int runs, ulong seed, int threads = 1, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var result = new EnsembleResult(engine, runs, seed);
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        Parallel.For(0, runs, options, engine.NewBuffer, (run, _, buffer) =>
        {
            engine.Run(seed, run, buffer);
            result.Store(run, buffer);
            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % 64 == 0 || finished == runs))
            {
                progress(finished);
            }

            return buffer;
        }, _ => { });
        return result;
    }
}
