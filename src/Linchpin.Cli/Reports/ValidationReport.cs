using System.Globalization;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Cli.Reports;

/// <summary>
/// The validation section of the report: the NATO backtests next to every naive baseline with the
/// same information, band coverage, a plain sentence wherever the model does not beat a baseline,
/// the parameters that drive each headline output (a Morris screening of <c>sma-2019</c>) and where
/// the hazard defaults come from.
/// </summary>
internal static class ValidationReport
{
    /// <summary>Morris trajectories and runs per point of the report's screening.</summary>
    public const int ScreeningTrajectories = 10;

    /// <summary>Runs per design point of the screening.</summary>
    public const int ScreeningSeeds = 4;

    /// <summary>Adds the section and returns the datasets it drew on.</summary>
    public static IReadOnlyList<string> Add(HtmlReport report, WorldStore store, int runs, ulong seed)
    {
        var threads = Math.Max(1, Environment.ProcessorCount);
        report.Heading("Validation: what the simulation knows", id: BurdenReport.ValidationSectionId);
        report.Paragraph("Each backtest calibrates the parameters on NATO's 2014 → 2019 figures by ABC rejection (Beaumont et al. 2002), " +
            "then forecasts held-out years with an ensemble whose runs draw their parameters from the posterior, so the bands carry " +
            "parameter uncertainty and shock noise. No figure after 2019 enters the fit. 'forecast-date' keeps only the events a " +
            "forecaster knew in 2019; 'hindsight' keeps the scenario's later events (labelled). Every forecast is scored next to " +
            "the naive baselines with the same information (docs/models/validation.md).");
        var scenario = BuiltInScenarios.Load("nato-2014");
        var rows = new List<IReadOnlyList<object?>>();
        var sentences = new List<string>();
        var coverages = new List<double>();
        Posterior? posterior = null;
        foreach (var name in NatoBacktest.Splits.Keys)
        {
            foreach (var information in new[] { BacktestInformation.ForecastDate, BacktestInformation.Hindsight })
            {
                var label = information == BacktestInformation.Hindsight ? "hindsight" : "forecast-date";
                var result = NatoBacktest.Run(store, scenario, name, Math.Max(runs, 10), seed, threads, information, calibrated: posterior);
                posterior = result.Posterior;
                foreach (var year in result.Years)
                {
                    var count = year.CountAtTarget;
                    rows.Add([name, label, year.Year, "model", year.Model.Spearman, year.Model.Mae, year.Model.Bias, year.Coverage90,
                        $"{Number(count.Median)} ({Number(count.Low)}–{Number(count.High)})", count.Actual]);
                    rows.AddRange(year.Baselines.Select(b => (IReadOnlyList<object?>)[name, label, year.Year, b.Name, b.Spearman, b.Mae, b.Bias, null,
                        Number(b.CountAtTarget), count.Actual]));
                    coverages.Add(year.Coverage90);
                    sentences.AddRange(year.Losses.Select(l => $"{name}, {label}: {l}."));
                    if (year.Losses.Count == 0)
                    {
                        sentences.Add($"{name}, {label}, {year.Year}: the model beats every baseline on MAE and Spearman.");
                    }
                }

                if (result.Hindsight.Count > 0)
                {
                    sentences.Add($"{name}, hindsight: the runs contain {string.Join("; ", result.Hindsight)}, which a forecaster in 2019 could not have known.");
                }
            }
        }

        report.Table(["backtest", "information", "year", "forecast", "Spearman", "MAE (points)", "bias (points)", "coverage 90 %", "allies ≥ 2 %: predicted", "actual"], rows);
        sentences.Add(string.Create(CultureInfo.InvariantCulture,
            $"Coverage: the observed value lies inside the 5–95 % band for {coverages.Min():0%}–{coverages.Max():0%} of the allies; a calibrated 90 % band would cover 80–98 %, so the bands are too narrow."));
        report.List(sentences, "note");
        AddSmaBacktest(report, store, seed);

        var sma = BuiltInScenarios.Load("sma-2019");
        var (setup, _) = ScenarioWorld.Resolve(store, sma);
        var priors = Priors.Defaults(SensitivityAnalysis.HeadlineParameters);
        var screening = SensitivityAnalysis.Scenario(setup, priors, ScenarioOutputs.Choose(setup, []),
            new SensitivitySettings(SensitivityMethod.Morris, ScreeningTrajectories, ScreeningSeeds, seed), threads);
        report.Heading("What drives the headline outputs (sma-2019)", 3);
        report.Table(["output", "parameters by μ* (largest first)"], screening.Outputs.Select(o => (IReadOnlyList<object?>)[o.Output,
            string.Join("; ", o.Morris!.OrderByDescending(m => m.MuStar).Take(3).Select(m => string.Create(CultureInfo.InvariantCulture,
                $"{priors[m.Factor].Name} ({m.MuStar:0.###})")))]));
        report.List(
        [
            $"Morris elementary effects (Morris 1991; μ* after Campolongo et al. 2007): {ScreeningTrajectories} trajectories on a 4-level grid over the default priors of " +
                $"{string.Join(", ", priors.Select(p => p.Name))}, {screening.Evaluations} points × {ScreeningSeeds} runs, seed {seed.ToString(CultureInfo.InvariantCulture)}; " +
                "μ* is the mean absolute change of the output over each parameter's whole prior range. Sobol indices: linchpin sensitivity --method sobol.",
            string.Create(CultureInfo.InvariantCulture,
                $"Hazard defaults, fitted on ATOP 4.01 member-years 1945–2016 (members leaving a standing alliance; complementary log-log with NMC 7.0 expenditure): base hazard {MemberExitDefaults.BaseHazard} (SE {MemberExitDefaults.BaseHazardSe}), Weibull shape {MemberExitDefaults.Shape} (SE {MemberExitDefaults.ShapeSe}), power change {MemberExitDefaults.PowerChange} (SE {MemberExitDefaults.PowerChangeSe}), new outside alliance {MemberExitDefaults.OutsideAlliance} (SE {MemberExitDefaults.OutsideAllianceSe}), asymmetry {MemberExitDefaults.Asymmetric} (SE {MemberExitDefaults.AsymmetricSe}); the other parameters are assumptions or the backtest's calibration (docs/models/validation.md)."),
        ], "note");
        return ["nato_pct_gdp", "nato_2012_2019", "maddison", "nato_members", "us_rok_sma", "atop_alliance", "atop_member", "nmc", "cow_majors"];
    }

