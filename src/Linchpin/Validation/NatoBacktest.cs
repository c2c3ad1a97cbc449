using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>What the shocks and doctrine changes of a backtest may include.</summary>
public enum BacktestInformation
{
    /// <summary>The scenario as written, with events after the forecast date (labelled as hindsight).</summary>
    Hindsight,

    /// <summary>Only what a forecaster knew at the forecast date: later scheduled shocks and doctrine changes are dropped (stochastic shocks stay).</summary>
    ForecastDate,
}

/// <summary>One ally in a backtest year.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Start">Its 2014 % of GDP (the start year of the calibration).</param>
/// <param name="LastSeen">Its % of GDP in the last year the model sees (the calibration year).</param>
/// <param name="Predicted">The ensemble median in the target year.</param>
/// <param name="Low">The ensemble's 5th percentile.</param>
/// <param name="High">The ensemble's 95th percentile.</param>
/// <param name="Actual">NATO's figure for the target year.</param>
public sealed record BacktestAlly(string Iso3, double Start, double LastSeen, double Predicted, double Low, double High, double Actual);

/// <summary>The scores of one held-out year.</summary>
/// <param name="Year">The held-out year.</param>
/// <param name="ActualEdition">The NATO edition of the actual figures.</param>
/// <param name="Model">The model's scores (median of the ensemble).</param>
/// <param name="Baselines">Every naive baseline with the model's information.</param>
/// <param name="Coverage90">Share of allies whose actual value lies inside the ensemble's 5–95 % band.</param>
/// <param name="CountAtTarget">Allies at or above 2 % of GDP: the ensemble's median and band, and the actual count.</param>
/// <param name="Allies">One row per ally with every figure.</param>
/// <param name="Losses">A sentence per baseline the model does not beat on MAE or Spearman (empty if it beats all).</param>
public sealed record BacktestYear(
    int Year, string ActualEdition, ForecastScore Model, IReadOnlyList<ForecastScore> Baselines, double Coverage90, CountAtTarget CountAtTarget,
    IReadOnlyList<BacktestAlly> Allies, IReadOnlyList<string> Losses);

/// <summary>A backtest's result.</summary>
/// <param name="Name">The backtest (nato-2014 or nato-2019).</param>
/// <param name="Scenario">The scenario it starts from.</param>
/// <param name="ForecastYear">The forecast date: the last year of data the model sees.</param>
/// <param name="Information">Which shocks and doctrine changes the runs contain.</param>
/// <param name="Hindsight">The scheduled events after the forecast date the runs contain (empty under <see cref="BacktestInformation.ForecastDate"/>).</param>
/// <param name="Posterior">The calibration's posterior.</param>
/// <param name="Runs">Runs in the forecast ensemble.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Years">One entry per held-out year.</param>
/// <param name="Notes">Sources and method, in words.</param>
public sealed record BacktestResult(
    string Name, string Scenario, int ForecastYear, BacktestInformation Information, IReadOnlyList<string> Hindsight, Posterior Posterior, int Runs, ulong Seed,
    IReadOnlyList<BacktestYear> Years, IReadOnlyList<string> Notes);

/// <summary>
/// NATO backtests. Both calibrate on 2014→2019: start from NATO's 2014 figures (the scenario's
/// edition) and fit the parameters by ABC rejection (<see cref="AbcCalibration"/>) to NATO's 2019
/// figures (the 2019 release, <see cref="AllianceSpendingReader.FullTableEdition"/>). <c>nato-2014</c>
/// then forecasts 2023 from the 2014 start; <c>nato-2019</c> restarts from the 2019 figures and
/// forecasts 2023 and 2024. The ensemble draws each run's parameters from the posterior, so its
/// bands carry parameter and shock uncertainty. The held-out years' figures are read only after the
/// ensemble has run. Every forecast is scored next to the baselines with the same information: the
/// last year seen (2019) carried forward, the 2014→2019 linear trend, the start year carried forward.
/// </summary>
public static class NatoBacktest
{
    /// <summary>The calibration year (the last year of data the model sees).</summary>
    public const int CalibrationYear = 2019;

    /// <summary>The start year of the calibration.</summary>
    public const int StartYear = 2014;

    /// <summary>The NATO spending target counted at the held-out years, % of GDP.</summary>
    public const double Target = 2;

