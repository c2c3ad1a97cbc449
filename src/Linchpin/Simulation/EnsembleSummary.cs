namespace Linchpin.Simulation;

/// <summary>
/// A per-ally outcome an ensemble reports: either a yes/no flag of each run (its share of runs is
/// the probability) or an amount recorded in some runs (its median and 5 %–95 % band). The engine
/// fills the arrays of a <see cref="RunBuffer"/>; a new outcome is one more entry of <see cref="All"/>.
/// </summary>
/// <param name="Name">The name in the summary files, e.g. <c>p_hedging</c>.</param>
/// <param name="Flag">Per ally, whether the run had the outcome (for an amount: whether it was recorded).</param>
/// <param name="Amount">Per ally, the amount; <c>null</c> for a flag.</param>
/// <param name="AgreementOnly">Whether it is reported only for allies with a cost-sharing agreement.</param>
public sealed record AllyOutcomeDefinition(string Name, Func<RunBuffer, bool[]> Flag, Func<RunBuffer, double[]>? Amount, bool AgreementOnly)
{
    /// <summary>Every outcome, in the order of the summary files.</summary>
    public static IReadOnlyList<AllyOutcomeDefinition> All { get; } =
    [
        new("p_settlement", b => b.Settled, null, AgreementOnly: true),
        new("p_breakdown", b => b.Lapsed, null, AgreementOnly: true),
        new("settlement", b => b.Settled, b => b.FirstSettlement, AgreementOnly: true),
        new("p_hedging", b => b.Hedged, null, AgreementOnly: false),
        new("p_exit", b => b.Exited, null, AgreementOnly: false),
    ];

    /// <summary>Whether it is an amount (with a distribution) rather than a flag.</summary>
    public bool IsAmount => Amount is not null;
}

/// <summary>
/// What one pass over an ensemble's runs collects, and what earlier passes found. The first pass
/// accumulates exact sums and outcome counts and either keeps every value (when they fit the
/// memory budget) or counts them in bins; later passes run the same runs again (same seed, same
/// values) to pin the exact quantiles down (see <see cref="EnsembleSummary"/>).
/// </summary>
public sealed partial class EnsemblePass
{
    private EnsemblePass(SimulationEngine engine, long runs, int number, QuantilePlan plan, EnsembleSummary? first)
    {
        Engine = engine;
        Runs = runs;
        Number = number;
        Plan = plan;
        First = first;
        CountsOutcomes = first is null;
    }

    /// <summary>The engine.</summary>
    public SimulationEngine Engine { get; }

    /// <summary>Runs of the ensemble (every pass sees runs 0 to <c>Runs − 1</c>).</summary>
    public long Runs { get; }

    /// <summary>1 for the first pass (0 for a pilot).</summary>
    public int Number { get; }

    /// <summary>Whether this pass accumulates sums and outcome counts (the first pass and pilots).</summary>
    public bool CountsOutcomes { get; }

    internal QuantilePlan Plan { get; }

    // The finished first pass, whose sums and counts later passes carry forward.
    internal EnsembleSummary? First { get; }

    /// <summary>Whether a first pass over <paramref name="runs"/> runs needs a pilot (its values do not all fit in memory).</summary>
    public static bool NeedsPilot(SimulationEngine engine, long runs, EnsembleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return ExactQuantiles.KeepAll(SeriesCount(engine), runs, (limits ?? EnsembleLimits.Default).KeepValues) is null;
    }

    /// <summary>The pilot: runs 0 to <see cref="EnsembleLimits.PilotRuns"/> − 1 (or fewer), every value kept.</summary>
    public static EnsemblePass Pilot(SimulationEngine engine, long runs, EnsembleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var pilotRuns = Math.Min(runs, (limits ?? EnsembleLimits.Default).PilotRuns);
        return new(engine, pilotRuns, 0, QuantilePlan.Whole(SeriesCount(engine), long.MaxValue), null);
    }

