using System.Globalization;
using System.Text;
using System.Text.Json;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Data;

/// <summary>
/// Runs an ensemble and writes its files into a folder, all or nothing: <c>trajectories.parquet</c>
/// (one row per run, year and ally), <c>events.csv</c>, <c>summary.csv</c> and <c>summary.json</c>
/// (median, 5 % and 95 % bands per ally, variable and year; probabilities of settlement,
/// breakdown, hedging and exit, and of each demand's acceptance, partial compliance and refusal)
/// and <c>manifest.json</c>. Trajectories and events are streamed to
/// the files while the runs are made, so memory does not grow with the number of runs.
/// </summary>
public static class SimulationOutput
{
    /// <summary>The snake-case name of a variable, as in the output files.</summary>
    public static string Name(TrajectoryVariable variable) => variable switch
    {
        TrajectoryVariable.PctGdp => "pct_gdp",
        TrajectoryVariable.NetBenefit => "net_benefit",
        _ => variable.ToString().ToLowerInvariant(),
    };

    /// <summary>The files of an output folder.</summary>
    public static IReadOnlySet<string> FileNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "trajectories.parquet", "events.csv", "summary.csv", "summary.json", "manifest.json",
    };

    /// <summary>
    /// The summary as rows of <c>iso3, variable, year, median, p05, p95, mean</c>: bands, then per
    /// ally its outcomes (<see cref="AllyOutcomeDefinition.All"/>): probabilities in <c>mean</c>
    /// (final year), amounts as median and band (no year), an amount only when it was ever recorded.
    /// </summary>
    public static IReadOnlyList<object?[]> SummaryRows(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Summary().Select(r => new object?[] { r.Iso3, Name(r.Variable), r.Year, r.Median, r.Low, r.High, r.Mean }).ToList();
        var last = result.Engine.Setup.StartYear + result.Engine.Setup.Years;
        foreach (var o in result.AllOutcomes.Where(o => o.Applies))
        {
            if (!o.Definition.IsAmount)
            {
                rows.Add([o.Iso3, o.Definition.Name, last, null, null, null, o.Probability]);
            }
            else if (!double.IsNaN(o.Median))
            {
                rows.Add([o.Iso3, o.Definition.Name, null, o.Median, o.Low, o.High, null]);
            }
        }

        foreach (var d in result.DemandOutcomes())
        {
            rows.Add([d.Iso3, "p_accept:" + d.Id, last, null, null, null, d.Accept]);
            rows.Add([d.Iso3, "p_partial:" + d.Id, last, null, null, null, d.Partial]);
            rows.Add([d.Iso3, "p_refuse:" + d.Id, last, null, null, null, d.Refuse]);
        }

        return rows;
    }

    /// <summary>The manifest: scenario and its hash, data versions, seed, runs, tool version.</summary>
    public static string Manifest(Scenario scenario, EnsembleResult result, IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(notes);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "Linchpin");
            json.WriteString("tool_version", DatasetCatalog.ToolVersion);
            json.WriteString("scenario", scenario.Name);
            json.WriteString("scenario_sha256", scenario.Hash);
            json.WriteNumber("start_year", scenario.StartYear);
            json.WriteNumber("years", scenario.Years);
            json.WriteNumber("runs", result.Runs);
            json.WriteNumber("seed", result.Seed);
            json.WriteString("money_unit", ScenarioWorld.MoneyUnit);
            json.WriteStartObject("data_versions");
            foreach (var d in datasets.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                json.WriteString(d.Name, d.Version);
            }

            json.WriteEndObject();
            json.WriteStartArray("notes");
            foreach (var note in notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Runs the ensemble and writes every file into <paramref name="folder"/>, which ends up holding
    /// either its previous outputs or these, whole (see <see cref="AtomicFile.WriteFolder"/>).
    /// </summary>
    /// <exception cref="LinchpinException">The folder cannot be written, or holds files of something else.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: nothing is left behind.</exception>
    /// <param name="folder">The output folder (created or replaced).</param>
    /// <param name="scenario">The scenario the engine was set up from.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="runs">Number of runs, ≥ 1.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="datasets">The datasets read, for the manifest.</param>
    /// <param name="notes">Notes for the manifest (e.g. assumptions the scenario filled in).</param>
    /// <param name="threads">Threads to use, ≥ 1 (the files do not depend on it).</param>
    /// <param name="progress">Called with the runs finished so far, or <c>null</c>.</param>
    /// <param name="cancellation">Cancels the work.</param>
    /// <param name="parameters">Each run's parameters (see <see cref="RunParameters"/>), or <c>null</c> for the engine's own.</param>
    public static EnsembleResult Write(string folder, Scenario scenario, SimulationEngine engine, int runs, ulong seed, IReadOnlyList<DatasetInfo> datasets,
        IReadOnlyList<string> notes, int threads = 1, Action<int>? progress = null, RunParameters? parameters = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        EnsembleResult? result = null;
        AtomicFile.WriteFolder(folder, FileNames, temp =>
        {
            using (var recorder = new TrajectoryRecorder(temp, scenario, engine))
            {
                result = Ensemble.Run(engine, runs, seed, threads, progress, recorder, cancellation: cancellation, parameters: parameters);
                recorder.Finish(seed);
            }

            WriteSummaryFiles(temp, scenario, result, datasets, notes);
        }, cancellation);
        return result!;
    }

    /// <summary>
    /// Writes every file of an ensemble whose runs are made elsewhere (e.g. on a cluster) into
    /// <paramref name="folder"/>, all or nothing, byte for byte as <see cref="Write"/> writes them for
    /// the same runs and seed: <paramref name="make"/> makes the ensemble, hands the first pass's
    /// run records (<see cref="RunRecordWire"/> chunks) to the sink it is given, in run order from
    /// run 0, and returns the result.
    /// </summary>
    /// <exception cref="LinchpinException">The folder cannot be written, or holds files of something else.</exception>
    /// <exception cref="InvalidDataException">The chunks are not the runs 0 to runs − 1 in order, or not of this engine.</exception>
    public static EnsembleResult WriteRecorded(string folder, Scenario scenario, SimulationEngine engine, ulong seed, IReadOnlyList<DatasetInfo> datasets,
        IReadOnlyList<string> notes, Func<Action<ReadOnlyMemory<byte>>, EnsembleResult> make, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(make);
        EnsembleResult? result = null;
        AtomicFile.WriteFolder(folder, FileNames, temp =>
        {
            using (var recorder = new TrajectoryRecorder(temp, scenario, engine))
            {
                result = make(chunk =>
                {
                    foreach (var run in RunRecordWire.Read(engine, chunk.Span))
                    {
                        recorder.Append(run);
                    }
                });
                recorder.EndAppends(result.Runs);
                recorder.Finish(seed);
            }

            WriteSummaryFiles(temp, scenario, result, datasets, notes);
        }, cancellation);
        return result!;
    }

    /// <summary>
    /// Writes the summary files of a result computed elsewhere (e.g. on a cluster) into
    /// <paramref name="folder"/>, all or nothing: <c>summary.csv</c>, <c>summary.json</c> and
    /// <c>manifest.json</c>, byte for byte as <see cref="Write"/> writes them for the same runs and seed.
    /// </summary>
    /// <exception cref="LinchpinException">The folder cannot be written, or holds files of something else.</exception>
    public static void WriteSummaries(string folder, Scenario scenario, EnsembleResult result, IReadOnlyList<DatasetInfo> datasets,
        IReadOnlyList<string> notes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteFolder(folder, FileNames, temp => WriteSummaryFiles(temp, scenario, result, datasets, notes), cancellation);
    }

    private static void WriteSummaryFiles(string temp, Scenario scenario, EnsembleResult result, IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<string> notes)
    {
        var summary = SummaryRows(result);
        string[] header = ["iso3", "variable", "year", "median", "p05", "p95", "mean"];
        File.WriteAllText(Path.Combine(temp, "summary.csv"), Csv(header, summary));
        File.WriteAllText(Path.Combine(temp, "summary.json"), SummaryJson(scenario, result, summary, header));
        File.WriteAllText(Path.Combine(temp, "manifest.json"), Manifest(scenario, result, datasets, notes));
    }

    /// <summary>The trajectory columns, without rows: run, year, iso3, status, then every variable.</summary>
    public static IReadOnlyList<ParquetColumn> TrajectorySchema { get; } =
        [new("run", Integers: []), new("year", Integers: []), new("iso3", Strings: []), new("status", Strings: []),
            .. Enum.GetValues<TrajectoryVariable>().Select(v => new ParquetColumn(Name(v), Doubles: []))];

    /// <summary>
    /// Streams the runs of an ensemble, in run order, to <c>trajectories.parquet</c> (values in
    /// single precision, as the summary sees them) and <c>events.csv</c> in a folder.
    /// </summary>
    private sealed class TrajectoryRecorder : IRunRecorder, IDisposable
    {
        private const int Batch = 512;
        private static readonly string[] StatusNames = [.. Enum.GetValues<AllyStatus>().Select(s => s.ToString().ToLowerInvariant())];
        private readonly Scenario _scenario;
        private readonly SimulationEngine _engine;
        private readonly int _cells;
        private readonly float[] _values;
        private readonly AllyStatus[] _status;
        private readonly SimulationEvent[][] _events = new SimulationEvent[Batch][];
        private readonly FileStream _parquet;
        private readonly ParquetTableWriter _table;
        private readonly StreamWriter _eventText;
        private readonly ParquetColumn[] _rows;
        private readonly StringBuilder _line = new();

        public TrajectoryRecorder(string folder, Scenario scenario, SimulationEngine engine)
        {
            _scenario = scenario;
            _engine = engine;
            _cells = engine.RecordedYears * engine.AllyCount;
            _values = new float[Batch * _cells * SimulationEngine.VariableCount];
            _status = new AllyStatus[Batch * _cells];
            _parquet = File.Create(Path.Combine(folder, "trajectories.parquet"));
            _table = new ParquetTableWriter(_parquet, TrajectorySchema);
            _eventText = new StreamWriter(Path.Combine(folder, "events.csv"), false, new UTF8Encoding(false));
            _eventText.Write("run,year,iso3,event,value,detail\n");
            var rows = Batch * _cells;
            _rows = [new("run", Integers: new int[rows]), new("year", Integers: new int[rows]), new("iso3", Strings: new string[rows]), new("status", Strings: new string[rows]),
                .. Enum.GetValues<TrajectoryVariable>().Select(v => new ParquetColumn(Name(v), Doubles: new double[rows]))];
        }

        public int BatchRuns => Batch;

        // Runs appended from records made elsewhere: the next run expected, and the slots filled.
        private long _nextAppended;
        private int _filled;

        /// <summary>Adds the next run, from a record; a full batch of slots is flushed as <see cref="Flush"/> does.</summary>
        public void Append(RunRecord run)
        {
            if (run.Run != _nextAppended)
            {
                throw new InvalidDataException($"run {run.Run} arrived where run {_nextAppended} was due");
            }

            if (run.Values.Length != _cells * SimulationEngine.VariableCount || run.Status.Length != _cells)
            {
                throw new InvalidDataException($"run {run.Run} has {run.Status.Length} ally-years, this scenario {_cells}");
            }

            run.Values.CopyTo(_values.AsSpan(_filled * _cells * SimulationEngine.VariableCount));
            run.Status.CopyTo(_status.AsSpan(_filled * _cells));
            _events[_filled] = run.Events;
            _nextAppended++;
            if (++_filled == Batch)
            {
                Flush(_nextAppended - _filled, _filled);
                _filled = 0;
            }
        }

        /// <summary>Flushes the last appended runs, and checks that all <paramref name="runs"/> came.</summary>
        public void EndAppends(long runs)
        {
            if (_filled > 0)
            {
                Flush(_nextAppended - _filled, _filled);
                _filled = 0;
            }

            if (_nextAppended != runs)
            {
                throw new InvalidDataException($"the records of {_nextAppended} runs arrived, of an ensemble of {runs}");
            }
        }

        public void Record(int slot, long run, RunBuffer buffer)
        {
            var values = buffer.Values;
            var target = _values.AsSpan(slot * _cells * SimulationEngine.VariableCount, values.Length);
            for (var k = 0; k < values.Length; k++)
            {
                target[k] = (float)values[k];
            }

            buffer.StatusByYear.CopyTo(_status.AsSpan(slot * _cells, _cells));
            _events[slot] = [.. buffer.Events];
        }

        public void Flush(long firstRun, int count)
        {
            var setup = _engine.Setup;
            var n = _engine.AllyCount;
            var variables = SimulationEngine.VariableCount;
            var k = 0;
            for (var slot = 0; slot < count; slot++)
            {
                var run = checked((int)(firstRun + slot));
                for (var t = 0; t < _engine.RecordedYears; t++)
                {
                    for (var i = 0; i < n; i++, k++)
                    {
                        var cell = (slot * _cells) + (t * n) + i;
                        _rows[0].Integers![k] = run;
                        _rows[1].Integers![k] = setup.StartYear + t;
                        _rows[2].Strings![k] = setup.Allies[i].Iso3;
                        _rows[3].Strings![k] = StatusNames[(int)_status[cell]];
                        for (var v = 0; v < variables; v++)
                        {
                            _rows[4 + v].Doubles![k] = _values[(cell * variables) + v];
                        }
                    }
                }

                foreach (var e in _events[slot])
                {
                    var detail = e.Shock < 0 ? "" : e.Kind switch
                    {
                        SimulationEventKind.RivalProbe => setup.Rivals![e.Shock].Label,
                        SimulationEventKind.Demand => setup.Demands![e.Shock].Label,
                        _ => _scenario.Shocks[e.Shock].Label,
                    };
                    _line.Clear().Append(run.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(e.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(e.Ally >= 0 ? setup.Allies[e.Ally].Iso3 : "").Append(',')
                        .Append(e.Kind.ToString().ToLowerInvariant()).Append(',')
                        .Append(NumberText.Csv(e.Value)).Append(',')
                        .Append(CsvOutput.Field(detail)).Append('\n');
                    _eventText.Write(_line);
                }
            }

            _table.Append(_rows, k);
        }

        public void Finish(ulong seed)
        {
            _table.Finish(new Dictionary<string, string>
            {
                ["linchpin.scenario"] = _scenario.Name,
                ["linchpin.scenario_sha256"] = _scenario.Hash,
                ["linchpin.seed"] = seed.ToString(CultureInfo.InvariantCulture),
                ["linchpin.money_unit"] = ScenarioWorld.MoneyUnit,
            });
        }

        public void Dispose()
        {
            _parquet.Dispose();
            _eventText.Dispose();
        }
    }

    private static string Csv(string[] header, IReadOnlyList<object?[]> rows)
    {
        var text = new StringBuilder(string.Join(",", header)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => double.IsNaN(d) ? "" : NumberText.Csv(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => CsvOutput.Field(value.ToString() ?? ""),
    };

    private static string SummaryJson(Scenario scenario, EnsembleResult result, IReadOnlyList<object?[]> rows, string[] header)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"scenario\": ").Append(JsonSerializer.Serialize(scenario.Name))
            .Append(",\n  \"runs\": ").Append(result.Runs.ToString(CultureInfo.InvariantCulture))
            .Append(",\n  \"seed\": ").Append(result.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(",\n  \"rows\": [\n");
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append("    {");
            for (var c = 0; c < header.Length; c++)
            {
                text.Append(c > 0 ? ", " : "").Append('"').Append(header[c]).Append("\": ").Append(rows[r][c] switch
                {
                    null => "null",
                    double d => NumberText.Json(d),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    var other => JsonSerializer.Serialize(other.ToString()),
                });
            }

            text.Append(r + 1 < rows.Count ? "},\n" : "}\n");
        }

        return text.Append("  ]\n}\n").ToString();
    }
}
