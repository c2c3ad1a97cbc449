using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Web.Runs;

/// <summary>
/// The one place the server touches the simulation's ensemble and its output writers: preparing
/// a scenario, running it with progress and cancellation, and turning the result into the
/// summary, bands, settlement draws and the files <c>linchpin simulate --out</c> writes.
/// </summary>
internal sealed class EnsembleAdapter
{
    private static readonly string[] BandColumns = ["iso3", "variable", "year", "median", "p05", "p95", "mean"];

    private readonly Scenario _scenario;
    private readonly SimulationEngine _engine;
    private readonly IReadOnlyList<string> _notes;
    private readonly IReadOnlyList<DatasetInfo> _datasets;

    private EnsembleAdapter(Scenario scenario, SimulationEngine engine, IReadOnlyList<string> notes, IReadOnlyList<DatasetInfo> datasets)
    {
        _scenario = scenario;
        _engine = engine;
        _notes = notes;
        _datasets = datasets;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario => _scenario;

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

    /// <summary>Runs the ensemble; <paramref name="progress"/> hears the runs finished so far.</summary>
    public EnsembleOutput Run(int runs, ulong seed, int threads, Action<int> progress, CancellationToken cancellation) =>
        new(this, Ensemble.Run(_engine, runs, seed, threads, progress, cancellation), threads);

    /// <summary>A finished ensemble and what the server serves of it.</summary>
    internal sealed class EnsembleOutput
    {
        private readonly EnsembleAdapter _owner;
        private readonly EnsembleResult _result;
        private readonly int _threads;
        private readonly Lock _lock = new();
        private Dictionary<string, byte[]>? _files;

        public EnsembleOutput(EnsembleAdapter owner, EnsembleResult result, int threads)
        {
            _owner = owner;
            _result = result;
            _threads = threads;
            Summary = SimulationResults.Summary(result, $"{owner._scenario.Name}: {result.Runs} runs, seed {result.Seed}", owner._notes, threads);
            Bands = new ResultTable(
                [.. BandColumns.Select((n, i) => new ResultColumn(n, i is 0 or 1 ? typeof(string) : i == 2 ? typeof(int) : typeof(double)))],
                [.. SimulationOutput.SummaryRows(result, threads).Select(r => (IReadOnlyList<object?>)r)]);
            var settlements = new ResultRows("iso3", "settlement");
            for (var i = 0; i < result.Engine.AllyCount; i++)
            {
                foreach (var amount in result.FirstSettlements(i))
                {
                    settlements.Add(result.Engine.Setup.Allies[i].Iso3, amount);
                }
            }

            Settlements = settlements.Build();
        }

        /// <summary>The summary <c>linchpin simulate</c> prints: one row per ally.</summary>
        public TableResult Summary { get; }

        /// <summary>Median, 5 % and 95 % bands and mean per ally, variable and year (<c>summary.csv</c>).</summary>
        public ResultTable Bands { get; }

        /// <summary>Every run's first settled cost-sharing payment, by ally.</summary>
        public ResultTable Settlements { get; }

        /// <summary>
        /// The files <c>linchpin simulate --out</c> writes (trajectories.parquet, events.csv,
        /// summary.csv, summary.json, manifest.json), made on first request in a private temporary
        /// folder that is removed at once; the bytes are kept with the run.
        /// </summary>
        public IReadOnlyDictionary<string, byte[]> Files()
        {
            lock (_lock)
            {
                if (_files is not null)
                {
                    return _files;
                }

                var folder = Directory.CreateTempSubdirectory("linchpin-run-");
                try
                {
                    SimulationOutput.Write(folder.FullName, _owner._scenario, _result, _owner._datasets, _owner._notes, _threads);
                    _files = folder.GetFiles().ToDictionary(f => f.Name, f => File.ReadAllBytes(f.FullName), StringComparer.Ordinal);
                }
                finally
                {
                    folder.Delete(recursive: true);
                }

                return _files;
            }
        }
    }
}