    /// <summary>The first pass over <paramref name="runs"/> runs; <paramref name="pilot"/> is the finished pilot when <see cref="NeedsPilot"/>.</summary>
    /// <exception cref="ArgumentException">A pilot is needed and missing, or is of another engine.</exception>
    public static EnsemblePass Start(SimulationEngine engine, long runs, EnsembleSummary? pilot = null, EnsembleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var keep = (limits ?? EnsembleLimits.Default).KeepValues;
        if (ExactQuantiles.KeepAll(SeriesCount(engine), runs, keep) is { } whole)
        {
            return new(engine, runs, 1, whole, null);
        }

        if (pilot is null || pilot.Pass.Number != 0 || !ReferenceEquals(pilot.Pass.Engine, engine))
        {
            throw new ArgumentException($"{runs} runs need the pilot of this engine", nameof(pilot));
        }

        return new(engine, runs, 1, ExactQuantiles.FromPilot(pilot.Quantiles, keep), null);
    }

    /// <summary>The pass after one whose summary (of every run) is <paramref name="done"/>, or <c>null</c> when the summary is complete.</summary>
    internal static EnsemblePass? After(EnsembleSummary done)
    {
        var plan = done.Quantiles.Next();
        return plan.Complete ? null : new(done.Pass.Engine, done.Pass.Runs, done.Pass.Number + 1, plan, done.Pass.First ?? done);
    }

    internal static int SeriesCount(SimulationEngine engine) =>
        (engine.AllyCount * SimulationEngine.VariableCount * engine.RecordedYears) + (engine.AllyCount * AmountCount);

    internal static int AmountCount => AllyOutcomeDefinition.All.Count(d => d.IsAmount);
}

/// <summary>How much of an ensemble's values a pass may keep in memory, and the size of the pilot that places the bins otherwise.</summary>
public sealed record EnsembleLimits
{
    /// <summary>Creates limits.</summary>
    /// <param name="keepValues">Values kept over all series in one pass (8 bytes each), ≥ 1.</param>
    /// <param name="pilotRuns">Runs of the pilot, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit below 1.</exception>
    public EnsembleLimits(long keepValues, int pilotRuns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepValues, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pilotRuns, 1);
        KeepValues = keepValues;
        PilotRuns = pilotRuns;
    }

    /// <summary>16 Mi values (128 MB) and a pilot of 4,096 runs.</summary>
    public static EnsembleLimits Default { get; } = new(16L << 20, 4096);

    /// <summary>Values kept over all series in one pass.</summary>
    public long KeepValues { get; }

    /// <summary>Runs of the pilot that places the bins when the values do not all fit.</summary>
    public int PilotRuns { get; }
}

/// <summary>
/// The accumulated summary of an ensemble's runs in one pass: exact sums (for means), outcome
/// counts and what the exact quantiles need. Add runs in any order from one thread per
/// accumulator; merge accumulators of the same pass in any order: every split of the runs gives
/// the same bytes (sums are exact, counts are integers, kept values are sorted before use).
/// </summary>
/// <remarks>
/// The quantiles are exact type-7 quantiles of the single-precision values, as a sort of every
/// value would give. When the values of all runs fit in about 128 MB they are kept and sorted
/// (one pass). Otherwise a pilot of the first 4,096 runs (<see cref="EnsembleLimits"/>) places
/// 2,048 bins per series at its order statistics; the first pass counts every run's values in
/// them, and a second pass runs the same runs again and keeps only the values in the bins that
/// hold the target ranks (further passes only if those do not fit). Means are the exact sum
/// rounded once, divided by the run count.
/// </remarks>
public sealed partial class EnsembleSummary
{
    private readonly int _allies;
    private readonly int _years;
    private readonly ExactFloatSum[]? _sums;
    private readonly long[]? _outcomes;
    private readonly long[]? _demandChoices;
    private readonly int _amountBase;

