using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Reports;
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
        var command = new Command("simulate", "Run a scenario's Monte Carlo ensemble: per-ally probabilities of settlement, breakdown, hedging and exit; bands in summary files");
        command.Options.Add(scenarioOption);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.Options.Add(threads);
        command.Options.Add(output);
        ClusterSimulate.AddOptions(command);
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
            foreach (var warning in notes.Where(n => n.StartsWith("warning: ", StringComparison.Ordinal)))
            {
                environment.Error.WriteLine(warning);
            }

            var engine = new SimulationEngine(setup);
            EnsembleResult? result = null;
            var folder = parsed.GetValue(output);
            var seedValue = parsed.GetValue(seed);
            var onCluster = ClusterSimulate.Requested(parsed);
            if (onCluster)
            {
                result = ClusterSimulate.Run(parsed, environment, scenario, engine, count, seedValue, folder, store.Datasets, notes);
            }

            ProgressReporter.Run(environment, onCluster ? [] : [
                ($"{scenario.Name}: {count} runs", () => result = folder is null
                    ? Ensemble.Run(engine, count, seedValue, threadCount, cancellation: environment.Cancellation)
                    : SimulationOutput.Write(folder, scenario, engine, count, seedValue, store.Datasets, notes, threadCount, cancellation: environment.Cancellation)),
            ]);
            var shown = notes.ToList();
            if (folder is not null)
            {
                shown.Add($"outputs written to {folder}");
            }

            Rows.Write(SimulationResults.Summary(result!, $"{scenario.Name}: {count} runs, seed {seedValue}", shown), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
