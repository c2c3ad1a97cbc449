using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin simulate --scenario NAME --runs N --seed S [--threads N] [--out DIR]</c>: a Monte Carlo ensemble.</summary>
internal static class SimulateCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var scenarioOption = new Option<string>("--scenario") { Description = "A built-in scenario name or a YAML file", Required = true };
        var runs = NumericOptions.Whole("--runs", "Number of runs (1 to 1000000)", 1000, 1, SimulationResults.MaxRuns);
        var seed = new Option<ulong>("--seed") { Description = "Ensemble seed (run r uses the stream of seed and r)", DefaultValueFactory = _ => 42 };
        var threads = NumericOptions.Whole("--threads", "Threads (results do not depend on it)", Environment.ProcessorCount, 1, 1024);
        var output = new Option<string?>("--out") { Description = "Folder for trajectories.parquet, events.csv, summary.csv, summary.json, manifest.json" };
        var posteriorOption = new Option<string?>("--posterior") { Description = "A posterior from 'linchpin calibrate' of this scenario: each run draws its parameters from it" };
        var command = new Command("simulate", "Run a scenario's Monte Carlo ensemble: per-ally probabilities of settlement, breakdown, hedging and exit; bands in summary files");
        command.Options.Add(scenarioOption);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.Options.Add(threads);
        command.Options.Add(output);
        command.Options.Add(posteriorOption);
        ClusterSimulate.AddOptions(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var count = parsed.GetValue(runs);
            var threadCount = parsed.GetValue(threads);
            var scenario = ScenarioCommand.Load(parsed.GetValue(scenarioOption)!, environment);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
            var posteriorPath = parsed.GetValue(posteriorOption);
            var posterior = posteriorPath is null ? null : PosteriorFile.Read(posteriorPath, scenario);
            notes = [.. notes, SimulationResults.BandsNote(posterior, posteriorPath)];

            // Said before the long work starts; CSV output says them again at the end, so it does not here.
            if (parsed.GetValue(CommonOptions.Format) != OutputFormat.Csv)
            {
                foreach (var warning in notes.Where(ResultNotes.IsWarning))
                {
                    environment.Error.WriteLine(warning);
                }
            }

            var engine = new SimulationEngine(setup);
            var draws = posterior is null ? null : PosteriorEnsemble.Draws(posterior, setup.Parameters);
            EnsembleResult? result = null;
            var folder = parsed.GetValue(output);
            var seedValue = parsed.GetValue(seed);
            var onCluster = ClusterSimulate.Requested(parsed);
            if (onCluster)
            {
                result = ClusterSimulate.Run(parsed, environment, scenario, engine, count, seedValue, folder, store.Datasets, notes, posterior);
            }

            ProgressReporter.Run(environment, onCluster ? [] : [
                ($"{scenario.Name}: {count} runs", () => result = folder is null
                    ? Ensemble.Run(engine, count, seedValue, threadCount, cancellation: environment.Cancellation, parameters: draws)
                    : SimulationOutput.Write(folder, scenario, engine, count, seedValue, store.Datasets, notes, threadCount, cancellation: environment.Cancellation, parameters: draws)),
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
