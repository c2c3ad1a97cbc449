using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Web.Runs;

/// <summary>
/// The one place the server touches the simulation's ensemble and its output writers: preparing
/// a scenario, running it with progress and cancellation (writing the files of
/// <c>linchpin simulate --out</c> while the runs are made, when they fit the server's bound), and
/// turning the result into the summary, bands and settlement draws.
/// </summary>
internal sealed class EnsembleAdapter
{
    private static readonly string[] BandColumns = ["iso3", "variable", "year", "median", "p05", "p95", "mean"];

    private readonly SimulationEngine _engine;
    private readonly IReadOnlyList<string> _notes;
    private readonly IReadOnlyList<DatasetInfo> _datasets;

    private EnsembleAdapter(Scenario scenario, SimulationEngine engine, IReadOnlyList<string> notes, IReadOnlyList<DatasetInfo> datasets)
    {
        Scenario = scenario;
        _engine = engine;
        _notes = [.. notes, SimulationResults.BandsNote(null, null)];
        _datasets = datasets;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Recorded ally-years of one run (years recorded × allies).</summary>
    public long CellsPerRun => (long)_engine.RecordedYears * _engine.AllyCount;

    /// <summary>Resolves a scenario against the store, as <c>linchpin simulate</c> does before it runs.</summary>
    /// <exception cref="LinchpinException">The scenario names data the store does not have.</exception>
    public static EnsembleAdapter Prepare(WorldStore store, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
        return new EnsembleAdapter(scenario, new SimulationEngine(setup), notes, store.Datasets);
    }

    /// <summary>
    /// Runs the ensemble; <paramref name="progress"/> hears the runs finished so far. With a
    /// <paramref name="folder"/>, the output files are written there (all or nothing) as the runs are made.
    /// </summary>
    public EnsembleOutput Run(int runs, ulong seed, int threads, string? folder, Action<int> progress, CancellationToken cancellation)
    {
        var result = folder is null
            ? Ensemble.Run(_engine, runs, seed, threads, progress, cancellation: cancellation)
            : SimulationOutput.Write(folder, Scenario, _engine, runs, seed, _datasets, _notes, threads, progress, cancellation: cancellation);
        return new(this, result, folder);
    }

    /// <summary>A finished ensemble and what the server serves of it.</summary>
    internal sealed class EnsembleOutput
    {
        public EnsembleOutput(EnsembleAdapter owner, EnsembleResult result, string? folder)
        {
            Folder = folder;
            Summary = SimulationResults.Summary(result, $"{owner.Scenario.Name}: {result.Runs} runs, seed {result.Seed}", owner._notes);
            Bands = new ResultTable(
                [.. BandColumns.Select((n, i) => new ResultColumn(n, i is 0 or 1 ? typeof(string) : i == 2 ? typeof(int) : typeof(double)))],
                [.. SimulationOutput.SummaryRows(result).Select(r => (IReadOnlyList<object?>)r)]);
            var settlements = new ResultRows("iso3", "settlement");
            if (result.KeptSettlements)
            {
                for (var i = 0; i < result.Engine.AllyCount; i++)
                {
                    foreach (var amount in result.FirstSettlements(i))
                    {
                        settlements.Add(result.Engine.Setup.Allies[i].Iso3, amount);
                    }
                }
            }

            Settlements = result.KeptSettlements ? settlements.Build() : null;
        }

        /// <summary>The summary <c>linchpin simulate</c> prints: one row per ally.</summary>
        public TableResult Summary { get; }

        /// <summary>Median, 5 % and 95 % bands and mean per ally, variable and year (<c>summary.csv</c>).</summary>
        public ResultTable Bands { get; }

        /// <summary>Every run's first settled cost-sharing payment, by ally; <c>null</c> when the ensemble was too large to keep them.</summary>
        public ResultTable? Settlements { get; }

        /// <summary>The server's private folder holding the files <c>linchpin simulate --out</c> writes, or <c>null</c> when the run was too large to keep them.</summary>
        public string? Folder { get; }
    }
}