    // The cost-sharing backtest: the settlement scale fitted on the 6th-9th SMAs, scored on the 10th-12th.
    private static void AddSmaBacktest(HtmlReport report, WorldStore store, ulong seed)
    {
        var result = SmaBacktest.Run(store, "sma-2018", SmaBacktest.DefaultResamples, seed);
        report.Heading("Cost-sharing backtest (sma-2018): the SMA settlements", 3);
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"The settlement step's transfer is homogeneous of degree one in the bargaining values, so the payment history identifies only their common scale and its growth. " +
            $"That scale is fitted on the ROK's payments of {result.Fit.FirstYear}–{result.Fit.LastYear} (6th to 9th SMA, paid wholly in won; growth {result.Fit.Growth:0.0000} a year) and forecasts the 10th, 11th and 12th SMAs' amounts; " +
            $"no amount after {result.Fit.LastYear} enters the fit. The band is a residual bootstrap ({result.Resamples} resamples): parameter uncertainty and scatter, not lapses. " +
            $"Amounts in billions of current won; Spearman is undefined for a forecast that is the same every year (shown empty)."));
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "model", Ranked(result.Model.Spearman), result.Model.Mae, result.Model.Bias, result.Coverage90 },
        };
        rows.AddRange(result.Baselines.Select(b => (IReadOnlyList<object?>)[b.Name, Ranked(b.Spearman), b.Mae, b.Bias, null]));
        report.Table(["forecast", "Spearman", "MAE (KRW bn)", "bias (KRW bn)", "coverage 90 %"], rows);
        report.Table(["SMA", "year", "predicted", "5 %", "95 %", "actual"],
            [.. result.Years.Select(y => (IReadOnlyList<object?>)[y.Agreement, y.Year, y.Predicted, y.Low, y.High, y.Actual])]);
        var sentences = result.Losses.Select(l => $"sma-2018: {l}.").ToList();
        sentences.Add(result.Losses.Count == 0
            ? "sma-2018: the model beats every baseline on MAE and Spearman."
            : "sma-2018: where the model ties a trend on Spearman, both forecasts rise every year and so rank the years alike.");
        sentences.Add(string.Create(CultureInfo.InvariantCulture,
            $"sma-2018: the 5–95 % band holds {result.Coverage90:0%} of the held-out amounts (a calibrated band would hold about 90 %); the mean error (forecast − actual) is {result.Model.Bias:0} bn won."));
        if (result.Missing.Count > 0)
        {
            sentences.Add($"sma-2018: no published amount for {string.Join(", ", result.Missing)}; those years are not scored.");
        }

        report.List(sentences, "note");
    }

    private static double? Ranked(double spearman) => double.IsNaN(spearman) ? null : spearman;

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
