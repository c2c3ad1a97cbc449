using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Linchpin.Cli.Output;
using Linchpin.Reports;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin backtest nato-2014|nato-2019 [--scenario NAME] [--information hindsight|forecast-date]</c>:
/// held-out forecasts next to every naive baseline with the same information.
/// </summary>
internal static class BacktestCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var nameArgument = new Argument<string>("backtest") { Description = "nato-2014 (forecast 2023 from 2014), nato-2019 (restart in 2019, forecast 2023 and 2024)" };
        var scenarioOption = new Option<string>("--scenario") { Description = "The NATO scenario to start from (built-in nato-2014, or a YAML file starting in 2014)", DefaultValueFactory = _ => "nato-2014" };
        var runs = NumericOptions.Whole("--runs", "Runs in the forecast ensemble (10 to 1000000)", 1000, 10, 1_000_000);
        var seed = new Option<ulong>("--seed") { Description = "Seed of the calibration and the ensemble", DefaultValueFactory = _ => 42 };
        var information = new Option<string>("--information") { Description = "hindsight (the scenario's later events, labelled) or forecast-date (only events known in 2019)", DefaultValueFactory = _ => "hindsight" };
        var command = new Command("backtest", "Calibrate on data up to a forecast date, forecast held-out years, and score the forecast against NATO's figures next to naive baselines");
        command.Arguments.Add(nameArgument);
        foreach (var option in new Option[] { scenarioOption, runs, seed, information })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var name = parsed.GetValue(nameArgument)!;
            var count = parsed.GetValue(runs);

            var format = parsed.GetValue(CommonOptions.Format);
            if (!NatoBacktest.Splits.ContainsKey(name))
            {
                throw new LinchpinException($"backtest: '{name}' is not one of {string.Join(", ", NatoBacktest.Splits.Keys)}");
            }

            var mode = parsed.GetValue(information) switch
            {
                "hindsight" => BacktestInformation.Hindsight,
                "forecast-date" => BacktestInformation.ForecastDate,
                var other => throw new LinchpinException($"--information: '{other}' is not hindsight or forecast-date"),
            };
            var scenario = ScenarioCommand.Load(parsed.GetValue(scenarioOption)!, environment);
            using var store = CommonOptions.OpenStore(parsed, environment);
            BacktestResult? result = null;
            ProgressReporter.Run(environment, [($"backtest {name}", () => result = NatoBacktest.Run(store, scenario, name, count, parsed.GetValue(seed), Environment.ProcessorCount, mode))]);
            var r = result!;
            if (format == OutputFormat.Json)
            {
                WriteJson(r, environment);
                return 0;
            }

            var rows = new Rows("year", "iso3", "start", "last_seen", "predicted", "p05", "p95", "actual", "error", "in_band");
            foreach (var y in r.Years)
            {
                foreach (var a in y.Allies)
                {
                    rows.Add(y.Year, a.Iso3, a.Start, a.LastSeen, a.Predicted, a.Low, a.High, a.Actual, a.Predicted - a.Actual, a.Actual >= a.Low && a.Actual <= a.High);
                }
            }

            var summary = r.Years.SelectMany(y => new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"{y.Year}: model MAE {y.Model.Mae:0.000}, Spearman {y.Model.Spearman:0.000}, bias {y.Model.Bias:0.000}; coverage_90 {y.Coverage90:0.00}; at 2 %: median {y.CountAtTarget.Median:0} (5-95 % {y.CountAtTarget.Low:0}-{y.CountAtTarget.High:0}), actual {y.CountAtTarget.Actual}; n = {y.Allies.Count}"),
            }.Concat(y.Baselines.Select(b => string.Create(CultureInfo.InvariantCulture,
                $"{y.Year}: baseline '{b.Name}': MAE {b.Mae:0.000}, Spearman {b.Spearman:0.000}, bias {b.Bias:0.000}, at 2 %: {b.CountAtTarget:0}")))
                .Concat(y.Losses.Count == 0 ? [$"{y.Year}: the model beats every baseline on MAE and Spearman"] : []));
            rows.Write(format, environment, $"backtest {r.Name} ({r.Scenario}): held-out % of GDP", null, [.. summary, .. r.Notes]);
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
            json.WriteString("backtest", r.Name);
            json.WriteString("scenario", r.Scenario);
            json.WriteNumber("forecast_year", r.ForecastYear);
            json.WriteString("information", r.Information == BacktestInformation.Hindsight ? "hindsight" : "forecast-date");
            json.WriteStartArray("hindsight");
            foreach (var h in r.Hindsight)
            {
                json.WriteStringValue(h);
            }

            json.WriteEndArray();
            json.WriteNumber("runs", r.Runs);
            json.WriteNumber("seed", r.Seed);

            // The first held-out year at the top level; every year under "years".
            WriteYear(json, r.Years[0]);
            json.WriteStartArray("years");
            foreach (var y in r.Years)
            {
                json.WriteStartObject();
                WriteYear(json, y);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("calibration");
            for (var j = 0; j < r.Posterior.Priors.Count; j++)
            {
                var (mean, sd, low, high) = r.Posterior.Summary(j);
                json.WriteStartObject();
                json.WriteString("parameter", r.Posterior.Priors[j].Name);
                ResultJson.WriteNumber(json, "mean", mean);
                ResultJson.WriteNumber(json, "sd", sd);
                ResultJson.WriteNumber(json, "p05", low);
                ResultJson.WriteNumber(json, "p95", high);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            ResultJson.WriteNumber(json, "calibration_epsilon", r.Posterior.Epsilon);
            ResultJson.WriteStrings(json, "notes", ResultNotes.Others(r.Notes));
            ResultJson.WriteStrings(json, "warnings", ResultNotes.Warnings(r.Notes));
            json.WriteEndObject();
        }

        environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteYear(Utf8JsonWriter json, BacktestYear y)
    {
        json.WriteNumber("target_year", y.Year);
        json.WriteString("actual_edition", y.ActualEdition);
        SensitivityCommand.Number(json, "spearman", y.Model.Spearman);
        ResultJson.WriteNumber(json, "mae", y.Model.Mae);
        ResultJson.WriteNumber(json, "bias", y.Model.Bias);
        json.WriteNumber("n", y.Allies.Count);
        ResultJson.WriteNumber(json, "coverage_90", y.Coverage90);
        json.WriteStartObject("count_at_target");
        json.WriteNumber("target", y.CountAtTarget.Target);
        ResultJson.WriteNumber(json, "median", y.CountAtTarget.Median);
        ResultJson.WriteNumber(json, "p05", y.CountAtTarget.Low);
        ResultJson.WriteNumber(json, "p95", y.CountAtTarget.High);
        json.WriteNumber("actual", y.CountAtTarget.Actual);
        json.WriteEndObject();
        json.WriteStartArray("baselines");
        foreach (var b in y.Baselines)
        {
            json.WriteStartObject();
            json.WriteString("name", b.Name);
            SensitivityCommand.Number(json, "spearman", b.Spearman);
            ResultJson.WriteNumber(json, "mae", b.Mae);
            ResultJson.WriteNumber(json, "bias", b.Bias);
            json.WriteNumber("count_at_target", b.CountAtTarget);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("beats_every_baseline", y.Losses.Count == 0);
        json.WriteStartArray("verdict");
        foreach (var line in y.Losses)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteStartArray("allies");
        foreach (var a in y.Allies)
        {
            json.WriteStartObject();
            json.WriteString("iso3", a.Iso3);
            ResultJson.WriteNumber(json, "start", a.Start);
            ResultJson.WriteNumber(json, "last_seen", a.LastSeen);
            ResultJson.WriteNumber(json, "predicted", a.Predicted);
            ResultJson.WriteNumber(json, "p05", a.Low);
            ResultJson.WriteNumber(json, "p95", a.High);
            ResultJson.WriteNumber(json, "actual", a.Actual);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
