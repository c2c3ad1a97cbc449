using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin simulate --scenario NAME --runs N --seed S [--threads N] [--out DIR]</c>: a Monte Carlo ensemble.</summary>
internal static class SimulateCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var scenarioOption = new Option<string>("--scenario") { Description = "A built-in scenario name or a YAML file", Required = true };
        var runs = new Option<int>("--runs") { Description = "Number of runs", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Ensemble seed (run r uses the stream of seed and r)", DefaultValueFactory = _ => 42 };
        var threads = new Option<int>("--threads") { Description = "Threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out") { Description = "Folder for trajectories.parquet, events.csv, summary.csv, summary.json, manifest.json" };
        var command = new Command("simulate", "Run a scenario's Monte Carlo ensemble: per-ally probabilities of settlement, breakdown, hedging and exit, and of each demand's outcome; bands in summary files");
        command.Options.Add(scenarioOption);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.Options.Add(threads);
        command.Options.Add(output);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var count = parsed.GetValue(runs);
            var threadCount = parsed.GetValue(threads);
            if (count < 1 || count > 1_000_000)
            {
                throw new LinchpinException($"--runs: {count} is outside [1, 1000000]");
            }

            if (threadCount < 1)
            {
                throw new LinchpinException($"--threads: {threadCount} must be at least 1");
            }

            var scenario = ScenarioCommand.Load(parsed.GetValue(scenarioOption)!, environment);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
            var engine = new SimulationEngine(setup);
            EnsembleResult? result = null;
            var folder = parsed.GetValue(output);
            var steps = new List<(string, Action)>
            {
                ($"{scenario.Name}: {count} runs", () => result = Ensemble.Run(engine, count, parsed.GetValue(seed), threadCount)),
            };
            if (folder is not null)
            {
                steps.Add(("writing outputs", () => SimulationOutput.Write(folder, scenario, result!, store.Datasets, notes, threadCount)));
            }

            ProgressReporter.Run(environment, steps);
            var rows = new Rows("iso3", "p_settlement", "p_breakdown", "settlement_median", "settlement_p05", "settlement_p95", "p_hedging", "p_exit",
                "pct_gdp_start", "pct_gdp_end_median", "demands");
            var summary = result!.Summary(threadCount).Where(r => r.Variable == TrajectoryVariable.PctGdp).ToLookup(r => r.Iso3);
            foreach (var o in result.Outcomes())
            {
                var band = summary[o.Iso3].OrderBy(r => r.Year).ToList();
                rows.Add(o.Iso3, Nullable(o.Settlement), Nullable(o.Breakdown), Nullable(o.SettlementMedian), Nullable(o.SettlementLow), Nullable(o.SettlementHigh),
                    o.Hedging, o.Exit, band[0].Median, band[^1].Median, Demands(o));
            }

            var shown = notes.ToList();
            if (folder is not null)
            {
                shown.Add($"outputs written to {folder}");
            }

            rows.Write(parsed.GetValue(CommonOptions.Format), environment, $"{scenario.Name}: {count} runs, seed {parsed.GetValue(seed)}", null, shown);
            return 0;
        }));
        return command;
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>Each demand on the ally with the shares of runs it was accepted, met in part and refused.</summary>
    private static string? Demands(AllyOutcome outcome) => outcome.Demands is { Count: > 0 } demands
        ? string.Join("; ", demands.Select(d => FormattableString.Invariant($"{d.Id}: p_accept {d.Accept:0.###}, p_partial {d.Partial:0.###}, p_refuse {d.Refuse:0.###}")))
        : null;
}