    /// <summary>An empty accumulator for <paramref name="pass"/>.</summary>
    public EnsembleSummary(EnsemblePass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        Pass = pass;
        _allies = pass.Engine.AllyCount;
        _years = pass.Engine.RecordedYears;
        _amountBase = _allies * SimulationEngine.VariableCount * _years;
        Quantiles = new QuantileAccumulator(pass.Plan);
        if (pass.CountsOutcomes)
        {
            _sums = [.. Enumerable.Range(0, _amountBase).Select(_ => new ExactFloatSum())];
            _outcomes = new long[AllyOutcomeDefinition.All.Count * _allies];
            _demandChoices = new long[DemandChoices * (pass.Engine.Setup.Demands?.Count ?? 0)];
        }
    }

    /// <summary>The pass this accumulator belongs to.</summary>
    public EnsemblePass Pass { get; }

    /// <summary>Runs added so far.</summary>
    public long RunsAdded { get; private set; }

    internal QuantileAccumulator Quantiles { get; }

    // Refuse, partial, accept: the choice x ∈ {0, ½, 1} counted at 2x.
    private const int DemandChoices = 3;

    /// <summary>Adds one run (its buffer as <see cref="SimulationEngine.Run"/> left it).</summary>
    public void Add(RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var variables = SimulationEngine.VariableCount;
        var values = buffer.Values;
        for (var t = 0; t < _years; t++)
        {
            for (var i = 0; i < _allies; i++)
            {
                var at = ((t * _allies) + i) * variables;
                for (var v = 0; v < variables; v++)
                {
                    // Values are summarised in single precision, as the trajectories are kept.
                    var value = (float)values[at + v];
                    var series = (((i * variables) + v) * _years) + t;
                    _sums?[series].Add(value);
                    Quantiles.Add(series, value);
                }
            }
        }

        var definitions = AllyOutcomeDefinition.All;
        var amount = 0;
        for (var d = 0; d < definitions.Count; d++)
        {
            var flags = definitions[d].Flag(buffer);
            var amounts = definitions[d].Amount?.Invoke(buffer);
            for (var i = 0; i < _allies; i++)
            {
                if (!flags[i])
                {
                    continue;
                }

                if (amounts is null)
                {
                    if (_outcomes is not null)
                    {
                        _outcomes[(d * _allies) + i]++;
                    }
                }
                else
                {
                    Quantiles.Add(_amountBase + (amount * _allies) + i, amounts[i]);
                }
            }

            amount += amounts is null ? 0 : 1;
        }

        if (_demandChoices is not null)
        {
            var choices = buffer.DemandChoice;
            for (var d = 0; d < choices.Length; d++)
            {
                // NaN: undecided (the host had left before the demand's year).
                if (!double.IsNaN(choices[d]))
                {
                    _demandChoices[(d * DemandChoices) + (int)(2 * choices[d])]++;
                }
            }
        }

        RunsAdded++;
    }

