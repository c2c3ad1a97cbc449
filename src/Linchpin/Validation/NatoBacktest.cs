using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>One ally in the backtest.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Start">Its start-year % of GDP (the naive baseline's prediction).</param>
/// <param name="Predicted">The ensemble median % of GDP in the target year.</param>
/// <param name="Actual">NATO's figure for the target year.</param>
public sealed record BacktestAlly(string Iso3, double Start, double Predicted, double Actual);

/// <summary>The backtest's result.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="TargetYear">The predicted year.</param>
/// <param name="Spearman">Spearman correlation of predicted and actual.</param>
/// <param name="Mae">Mean absolute error, percentage points of GDP.</param>
/// <param name="BaselineSpearman">Spearman correlation of the no-change baseline and actual.</param>
/// <param name="BaselineMae">Mean absolute error of the no-change baseline.</param>
/// <param name="Allies">One row per ally with a start figure and an actual one.</param>
/// <param name="PledgePull">The calibrated pledge pull.</param>
/// <param name="ThreatElasticity">The calibrated threat elasticity.</param>
/// <param name="CalibrationMae">The calibration's mean absolute error on the calibration year.</param>
/// <param name="Notes">Sources and the calibration, in words.</param>
public sealed record BacktestResult(
    string Scenario, int TargetYear, double Spearman, double Mae, double BaselineSpearman, double BaselineMae, IReadOnlyList<BacktestAlly> Allies,
    double PledgePull, double ThreatElasticity, double CalibrationMae, IReadOnlyList<string> Notes);

/// <summary>
/// The NATO backtest: start from 2014 figures (edition 2024-06) and the observed shocks, calibrate
/// on the 2019 figures only (NATO's 2019 release, <see cref="AllianceSpendingReader.FullTableEdition"/>),
/// and predict 2023; score against NATO's 2023 figures (edition 2024-03) next to "no change since
/// 2014". The target year's figures are read only after the calibration is fixed.
/// </summary>
public static class NatoBacktest
{
    /// <summary>The calibration year.</summary>
    public const int CalibrationYear = 2019;

    /// <summary>The predicted year.</summary>
    public const int TargetYear = 2023;

    /// <summary>The edition the actual target-year figures come from.</summary>
    public const string TargetEdition = "2024-03";

    /// <summary>The grid of pledge pulls searched.</summary>
    public static IReadOnlyList<double> PledgePulls { get; } = [0, 0.5, 1, 2, 4, 8, 16];

    /// <summary>The grid of threat elasticities searched.</summary>
    public static IReadOnlyList<double> ThreatElasticities { get; } = [0.05, 0.1, 0.15, 0.25, 0.5, 1, 2];

    /// <summary>Runs the backtest of <paramref name="scenario"/> (a NATO scenario starting in 2014).</summary>
    public static BacktestResult Run(WorldStore store, Scenario scenario, int runs = 1000, ulong seed = 42, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
        if (setup.StartYear + setup.Years < TargetYear || setup.StartYear >= CalibrationYear)
        {
            throw new LinchpinException($"the backtest needs a scenario running from before {CalibrationYear} to {TargetYear} or later; {scenario.Name} runs {setup.StartYear}-{setup.StartYear + setup.Years}");
        }

        // Calibration on the 2019 figures: a deterministic run (no threat noise, no exits) per grid point.
        var observed = AllianceSpendingReader.Nato(store, CalibrationYear, AllianceSpendingReader.FullTableEdition).Members
            .Where(m => m.PctGdp is not null).ToDictionary(m => m.Iso3, m => m.PctGdp!.Value);
        var (bestPull, bestElasticity, bestMae) = (0.0, 0.0, double.PositiveInfinity);
        foreach (var pull in PledgePulls)
        {
            foreach (var elasticity in ThreatElasticities)
            {
                var trial = setup with { Parameters = setup.Parameters with { PledgePull = pull, ThreatElasticity = elasticity, ThreatVolatility = 0, BaseHazard = 0 } };
                var engine = new SimulationEngine(trial);
                var buffer = engine.NewBuffer();
                engine.Run(seed, 0, buffer);
                var t = CalibrationYear - setup.StartYear;
                var errors = setup.Allies.Select((a, i) => observed.TryGetValue(a.Iso3, out var o) ? Math.Abs(buffer.Value(t, i, TrajectoryVariable.PctGdp) - o) : double.NaN)
                    .Where(e => !double.IsNaN(e)).ToList();
                var mae = errors.Average();
                if (mae < bestMae - 1e-12)
                {
                    (bestPull, bestElasticity, bestMae) = (pull, elasticity, mae);
                }
            }
        }

        var calibrated = setup with { Parameters = setup.Parameters with { PledgePull = bestPull, ThreatElasticity = bestElasticity } };
        var ensemble = Ensemble.Run(new SimulationEngine(calibrated), runs, seed, threads);
        var medians = ensemble.Summary().Where(r => r.Variable == TrajectoryVariable.PctGdp && r.Year == TargetYear).ToDictionary(r => r.Iso3, r => r.Median);

        // Only now are the target year's figures read.
        var actual = AllianceSpendingReader.Nato(store, TargetYear, TargetEdition).Members.Where(m => m.PctGdp is not null).ToDictionary(m => m.Iso3, m => m.PctGdp!.Value);
        var allies = setup.Allies.Where(a => actual.ContainsKey(a.Iso3))
            .Select(a => new BacktestAlly(a.Iso3, a.PctGdp, medians[a.Iso3], actual[a.Iso3])).ToList();
        double Mae(Func<BacktestAlly, double> predict) => allies.Average(a => Math.Abs(predict(a) - a.Actual));
        double Rho(Func<BacktestAlly, double> predict) => RankCorrelation.Spearman([.. allies.Select(predict)], [.. allies.Select(a => a.Actual)]) ?? double.NaN;
        notes = [.. notes,
            $"calibration: grid search of pledge_pull over {{{string.Join(", ", PledgePulls)}}} and threat_elasticity over {{{string.Join(", ", ThreatElasticities)}}} minimising the mean absolute error of a deterministic run against NATO's {CalibrationYear} figures (edition {AllianceSpendingReader.FullTableEdition}); {TargetYear} figures are not used",
            $"calibrated pledge_pull = {bestPull}, threat_elasticity = {bestElasticity} (calibration MAE {bestMae:0.000} points)",
            $"predicted: median of {runs} runs (seed {seed}); actual: NATO edition {TargetEdition}, {TargetYear}",
        ];
        return new BacktestResult(scenario.Name, TargetYear, Rho(a => a.Predicted), Mae(a => a.Predicted), Rho(a => a.Start), Mae(a => a.Start), allies,
            bestPull, bestElasticity, bestMae, notes);
    }
}
