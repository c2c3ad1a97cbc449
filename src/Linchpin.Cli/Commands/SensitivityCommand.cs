using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Cluster;
using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin sensitivity --scenario NAME | --function ishigami|sobol-g [--a ...] --method morris|sobol
/// [--samples N] [--seeds K] [--outputs ...] [--parameters ...|--priors FILE] [--plot FILE]</c>.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var scenarioOption = new Option<string?>("--scenario") { Description = "A built-in scenario name or a YAML file" };
        var function = new Option<string?>("--function") { Description = "An analytic test function with known indices: ishigami or sobol-g" };
        var a = new Option<string?>("--a") { Description = "The G function's coefficients, comma-separated (default 0,1,4.5,9,99,99,99,99)" };
        var method = new Option<string>("--method") { Description = "morris or sobol", DefaultValueFactory = _ => "sobol" };
        var samples = NumericOptions.OptionalWhole("--samples", "Sobol: N, a power of two (default 1024); Morris: trajectories (default 20)", 2, 1 << 20);
        var seeds = NumericOptions.OptionalWhole("--seeds", "Runs per design point, averaged (default 10 for a scenario, 1 for a function)", 1, 100_000);
        var outputs = new Option<string?>("--outputs") { Description = "Scenario outputs, comma-separated: pct_gdp, p_breakdown, settlement, p_hedging (default: all the scenario has)" };
        var parameters = new Option<string?>("--parameters") { Description = "Parameters to vary over their default priors, comma-separated (default: all)" };
        var priors = new Option<string?>("--priors") { Description = "A priors file: CSV 'parameter,lower,upper,source'" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the design, the bootstrap and the runs", DefaultValueFactory = _ => 42 };
        var resamples = NumericOptions.Whole("--resamples", "Bootstrap resamples for the 95 % intervals", 100, 0, 100_000);
        var threads = NumericOptions.Whole("--threads", "Threads (results do not depend on it)", Environment.ProcessorCount, 1, 1024);
        var cluster = new Option<string?>("--cluster") { Description = "With --scenario: evaluate the design's points on a Linchpin cluster through these gateways, HOST:PORT[,HOST:PORT...] (same results)" };
        var plotPath = new Option<string?>("--plot") { Description = "Write a tornado chart (.png or .svg); with several outputs, one file each, named FILE-OUTPUT.ext" };
        var command = new Command("sensitivity", "Global sensitivity analysis (Morris elementary effects; Sobol indices on a Saltelli design) of a scenario's outputs, or of an analytic test function");
        foreach (var option in new Option[] { scenarioOption, function, a, method, samples, seeds, outputs, parameters, priors, seed, resamples, threads, plotPath, cluster })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var methodText = parsed.GetValue(method)!;
            var chosen = methodText switch
            {
                "sobol" => SensitivityMethod.Sobol,
                "morris" => SensitivityMethod.Morris,
                _ => throw new LinchpinException($"--method: '{methodText}' is not morris or sobol"),
            };
            var threadCount = parsed.GetValue(threads);

            var scenarioName = parsed.GetValue(scenarioOption);
            var functionName = parsed.GetValue(function);
            if ((scenarioName is null) == (functionName is null))
            {
                throw new LinchpinException("--scenario: give either --scenario or --function");
            }

            var settings = new SensitivitySettings(chosen, parsed.GetValue(samples) ?? (chosen == SensitivityMethod.Sobol ? 1024 : 20),
                parsed.GetValue(seeds) ?? (scenarioName is null ? 1 : 10), parsed.GetValue(seed), parsed.GetValue(resamples));
            settings.Validate();
            var plot = parsed.GetValue(plotPath);
            if (plot is not null && Path.GetExtension(plot).ToLowerInvariant() is not ".png" and not ".svg")
            {
                throw new LinchpinException($"--plot {plot}: use a .png or .svg file");
            }

            SensitivityResult? result = null;
            var notes = new List<string>();
            WorldStore? store = null;
            try
            {
                if (functionName is not null)
                {
                    if (parsed.GetValue(cluster) is not null)
                    {
                        throw new LinchpinException("--cluster: only with --scenario (a test function takes no time to evaluate)");
                    }

                    if (settings.Seeds != 1)
                    {
                        throw new LinchpinException("--seeds: a test function is deterministic; use 1");
                    }

                    var coefficients = parsed.GetValue(a) is { } text ? ParseNumbers(text, "--a") : null;
                    result = SensitivityAnalysis.Function(functionName, coefficients, settings, threadCount);
                }
                else
                {
                    var scenario = ScenarioCommand.Load(scenarioName!, environment);
                    store = CommonOptions.OpenStore(parsed, environment);
                    var (setup, worldNotes) = ScenarioWorld.Resolve(store, scenario);
                    notes.AddRange(worldNotes);
                    var factors = parsed.GetValue(priors) is { } file
                        ? (parsed.GetValue(parameters) is not null
                            ? throw new LinchpinException("--parameters: give --parameters or --priors, not both")
                            : Priors.Parse(InputFile.ReadText(file), file))
                        : Priors.Defaults(Split(parsed.GetValue(parameters)));
                    var chosenOutputs = ScenarioOutputs.Choose(setup, Split(parsed.GetValue(outputs)));
                    var points = chosen == SensitivityMethod.Sobol ? settings.Samples * (factors.Count + 2) : settings.Samples * (factors.Count + 1);
                    if (parsed.GetValue(cluster) is { } gateways)
                    {
                        result = SensitivityAnalysis.Scenario(setup, factors, chosenOutputs, settings, design => OnCluster(environment, gateways, setup, factors, chosenOutputs, settings, design));
                    }
                    else
                    {
                        ProgressReporter.Run(environment, [($"{scenario.Name}: {points} points × {settings.Seeds} runs",
                            () => result = SensitivityAnalysis.Scenario(setup, factors, chosenOutputs, settings, threadCount))]);
                    }
                }

                var r = result!;
                notes.Add(Describe(r));
                foreach (var o in r.Outputs.Where(o => double.IsFinite(o.NoiseShare)))
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{o.Output}: run noise left {o.NoiseShare:0.0%} of the variance over the design after averaging {r.Seeds} runs per point{(o.NoiseShare > 0.1 ? " — raise --seeds before reading small indices" : "")}"));
                }

                if (plot is not null)
                {
                    foreach (var o in r.Outputs)
                    {
                        var path = r.Outputs.Count == 1 ? plot : Path.ChangeExtension(plot, null) + "-" + o.Output + Path.GetExtension(plot);
                        BurdenCharts.Save(ValidationCharts.Tornado(r, o), path,
                            CommonOptions.Provenance(parsed, [new("seed", r.Seed.ToString(CultureInfo.InvariantCulture))], store?.Loaded ?? []));
                        environment.Error.WriteLine($"plot written to {path}");
                    }
                }

                Write(r, parsed.GetValue(CommonOptions.Format), environment, notes);
                return 0;
            }
            finally
            {
                store?.Dispose();
            }
        }));
        return command;
    }

    // Points per unit of work: a few seconds of runs at ten runs a point.
    private const int RangePoints = 32;

    private static ScenarioEvaluation OnCluster(CliEnvironment environment, string gateways, Simulation.SimulationSetup setup, IReadOnlyList<Prior> factors,
        IReadOnlyList<ScenarioOutput> outputs, SensitivitySettings settings, IReadOnlyList<double[]> design)
    {
        var evaluation = Task.Run(async () =>
        {
            await using var connection = await ClusterConnection.ConnectAsync(gateways, ClusterSimulate.ConnectTimeout, DatasetCatalog.ToolVersion, environment.Cancellation);
            environment.Error.WriteLine($"sensitivity on {connection.Gateways}: {design.Count} points × {settings.Seeds} runs in ranges of {RangePoints} points");
            return await SensitivityPoints.EvaluateAsync(connection.Client, DatasetCatalog.ToolVersion, setup, factors, outputs, settings.Seeds, settings.Seed, design, RangePoints,
                done =>
                {
                    if (environment.IsTerminal)
                    {
                        environment.Error.Write($"\r{done}/{design.Count} points   ");
                    }
                }, environment.Cancellation);
        }).GetAwaiter().GetResult();
        if (environment.IsTerminal)
        {
            environment.Error.WriteLine();
        }

        return evaluation;
    }

    private static string Describe(SensitivityResult r) => r.Method == SensitivityMethod.Sobol
        ? $"Sobol indices on a Saltelli design of Latin hypercube matrices A and B: N = {r.Samples}, {r.Factors.Count} factors, {r.Evaluations} points × {r.Seeds} runs; S1 by Saltelli et al. (2010), ST by Jansen (1999); {(r.Outputs.Count > 0 ? r.Outputs[0].Sobol?.Resamples ?? 0 : 0)} bootstrap resamples over the rows for 95 % intervals; priors uniform; seed {r.Seed}"
        : $"Morris elementary effects: {r.Samples} trajectories on a 4-level grid, {r.Factors.Count} factors, {r.Evaluations} points × {r.Seeds} runs; effects per whole prior range; μ* after Campolongo et al. (2007); seed {r.Seed}";

    private static void Write(SensitivityResult r, OutputFormat format, CliEnvironment environment, IReadOnlyList<string> notes)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(r, environment, notes);
            return;
        }

        var sobol = r.Method == SensitivityMethod.Sobol;
        var exact = r.Outputs.Any(o => o.Exact is not null);
        var columns = new List<string> { "output", "parameter", "lower", "upper" };
        columns.AddRange(sobol ? ["s1", "s1_low", "s1_high", "st", "st_low", "st_high"] : ["mu", "mu_star", "mu_star_low", "mu_star_high", "sigma"]);
        if (exact)
        {
            columns.AddRange(["s1_exact", "st_exact"]);
        }

        var rows = new Rows([.. columns]);
        foreach (var o in r.Outputs)
        {
            for (var i = 0; i < r.Factors.Count; i++)
            {
                var f = r.Factors[i];
                var values = new List<object?> { o.Output, f.Name, f.Lower, f.Upper };
                if (o.Sobol is { } s)
                {
                    var x = s.Indices[i];
                    values.AddRange([x.FirstOrder, Nullable(x.FirstOrderLow), Nullable(x.FirstOrderHigh), x.Total, Nullable(x.TotalLow), Nullable(x.TotalHigh)]);
                }
                else if (o.Morris is { } m)
                {
                    var x = m[i];
                    values.AddRange([x.Mu, x.MuStar, Nullable(x.MuStarLow), Nullable(x.MuStarHigh), x.Sigma]);
                }

                if (exact)
                {
                    values.AddRange([o.Exact?.FirstOrder[i], o.Exact?.Total[i]]);
                }

                rows.Add([.. values]);
            }
        }

        rows.Write(format, environment, $"{r.Subject}: {(sobol ? "Sobol indices" : "Morris elementary effects")}", null, notes);
    }

    private static void WriteJson(SensitivityResult r, CliEnvironment environment, IReadOnlyList<string> notes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("subject", r.Subject);
            json.WriteString("method", r.Method == SensitivityMethod.Sobol ? "sobol" : "morris");
            json.WriteNumber("samples", r.Samples);
            json.WriteNumber("seeds", r.Seeds);
            json.WriteNumber("seed", r.Seed);
            json.WriteNumber("evaluations", r.Evaluations);
            json.WriteStartArray("outputs");
            foreach (var o in r.Outputs)
            {
                json.WriteStartObject();
                json.WriteString("output", o.Output);
                Number(json, "variance", o.Variance);
                Number(json, "noise_share", o.NoiseShare);
                json.WriteStartArray("parameters");
                for (var i = 0; i < r.Factors.Count; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("parameter", r.Factors[i].Name);
                    json.WriteNumber("lower", r.Factors[i].Lower);
                    json.WriteNumber("upper", r.Factors[i].Upper);
                    if (o.Sobol is { } s)
                    {
                        var x = s.Indices[i];
                        Number(json, "s1", x.FirstOrder);
                        Number(json, "s1_low", x.FirstOrderLow);
                        Number(json, "s1_high", x.FirstOrderHigh);
                        Number(json, "st", x.Total);
                        Number(json, "st_low", x.TotalLow);
                        Number(json, "st_high", x.TotalHigh);
                    }

                    if (o.Morris is { } m)
                    {
                        Number(json, "mu", m[i].Mu);
                        Number(json, "mu_star", m[i].MuStar);
                        Number(json, "mu_star_low", m[i].MuStarLow);
                        Number(json, "mu_star_high", m[i].MuStarHigh);
                        Number(json, "sigma", m[i].Sigma);
                    }

                    if (o.Exact is { } e)
                    {
                        Number(json, "s1_exact", e.FirstOrder[i]);
                        Number(json, "st_exact", e.Total[i]);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            ResultJson.WriteStrings(json, "notes", ResultNotes.Others(notes));
            ResultJson.WriteStrings(json, "warnings", ResultNotes.Warnings(notes));
            json.WriteEndObject();
        }

        environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static double[] ParseNumbers(string text, string option) =>
        [.. Split(text).Select(t => InputNumber.TryParse(t, out var v, out var problem) ? v : throw new LinchpinException($"{option}: {problem}"))];

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