    /// <summary>The backtests by name, with their forecast start and held-out years.</summary>
    public static IReadOnlyDictionary<string, (int Start, int[] Targets)> Splits { get; } = new Dictionary<string, (int, int[])>(StringComparer.Ordinal)
    {
        ["nato-2014"] = (2014, [2023]),
        ["nato-2019"] = (2019, [2023, 2024]),
    };

    /// <summary>The NATO edition each held-out year's actual figures come from (the first with outturns for it).</summary>
    public static IReadOnlyDictionary<int, string> TargetEditions { get; } = new Dictionary<int, string> { [2023] = "2024-03", [2024] = "2025-04" };

    /// <summary>Calibration settings: draws, acceptance share, and the fitted parameters (fixed before any held-out year was scored).</summary>
    public static (int Draws, double Accept) Calibration { get; } = (4000, 0.025);

    /// <summary>Runs backtest <paramref name="name"/> from <paramref name="scenario"/> (a NATO scenario starting in 2014).</summary>
    /// <exception cref="LinchpinException">An unknown backtest, or a scenario that does not start in 2014 and reach the held-out years.</exception>
    public static BacktestResult Run(
        WorldStore store, Scenario scenario, string name = "nato-2014", int runs = 1000, ulong seed = 42, int threads = 1,
        BacktestInformation information = BacktestInformation.Hindsight, IReadOnlyList<Prior>? priors = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Splits.TryGetValue(name, out var split))
        {
            throw new LinchpinException($"backtest: '{name}' is not one of {string.Join(", ", Splits.Keys)}");
        }

        var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
        var last = split.Targets[^1];
        if (setup.StartYear != StartYear || setup.StartYear + setup.Years < last)
        {
            throw new LinchpinException($"the backtest needs a NATO scenario running from {StartYear} to {last} or later; {scenario.Name} runs {setup.StartYear}-{setup.StartYear + setup.Years}");
        }

        // 1. Calibration on 2014 → 2019 only.
        var targets = NatoTargets.PctGdp(store, setup, CalibrationYear, AllianceSpendingReader.FullTableEdition);
        var fitted = priors ?? Priors.Defaults(NatoTargets.DefaultParameters);
        var posterior = AbcCalibration.Rejection(setup, scenario.Hash, fitted, targets, Calibration.Draws, Calibration.Accept, seed, threads);
        var lastSeen = targets.Targets.ToDictionary(t => setup.Allies[t.Ally].Iso3, t => t.Value);
        var start2014 = setup.Allies.ToDictionary(a => a.Iso3, a => a.PctGdp);

        // 2. The forecast: from 2014, or restarted from the 2019 figures.
        var forecastScenario = Restart(scenario, split.Start, last, information);
        var forecast = split.Start == setup.StartYear && information == BacktestInformation.Hindsight
            ? setup
            : ScenarioWorld.Resolve(store, forecastScenario).Setup;
        var hindsight = information == BacktestInformation.Hindsight ? HindsightEvents(scenario) : [];
        var kept = new YearValueRecorder(new SimulationEngine(forecast), runs, split.Targets, TrajectoryVariable.PctGdp);
        PosteriorEnsemble.Run(forecast, posterior, runs, seed, threads, kept);

        // 3. Only now are the held-out years' figures read.
        var years = split.Targets.Select((year, y) => Score(store, forecast, kept, y, start2014, lastSeen)).ToList();
        notes = [.. notes,
            $"calibration: {posterior.Method}; targets: {posterior.Targets}; no figure after {CalibrationYear} enters the fit",
            $"forecast: {runs} runs from {split.Start} (seed {seed}), each drawing its parameters from the posterior: the bands include parameter uncertainty and shock noise",
            hindsight.Count > 0
                ? $"hindsight: the runs contain events after the forecast date {CalibrationYear} that a forecaster could not have known: {string.Join("; ", hindsight)}"
                : $"information: only events known at the forecast date {CalibrationYear} (later scheduled shocks and doctrine changes dropped)",
            $"baselines: {CalibrationYear} carried forward (NATO edition {AllianceSpendingReader.FullTableEdition}), the {StartYear}→{CalibrationYear} linear trend, {StartYear} carried forward (the scenario's edition)",
            .. years.SelectMany(y => y.Losses),
        ];
        if (split.Start != setup.StartYear)
        {
            notes = [.. notes, $"the restart in {split.Start} uses NATO's {split.Start} figures (edition {AllianceSpendingReader.FullTableEdition}) and the doctrine in force then; alliance ages are the scenario's"];
        }

