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

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
