using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Linchpin.Cli.Output;
using Linchpin.Reports;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin backtest nato-2014|nato-2019 [--scenario NAME] [--information hindsight|forecast-date]</c>
/// and <c>linchpin backtest sma-2018</c>: held-out forecasts next to every naive baseline with the same information.
/// </summary>
internal static class BacktestCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var nameArgument = new Argument<string>("backtest") { Description = "nato-2014 (forecast 2023 from 2014), nato-2019 (restart in 2019, forecast 2023 and 2024), sma-2018 (fit the SMA settlements of 2005-2018, forecast the 10th to 12th SMAs)" };
        var scenarioOption = new Option<string>("--scenario") { Description = "The NATO scenario to start from (built-in nato-2014, or a YAML file starting in 2014)", DefaultValueFactory = _ => "nato-2014" };
        var runs = NumericOptions.Whole("--runs", "Runs in the forecast ensemble; for sma-2018, bootstrap resamples (10 to 1000000)", 1000, 10, 1_000_000);
        var seed = new Option<ulong>("--seed") { Description = "Seed of the calibration and the ensemble", DefaultValueFactory = _ => 42 };
        var information = new Option<string>("--information") { Description = "hindsight (the scenario's later events, labelled) or forecast-date (only events known in 2019)", DefaultValueFactory = _ => "hindsight" };
        var command = new Command("backtest", "Calibrate on data up to a forecast date, forecast held-out years, and score the forecast against the published figures next to naive baselines");
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
            if (SmaBacktest.Splits.ContainsKey(name))
            {
                // The SMA backtest reads only the shipped SMA history: a scenario or an information mode would be silently ignored.
                foreach (var natoOnly in new Option[] { scenarioOption, information })
                {
                    if (CommonOptions.Given(parsed, natoOnly))
                    {
                        throw new LinchpinException($"{natoOnly.Name}: applies to the NATO backtests only, not to {name} (it fits the SMA amounts up to 2018)");
                    }
                }

                using var smaStore = CommonOptions.OpenStore(parsed, environment);
                WriteSma(SmaBacktest.Run(smaStore, name, count, parsed.GetValue(seed)), format, environment);
                return 0;
            }

            if (!NatoBacktest.Splits.ContainsKey(name))
            {
                throw new LinchpinException($"backtest: '{name}' is not one of {string.Join(", ", NatoBacktest.Splits.Keys.Concat(SmaBacktest.Splits.Keys))}");
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

    private static void WriteSma(SmaBacktestResult r, OutputFormat format, CliEnvironment environment)
    {
        if (format == OutputFormat.Json)
        {
            WriteSmaJson(r, environment);
            return;
        }

        var rows = new Rows("sma", "year", "last_seen", "predicted", "p05", "p95", "actual", "error", "in_band");
        foreach (var y in r.Years)
        {
            rows.Add(y.Agreement, y.Year, y.LastSeen, y.Predicted, y.Low, y.High, y.Actual, y.Predicted - y.Actual, y.Actual >= y.Low && y.Actual <= y.High);
        }

        var summary = new[]
        {
            string.Create(CultureInfo.InvariantCulture,
                $"model: MAE {r.Model.Mae:0.0}, Spearman {Spearman(r.Model.Spearman)}, bias {r.Model.Bias:0.0} ({SmaBacktest.Currency}); coverage_90 {r.Coverage90:0.00}; n = {r.Years.Count}"),
        }.Concat(r.Baselines.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"baseline '{b.Name}': MAE {b.Mae:0.0}, Spearman {Spearman(b.Spearman)}, bias {b.Bias:0.0}")))
            .Concat(r.Losses.Count == 0 ? ["the model beats every baseline on MAE and Spearman"] : []);
        rows.Write(format, environment, $"backtest {r.Name}: held-out SMA amounts, {SmaBacktest.Currency}", null, [.. summary, .. r.Notes]);
    }

    private static string Spearman(double value) =>
        double.IsNaN(value) ? "undefined (the forecast is the same every year)" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void WriteSmaJson(SmaBacktestResult r, CliEnvironment environment)
    {
        const string Undefined = "undefined: the forecast is the same in every held-out year, so it ranks none above another";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("backtest", r.Name);
            json.WriteString("currency", SmaBacktest.Currency);
            json.WriteNumber("forecast_year", r.Fit.LastYear);
            json.WriteStartArray("fit_years");
            foreach (var year in r.Fit.Years)
            {
                json.WriteNumberValue(year);
            }

            json.WriteEndArray();
            json.WriteNumber("resamples", r.Resamples);
            json.WriteNumber("seed", r.Seed);
            ResultJson.WriteNumber(json, "spearman", r.Model.Spearman);
            if (double.IsNaN(r.Model.Spearman))
            {
                json.WriteString("spearman_note", Undefined);
            }

            ResultJson.WriteNumber(json, "mae", r.Model.Mae);
            ResultJson.WriteNumber(json, "bias", r.Model.Bias);
            json.WriteNumber("n", r.Years.Count);
            ResultJson.WriteNumber(json, "coverage_90", r.Coverage90);
            json.WriteNull("count_at_target");
            json.WriteString("count_at_target_note", "does not apply: the SMA payments have no agreed target level to count years at");
            json.WriteStartArray("baselines");
            foreach (var b in r.Baselines)
            {
                json.WriteStartObject();
                json.WriteString("name", b.Name);
                ResultJson.WriteNumber(json, "spearman", b.Spearman);
                if (double.IsNaN(b.Spearman))
                {
                    json.WriteString("spearman_note", Undefined);
                }

                ResultJson.WriteNumber(json, "mae", b.Mae);
                ResultJson.WriteNumber(json, "bias", b.Bias);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteBoolean("beats_every_baseline", r.Losses.Count == 0);
            ResultJson.WriteStrings(json, "verdict", r.Losses);
            json.WriteStartArray("agreements");
            foreach (var y in r.Years)
            {
                json.WriteStartObject();
                json.WriteNumber("sma", y.Agreement);
                json.WriteNumber("year", y.Year);
                WriteForecast(json, y.LastSeen, y.Predicted, y.Low, y.High, y.Actual);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("missing_years");
            foreach (var year in r.Missing)
            {
                json.WriteNumberValue(year);
            }

            json.WriteEndArray();
            json.WriteStartObject("fit");
            ResultJson.WriteNumber(json, "log_level", r.Fit.LogLevel);
            ResultJson.WriteNumber(json, "growth", r.Fit.Growth);
            ResultJson.WriteNumber(json, "residual_sd", r.Fit.ResidualSd);
            json.WriteEndObject();
            ResultJson.WriteStrings(json, "notes", ResultNotes.Others(r.Notes));
            ResultJson.WriteStrings(json, "warnings", ResultNotes.Warnings(r.Notes));
            json.WriteEndObject();
        }

        environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
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
            WriteForecast(json, a.LastSeen, a.Predicted, a.Low, a.High, a.Actual);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The fields every backtest row shares: the last value the fit saw, the forecast with its 90 % band, and the held-out value.</summary>
    private static void WriteForecast(Utf8JsonWriter json, double lastSeen, double predicted, double low, double high, double actual)
    {
        ResultJson.WriteNumber(json, "last_seen", lastSeen);
        ResultJson.WriteNumber(json, "predicted", predicted);
        ResultJson.WriteNumber(json, "p05", low);
        ResultJson.WriteNumber(json, "p95", high);
        ResultJson.WriteNumber(json, "actual", actual);
    }
}
