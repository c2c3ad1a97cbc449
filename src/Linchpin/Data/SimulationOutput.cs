using System.Globalization;
using System.Text;
using System.Text.Json;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Data;

/// <summary>
/// Writes an ensemble's files into a folder, each atomically: <c>trajectories.parquet</c> (one row
/// per run, year and ally), <c>events.csv</c>, <c>summary.csv</c> and <c>summary.json</c> (median,
/// 5 % and 95 % bands per ally, variable and year; probabilities of settlement, breakdown, hedging
/// and exit, and of each demand's acceptance, partial compliance and refusal) and <c>manifest.json</c>.
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

    /// <summary>The summary as rows of <c>iso3, variable, year, median, p05, p95, mean</c>: bands, then per-ally probabilities (in <c>mean</c>) and the settlement distribution.</summary>
    public static IReadOnlyList<object?[]> SummaryRows(EnsembleResult result, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Summary(threads).Select(r => new object?[] { r.Iso3, Name(r.Variable), r.Year, r.Median, r.Low, r.High, r.Mean }).ToList();
        var last = result.Engine.Setup.StartYear + result.Engine.Setup.Years;
        foreach (var o in result.Outcomes())
        {
            if (!double.IsNaN(o.Settlement))
            {
                rows.Add([o.Iso3, "p_settlement", last, null, null, null, o.Settlement]);
                rows.Add([o.Iso3, "p_breakdown", last, null, null, null, o.Breakdown]);
                if (!double.IsNaN(o.SettlementMedian))
                {
                    rows.Add([o.Iso3, "settlement", null, o.SettlementMedian, o.SettlementLow, o.SettlementHigh, null]);
                }
            }

            rows.Add([o.Iso3, "p_hedging", last, null, null, null, o.Hedging]);
            rows.Add([o.Iso3, "p_exit", last, null, null, null, o.Exit]);
            foreach (var d in o.Demands ?? [])
            {
                rows.Add([o.Iso3, "p_accept:" + d.Id, last, null, null, null, d.Accept]);
                rows.Add([o.Iso3, "p_partial:" + d.Id, last, null, null, null, d.Partial]);
                rows.Add([o.Iso3, "p_refuse:" + d.Id, last, null, null, null, d.Refuse]);
            }
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

    /// <summary>Writes every file into <paramref name="folder"/> (created if missing).</summary>
    public static void Write(string folder, Scenario scenario, EnsembleResult result, IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<string> notes, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LinchpinException($"{folder}: cannot create the output folder: {ex.Message}", ex);
        }

        var summary = SummaryRows(result, threads);
        string[] header = ["iso3", "variable", "year", "median", "p05", "p95", "mean"];
        AtomicFile.WriteText(Path.Combine(folder, "summary.csv"), Csv(header, summary));
        AtomicFile.WriteText(Path.Combine(folder, "summary.json"), SummaryJson(scenario, result, summary, header));
        AtomicFile.WriteText(Path.Combine(folder, "events.csv"), EventsCsv(scenario, result));
        AtomicFile.WriteText(Path.Combine(folder, "manifest.json"), Manifest(scenario, result, datasets, notes));
        AtomicFile.Write(Path.Combine(folder, "trajectories.parquet"), temp =>
        {
            using var file = File.Create(temp);
            DyadParquet.WriteTable(Trajectories(result), new Dictionary<string, string>
            {
                ["linchpin.scenario"] = scenario.Name,
                ["linchpin.scenario_sha256"] = scenario.Hash,
                ["linchpin.seed"] = result.Seed.ToString(CultureInfo.InvariantCulture),
                ["linchpin.money_unit"] = ScenarioWorld.MoneyUnit,
            }, file);
        });
    }

    /// <summary>The trajectories as table columns: run, year, iso3, status, then every variable.</summary>
    public static IReadOnlyList<ParquetColumn> Trajectories(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var engine = result.Engine;
        var n = engine.AllyCount;
        var years = engine.RecordedYears;
        var rows = result.Runs * years * n;
        var run = new int[rows];
        var year = new int[rows];
        var iso3 = new string[rows];
        var status = new string[rows];
        var variables = Enum.GetValues<TrajectoryVariable>();
        var values = variables.Select(_ => new double[rows]).ToArray();
        var k = 0;
        for (var r = 0; r < result.Runs; r++)
        {
            for (var t = 0; t < years; t++)
            {
                for (var i = 0; i < n; i++, k++)
                {
                    run[k] = r;
                    year[k] = engine.Setup.StartYear + t;
                    iso3[k] = engine.Setup.Allies[i].Iso3;
                    status[k] = result.Status(r, t, i).ToString().ToLowerInvariant();
                    for (var v = 0; v < variables.Length; v++)
                    {
                        values[v][k] = result.Value(r, t, i, variables[v]);
                    }
                }
            }
        }

        return [new("run", Integers: run), new("year", Integers: year), new("iso3", Strings: iso3), new("status", Strings: status),
            .. variables.Select((v, j) => new ParquetColumn(Name(v), Doubles: values[j]))];
    }

    private static string EventsCsv(Scenario scenario, EnsembleResult result)
    {
        var text = new StringBuilder("run,year,iso3,event,value,detail\n");
        var allies = result.Engine.Setup.Allies;
        foreach (var (run, e) in result.AllEvents())
        {
            var setup = result.Engine.Setup;
            var detail = e.Shock < 0 ? "" : e.Kind switch
            {
                SimulationEventKind.RivalProbe => setup.Rivals![e.Shock].Label,
                SimulationEventKind.Demand => setup.Demands![e.Shock].Label,
                _ => scenario.Shocks[e.Shock].Label,
            };
            text.Append(run.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Ally >= 0 ? allies[e.Ally].Iso3 : "").Append(',')
                .Append(e.Kind.ToString().ToLowerInvariant()).Append(',')
                .Append(NumberText.Csv(e.Value)).Append(',')
                .Append(CsvOutput.Field(detail)).Append('\n');
        }

        return text.ToString();
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