        return new BacktestResult(name, scenario.Name, CalibrationYear, information, hindsight, posterior, runs, seed, years, notes);
    }

    /// <summary>The scheduled shocks and doctrine changes of <paramref name="scenario"/> after the forecast date, by label.</summary>
    public static IReadOnlyList<string> HindsightEvents(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. scenario.Shocks.Where(s => s.Year > CalibrationYear).Select(s => $"{s.Label} ({s.Year})").Distinct(StringComparer.Ordinal),
            .. (scenario.Doctrine.Changes ?? []).Where(c => c.Year > CalibrationYear).Select(c => $"doctrine τ = {c.Transactional} from {c.Year}")];
    }

    private static Scenario Restart(Scenario scenario, int start, int horizon, BacktestInformation information)
    {
        var keep = (int? year) => year is null || (year > start && (information == BacktestInformation.Hindsight || year <= CalibrationYear));
        var changes = (scenario.Doctrine.Changes ?? []).Where(c => keep(c.Year)).ToList();
        return scenario with
        {
            StartYear = start,
            Years = Math.Max(horizon, scenario.StartYear + scenario.Years) - start,
            NatoEdition = start == scenario.StartYear ? scenario.NatoEdition : AllianceSpendingReader.FullTableEdition,
            Shocks = [.. scenario.Shocks.Where(s => keep(s.Year))],
            Doctrine = scenario.Doctrine with { Transactional = scenario.Doctrine.TransactionalAt(start), Changes = changes },
        };
    }

    private static BacktestYear Score(
        WorldStore store, SimulationSetup forecast, YearValueRecorder kept, int y, Dictionary<string, double> start2014,
        Dictionary<string, double> lastSeen)
    {
        var year = kept.Years[y];
        var edition = TargetEditions[year];
        var actual = AllianceSpendingReader.Nato(store, year, edition).Members.Where(m => m.PctGdp is not null).ToDictionary(m => m.Iso3, m => m.PctGdp!.Value);
        var scored = forecast.Allies.Select((a, i) => (a.Iso3, i))
            .Where(x => actual.ContainsKey(x.Iso3) && start2014.ContainsKey(x.Iso3) && lastSeen.ContainsKey(x.Iso3)).ToList();
        var column = new double[kept.Runs];
        var allies = new List<BacktestAlly>();
        foreach (var (iso3, i) in scored)
        {
            for (var r = 0; r < kept.Runs; r++)
            {
                column[r] = kept.Value(r, y, i);
            }

            Array.Sort(column);
            allies.Add(new BacktestAlly(iso3, start2014[iso3], lastSeen[iso3], EnsembleResult.Quantile(column, 0.5), EnsembleResult.Quantile(column, 0.05),
                EnsembleResult.Quantile(column, 0.95), actual[iso3]));
        }

        var counts = new double[kept.Runs];
        for (var r = 0; r < kept.Runs; r++)
        {
            counts[r] = scored.Count(x => kept.Value(r, y, x.i) >= Target);
        }

        Array.Sort(counts);
        var observed = allies.Select(a => a.Actual).ToList();
        var model = ForecastScores.Score("model", [.. allies.Select(a => a.Predicted)], observed, Target);
        var span = CalibrationYear - StartYear;
        var baselines = new List<ForecastScore>
        {
            ForecastScores.Score($"{CalibrationYear} carried forward", [.. allies.Select(a => a.LastSeen)], observed, Target),
            ForecastScores.Score($"{StartYear}-{CalibrationYear} linear trend", [.. allies.Select(a => a.LastSeen + ((a.LastSeen - a.Start) / span * (year - CalibrationYear)))], observed, Target),
            ForecastScores.Score($"{StartYear} carried forward", [.. allies.Select(a => a.Start)], observed, Target),
        };

        var coverage = ForecastScores.Coverage([.. allies.Select(a => a.Low)], [.. allies.Select(a => a.High)], observed);
        var count = new CountAtTarget(Target, EnsembleResult.Quantile(counts, 0.5), EnsembleResult.Quantile(counts, 0.05), EnsembleResult.Quantile(counts, 0.95),
            observed.Count(v => v >= Target));
        return new BacktestYear(year, edition, model, baselines, coverage, count, allies, ForecastScores.Losses(model, baselines, $"{year}"));
    }
}