    /// <summary>Adds another accumulator of the same pass (any runs, in any order).</summary>
    /// <exception cref="ArgumentException">It belongs to another pass.</exception>
    public void Merge(EnsembleSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Pass, Pass))
        {
            throw new ArgumentException("summaries of different passes cannot be merged", nameof(other));
        }

        Quantiles.Merge(other.Quantiles);
        if (_sums is not null)
        {
            for (var k = 0; k < _sums.Length; k++)
            {
                _sums[k].Merge(other._sums![k]);
            }

            for (var k = 0; k < _outcomes!.Length; k++)
            {
                _outcomes[k] += other._outcomes![k];
            }

            for (var k = 0; k < _demandChoices!.Length; k++)
            {
                _demandChoices[k] += other._demandChoices![k];
            }
        }

        RunsAdded += other.RunsAdded;
    }

    /// <summary>
    /// Once every run of the pass is added: the next pass to run, or <c>null</c> when the summary
    /// is complete and <see cref="Result"/> can be read.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not every run of the pass was added.</exception>
    public EnsemblePass? Next()
    {
        CheckComplete();
        return EnsemblePass.After(this);
    }

    /// <summary>The ensemble's summary, from the last pass (the one whose <see cref="Next"/> was <c>null</c>).</summary>
    /// <exception cref="InvalidOperationException">Passes remain, or not every run was added.</exception>
    public EnsembleResult Result(ulong seed)
    {
        CheckComplete();
        var plan = Quantiles.Next();
        if (!plan.Complete)
        {
            throw new InvalidOperationException("the summary needs another pass over the runs");
        }

        var first = Pass.First ?? this;
        var engine = Pass.Engine;
        var setup = engine.Setup;
        var variables = Enum.GetValues<TrajectoryVariable>();
        var rows = new List<SummaryRow>(_amountBase);
        for (var i = 0; i < _allies; i++)
        {
            foreach (var variable in variables)
            {
                for (var t = 0; t < _years; t++)
                {
                    var series = (((i * variables.Length) + (int)variable) * _years) + t;
                    var q = plan.Values(series);
                    rows.Add(new SummaryRow(setup.Allies[i].Iso3, variable, setup.StartYear + t, q[0], q[1], q[2], first._sums![series].ToDouble() / Pass.Runs));
                }
            }
        }

        var definitions = AllyOutcomeDefinition.All;
        var outcomes = new List<AllyOutcomeSummary>();
        for (var i = 0; i < _allies; i++)
        {
            var hasDeal = setup.Allies[i].CostSharing is not null;
            var amount = 0;
            for (var d = 0; d < definitions.Count; d++)
            {
                var definition = definitions[d];
                if (definition.IsAmount)
                {
                    var q = plan.Values(_amountBase + (amount++ * _allies) + i);
                    outcomes.Add(new AllyOutcomeSummary(setup.Allies[i].Iso3, definition, hasDeal || !definition.AgreementOnly, double.NaN, q[0], q[1], q[2]));
                }
                else
                {
                    var share = (double)first._outcomes![(d * _allies) + i] / Pass.Runs;
                    outcomes.Add(new AllyOutcomeSummary(setup.Allies[i].Iso3, definition, hasDeal || !definition.AgreementOnly, share, double.NaN, double.NaN, double.NaN));
                }
            }
        }

        // When the whole ensemble was kept in one pass, its amounts are there to show (histograms).
        var amounts = Pass.Number == 1 && Pass.Plan.Series[_amountBase..].All(s => s.Watches.Length == 1 && s.Watches[0].Starts is null)
            ? Enumerable.Range(0, _allies).Select(i => (IReadOnlyList<double>)Quantiles.Sorted(_amountBase + i, 0)).ToArray()
            : null;
        var demands = setup.Demands ?? [];
        var choices = first._demandChoices!;
        var demandOutcomes = demands.Select((d, k) => new DemandOutcome(d.Id, d.Ally,
            (double)choices[(k * DemandChoices) + 2] / Pass.Runs, (double)choices[(k * DemandChoices) + 1] / Pass.Runs, (double)choices[k * DemandChoices] / Pass.Runs)).ToArray();
        return new EnsembleResult(engine, (int)Pass.Runs, seed, rows, outcomes, amounts, demandOutcomes);
    }

    private void CheckComplete()
    {
        if (RunsAdded != Pass.Runs)
        {
            throw new InvalidOperationException($"the pass has seen {RunsAdded} of {Pass.Runs} runs");
        }
    }
}

/// <summary>One per-ally outcome of an ensemble: a probability (flags) or a distribution (amounts).</summary>
/// <param name="Iso3">The ally.</param>
/// <param name="Definition">The outcome.</param>
/// <param name="Applies">Whether the outcome applies to the ally (amounts and agreement flags need a cost-sharing agreement).</param>
/// <param name="Probability">Share of runs with the flag (NaN for an amount).</param>
/// <param name="Median">Median amount (NaN for a flag, or when never recorded).</param>
/// <param name="Low">Its 5th percentile.</param>
/// <param name="High">Its 95th percentile.</param>
public sealed record AllyOutcomeSummary(string Iso3, AllyOutcomeDefinition Definition, bool Applies, double Probability, double Median, double Low, double High);
