using System.CommandLine;
using System.Globalization;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin calibrate SCENARIO [--year Y] [--parameters ...|--priors FILE] [--draws N] [--accept Q] --out FILE.parquet</c>: ABC rejection on NATO figures.</summary>
internal static class CalibrateCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "A NATO scenario (built-in: nato-2014) or a YAML file" };
        var year = new Option<int>("--year") { Description = "The calibration year: NATO's figures for it are the targets; later years are held out", DefaultValueFactory = _ => NatoBacktest.CalibrationYear };
        var edition = new Option<string>("--edition") { Description = "The NATO edition of the targets", DefaultValueFactory = _ => AllianceSpendingReader.FullTableEdition };
        var parameters = new Option<string?>("--parameters") { Description = $"Parameters to fit over their default priors (default: {string.Join(",", NatoTargets.DefaultParameters)})" };
        var priors = new Option<string?>("--priors") { Description = "A priors file: CSV 'parameter,lower,upper,source'" };
        var draws = NumericOptions.Whole("--draws", "Prior draws (one run each)", 4000, 10, 10_000_000);
        var accept = NumericOptions.Number("--accept", "Share of the draws kept (the nearest)", 0.025, 0, 1);
        var seed = new Option<ulong>("--seed") { Description = "Seed of the draws and runs", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "The posterior's Parquet file (a .json summary is written beside it)", Required = true };
        var command = new Command("calibrate", "Fit a scenario's parameters to NATO's figures by approximate Bayesian computation (rejection) and write the posterior");
        command.Arguments.Add(scenarioArgument);
        foreach (var option in new Option[] { year, edition, parameters, priors, draws, accept, seed, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(output)!;
            if (!path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            {
                throw new LinchpinException($"--out {path}: use a .parquet file");
            }

            var factors = Factors(parsed.GetValue(parameters), parsed.GetValue(priors), NatoTargets.DefaultParameters);
            var scenario = ScenarioCommand.Load(parsed.GetValue(scenarioArgument)!, environment);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
            var targets = NatoTargets.PctGdp(store, setup, parsed.GetValue(year), parsed.GetValue(edition)!);
            Posterior? posterior = null;
            ProgressReporter.Run(environment, [($"calibrate {scenario.Name}: {parsed.GetValue(draws)} draws", () =>
                posterior = AbcCalibration.Rejection(setup, scenario.Hash, factors, targets, parsed.GetValue(draws), parsed.GetValue(accept), parsed.GetValue(seed), Environment.ProcessorCount))]);
            var p = posterior!;
            PosteriorFile.Write(path, p, CommonOptions.Provenance(parsed, [new("seed", parsed.GetValue(seed).ToString(CultureInfo.InvariantCulture))], store.Loaded));
            var rows = new Rows("parameter", "prior_lower", "prior_upper", "mean", "sd", "p05", "p95", "prior_source");
            for (var j = 0; j < p.Priors.Count; j++)
            {
                var (mean, sd, low, high) = p.Summary(j);
                rows.Add(p.Priors[j].Name, p.Priors[j].Lower, p.Priors[j].Upper, mean, sd, low, high, p.Priors[j].Source);
            }

            rows.Write(parsed.GetValue(CommonOptions.Format), environment, $"{scenario.Name}: posterior ({p.Particles.Count} of {p.Draws} draws)",
                ["parameter", "prior_lower", "prior_upper", "mean", "sd", "p05", "p95"],
                [.. notes, p.Method, $"targets: {p.Targets}; nothing after {p.LastYear} is read", $"posterior written to {path} and {Path.ChangeExtension(path, ".json")}"]);
            return 0;
        }));
        return command;
    }

    /// <summary>The priors the options ask for: a file, named parameters, or the defaults.</summary>
    internal static IReadOnlyList<Prior> Factors(string? names, string? file, IReadOnlyList<string> defaults)
    {
        if (file is not null)
        {
            return names is not null
                ? throw new LinchpinException("--parameters: give --parameters or --priors, not both")
                : Priors.Parse(InputFile.ReadText(file), file);
        }

        return Priors.Defaults(names is null ? defaults : SensitivityCommand.Split(names));
    }
}
