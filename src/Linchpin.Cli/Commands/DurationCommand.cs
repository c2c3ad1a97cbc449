using System.CommandLine;
using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Cli.Output;
using Linchpin.Data;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin duration [--censor-year 2017]</c>: the empirical alliance-duration baseline (model 9 §9.2) from ATOP 4.01.</summary>
internal static class DurationCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var censorYear = new Option<double>("--censor-year")
        {
            Description = "When observation stops (2017 = the start of 2017): alliances in effect then are right-censored there, later ones left out",
            DefaultValueFactory = _ => DurationOptions.DefaultCensorYear,
        };
        var command = new Command("duration", "Alliance duration from ATOP 4.01: counts, exposure, constant hazard, Kaplan-Meier survival, piecewise and Weibull hazards, subgroup hazards");
        command.Options.Add(censorYear);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var censor = parsed.GetValue(censorYear);
            if (!double.IsFinite(censor))
            {
                throw new LinchpinException($"--censor-year: '{censor}' is not a year");
            }

            using var store = CommonOptions.OpenStore(parsed, environment);
            var alliances = AllianceSpanReader.Atop(store);

            // Past the data's end every alliance still in effect would be counted as surviving years nobody observed.
            var covered = store.Dataset("atop_alliance").Coverage;
            if (censor > covered.Last + 1)
            {
                throw LinchpinException.NoData(
                    $"--censor-year {Show(censor)}: past the data (ATOP {store.Dataset("atop_alliance").Version} observes alliances until the end of {covered.Last}; censor at {covered.Last + 1} at the latest)");
            }
            var baseline = AllianceDuration.Baseline(alliances, new DurationOptions { CensorYear = censor });
            if (baseline.All.Alliances == 0)
            {
                throw new LinchpinException(
                    $"--censor-year {Show(censor)}: no alliance began before it (the first began in {alliances.Min(a => a.BeginYear)})");
            }

            var dataset = store.Dataset("atop_alliance");
            var rows = Table(baseline);
            var notes = new List<string>
            {
                $"data: ATOP {dataset.Version} alliance level ({dataset.Name}, {alliances.Count} alliances); every value is computed from the shipped file, not a published estimate",
                $"alliances in effect at the end of the data are right-censored at {Show(censor)}; durations run from mid-month to mid-month (a missing month is mid-year), at least half a month",
                "hazards are per alliance-year; age bands are (from, to]; subgroup hazards are constant (events / exposure)",
            };
            if (baseline.LeftOut > 0)
            {
                notes.Add($"{baseline.LeftOut} alliances began at or after {Show(censor)} and are left out");
            }

            if (baseline.Weibull is null)
            {
                notes.Add("Weibull: no maximum-likelihood estimate for these data");
            }

            rows.Write(parsed.GetValue(CommonOptions.Format), environment,
                $"Alliance duration, ATOP {dataset.Version}, censored at {Show(censor)}", null, notes);
            return 0;
        }));
        return command;
    }

    private static Rows Table(DurationBaseline b)
    {
        var rows = new Rows("quantity", "value", "unit", "alliances", "events", "exposure", "description");
        var all = b.All;
        rows.Add("alliances", (double)all.Alliances, "count", all.Alliances, null, null, "alliances observed");
        rows.Add("terminations", (double)all.Terminations, "count", null, all.Terminations, null, "alliances that ended by the censoring year");
        rows.Add("censored", (double)all.Censored, "count", null, null, null, "alliances still in effect, right-censored");
        rows.Add("left_out", (double)b.LeftOut, "count", null, null, null, "alliances that began at or after the censoring year");
        rows.Add("exposure", all.Exposure, "alliance-years", null, null, all.Exposure, "total time at risk");
        rows.Add("hazard", all.Hazard, "per alliance-year", all.Alliances, all.Terminations, all.Exposure, "constant (exponential) hazard: terminations / exposure");
        rows.Add("mean_life", all.MeanLife, "years", null, null, null, "mean life under the constant hazard, 1 / hazard");
        rows.Add("km_median", b.KaplanMeier.Median, "years", null, null, null, "Kaplan-Meier median duration");
        foreach (var s in b.Survival)
        {
            rows.Add($"km_survival_{Show(s.Years)}", s.Survival, "share", null, null, null, $"Kaplan-Meier share still in effect after {Show(s.Years)} {(s.Years == 1 ? "year" : "years")}");
        }

        foreach (var band in b.Bands)
        {
            var to = band.To is { } t ? Show(t) : "plus";
            var range = band.To is { } u ? $"({Show(band.From)}, {Show(u)}]" : $"over {Show(band.From)}";
            rows.Add($"hazard_age_{Show(band.From)}_{to}", band.Hazard, "per alliance-year", null, band.Events, band.Exposure,
                $"piecewise-constant hazard at ages {range} years");
        }

        rows.Add("weibull_shape", b.Weibull?.Shape, "dimensionless", null, null, null, "Weibull shape k (below 1: hazard falls with age), maximum likelihood without covariates");
        rows.Add("weibull_scale", b.Weibull?.Scale, "years", null, null, null, "Weibull scale lambda");
        rows.Add("weibull_log_likelihood", b.Weibull?.LogLikelihood, "dimensionless", null, null, null, "maximised Weibull log-likelihood");
        foreach (var g in b.Groups)
        {
            rows.Add($"hazard_{g.Name}", g.Counts.Hazard, "per alliance-year", g.Counts.Alliances, g.Counts.Terminations, g.Counts.Exposure,
                $"constant hazard of {g.Description}");
        }

        return rows;
    }

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
