using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Linchpin.Cli.Output;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin backtest nato-2014 [--format json]</c>: predicted 2023 % of GDP against NATO's figures and the no-change baseline.</summary>
internal static class BacktestCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "A NATO scenario starting before 2019 (built-in: nato-2014)" };
        var runs = new Option<int>("--runs") { Description = "Runs in the ensemble", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Ensemble seed", DefaultValueFactory = _ => 42 };
        var command = new Command("backtest", "Start from 2014 data and the observed shocks, predict each ally's 2023 % of GDP, score it against NATO's figures and the no-change baseline");
        command.Arguments.Add(scenarioArgument);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var scenario = ScenarioCommand.Load(parsed.GetValue(scenarioArgument)!, environment);
            using var store = CommonOptions.OpenStore(parsed, environment);
            BacktestResult? result = null;
            ProgressReporter.Run(environment, [($"backtest {scenario.Name}", () => result = NatoBacktest.Run(store, scenario, parsed.GetValue(runs), parsed.GetValue(seed), Environment.ProcessorCount))]);
            var r = result!;
            var format = parsed.GetValue(CommonOptions.Format);
            if (format == OutputFormat.Json)
            {
                WriteJson(r, environment);
                return 0;
            }

            var rows = new Rows("iso3", "start", "predicted", "actual", "error", "baseline_error");
            foreach (var a in r.Allies)
            {
                rows.Add(a.Iso3, a.Start, a.Predicted, a.Actual, a.Predicted - a.Actual, a.Start - a.Actual);
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"model: Spearman {r.Spearman:0.000}, MAE {r.Mae:0.000} points; no-change baseline: Spearman {r.BaselineSpearman:0.000}, MAE {r.BaselineMae:0.000}; n = {r.Allies.Count}");
            rows.Write(format, environment, $"{r.Scenario}: backtest of {r.TargetYear} % of GDP", null, [summary, .. r.Notes]);
            return 0;
        }));
        return command;
    }

    private static void WriteJson(BacktestResult r, CliEnvironment environment)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", r.Scenario);
            json.WriteNumber("target_year", r.TargetYear);
            json.WriteNumber("spearman", r.Spearman);
            json.WriteNumber("mae", r.Mae);
            json.WriteNumber("baseline_spearman", r.BaselineSpearman);
            json.WriteNumber("baseline_mae", r.BaselineMae);
            json.WriteNumber("n", r.Allies.Count);
            json.WriteNumber("pledge_pull", r.PledgePull);
            json.WriteNumber("threat_elasticity", r.ThreatElasticity);
            json.WriteNumber("calibration_mae", r.CalibrationMae);
            json.WriteStartArray("allies");
            foreach (var a in r.Allies)
            {
                json.WriteStartObject();
                json.WriteString("iso3", a.Iso3);
                json.WriteNumber("start", a.Start);
                json.WriteNumber("predicted", a.Predicted);
                json.WriteNumber("actual", a.Actual);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in r.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
