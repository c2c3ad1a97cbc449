using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Cli.Plots;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using ScottPlot;

namespace Linchpin.Cli.Reports;

/// <summary>
/// The simulation section of the report: every built-in scenario as an ensemble under its own doctrine and at
/// the multilateral and transactional ends of the doctrine continuum, with fan charts of spending and belief,
/// the distribution of the first SMA settlement, per-ally probabilities, the demands' outcomes, the scenario's
/// sources and a manifest of every ensemble.
/// </summary>
internal static class SimulationReport
{
    public const int DefaultRuns = 300;
    public const ulong DefaultSeed = 42;

    /// <summary>Reference lines for the SMA settlement: the 10th SMA's 2019 payment and the 11th SMA's 2021 payment (us_rok_sma).</summary>
    private static readonly (double Value, string Label)[] _smaReferences = [(1038.9, "10th SMA, 2019"), (1183.3, "11th SMA, 2021")];

    /// <summary>Allies drawn in the fan charts of the NATO-wide scenarios (the others list their allies).</summary>
    private static readonly string[] _natoKeyAllies = ["DEU", "POL"];

    private static readonly LinePattern[] _allyPatterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];

    /// <summary>Adds the section and returns the datasets the scenarios drew on.</summary>
    public static IReadOnlyList<string> Add(HtmlReport report, WorldStore store, int runs, ulong seed)
    {
        var threads = Math.Max(1, Environment.ProcessorCount);
        report.Heading("Simulation: the doctrine comparison on the built-in scenarios");
        report.Paragraph($"Each built-in scenario is run as an ensemble of {runs.ToString(CultureInfo.InvariantCulture)} runs with seed " +
            $"{seed.ToString(CultureInfo.InvariantCulture)}, three times: under its own doctrine, and with the doctrine held for the whole run at " +
            "the multilateral end (τ = 0) and at the transactional end (τ = 1) of the continuum; shocks, data and parameters are the scenario's. " +
            "The three ensembles share the seed, so they face the same random draws and differ by the doctrine. " +
            "These are model outcomes under documented assumptions (docs/models/simulation.md), not forecasts.");
        var manifest = new List<IReadOnlyList<object?>>();
        var bands = Linchpin.Reports.SimulationResults.BandsNote(null, null);
        var natoYears = new Dictionary<int, AllianceSpending?>();
        foreach (var name in BuiltInScenarios.Names)
        {
            var scenario = BuiltInScenarios.Load(name);
            var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
            var variants = new (string Label, Color Color, SimulationSetup Setup)[]
            {
                ("own doctrine", Colors.Gray, setup),
                ("multilateral (τ = 0)", Colors.SteelBlue, setup with { Doctrine = setup.Doctrine with { Transactional = 0, Changes = null } }),
                ("transactional (τ = 1)", Colors.DarkRed, setup with { Doctrine = setup.Doctrine with { Transactional = 1, Changes = null } }),
            };
            var results = variants.Select(v => Ensemble.Run(new SimulationEngine(v.Setup), runs, seed, threads)).ToList();
            var summaries = results.Select(r => r.Summary().ToLookup(row => (row.Iso3, row.Variable))).ToList();
            var outcomes = results.Select(r => r.Outcomes().ToDictionary(o => o.Iso3, StringComparer.Ordinal)).ToList();
            var allies = setup.Allies.Select(a => a.Iso3).ToList();
            var listed = scenario.Allies.Select(a => a.Iso3).Where(allies.Contains).ToList();
            var key = (listed.Count > 0 ? listed : _natoKeyAllies.Where(allies.Contains)).Take(_allyPatterns.Length).ToList();

            report.Heading($"{scenario.Name}: {scenario.Title}", 3);
            report.Paragraph($"{scenario.Description} Start {scenario.StartYear}, {scenario.Years} simulated years, {allies.Count} " +
                $"all{(allies.Count == 1 ? "y" : "ies")}; own doctrine: {Describe(setup.Doctrine)}.");
            var ends = new[] { 1, 2 };
            FanSeries Fan(int variant, string iso3, int ally, TrajectoryVariable variable)
            {
                var rows = summaries[variant][(iso3, variable)].OrderBy(r => r.Year).ToList();
                return new FanSeries($"{iso3}, {variants[variant].Label}", variants[variant].Color, _allyPatterns[ally],
                    [.. rows.Select(r => (double)r.Year)], [.. rows.Select(r => r.Median)], [.. rows.Select(r => r.Low)], [.. rows.Select(r => r.High)]);
            }

            var keyText = string.Join(", ", key);
            var observed = Observed(store, natoYears, key, scenario.StartYear, scenario.StartYear + scenario.Years);
            var observedText = observed.Count > 0
                ? $" Black diamonds: the observed path ({string.Join("; ", observed.Select(o => o.Label))}); years without a published figure are left out."
                : " No observed path: no published figure covers these allies and years.";
            report.Plot(SimulationCharts.Fan([.. ends.SelectMany(v => key.Select((iso3, k) => Fan(v, iso3, k, TrajectoryVariable.PctGdp)))],
                $"{scenario.Name}: defence spending by doctrine", "defence spending, % of GDP", observed),
                $"{scenario.Name}: defence spending (% of GDP) of {keyText}, multilateral (blue) against transactional (red) doctrine; median and 5-95 % band of {runs} runs ({bands}).{observedText}",
                height: 520);
            report.Plot(SimulationCharts.Fan([.. ends.SelectMany(v => key.Select((iso3, k) => Fan(v, iso3, k, TrajectoryVariable.Belief)))],
                $"{scenario.Name}: belief in the patron's commitment by doctrine", "belief in the commitment, E[κ]"),
                $"{scenario.Name}: belief in the patron's commitment of {keyText}, multilateral (blue) against transactional (red) doctrine; median and 5-95 % band of {runs} runs ({bands}). Abandonment fear is 1 − E[κ].",
                height: 520);

            var sma = allies.IndexOf("KOR");
            if (sma >= 0 && setup.Allies[sma].CostSharing is { } deal)
            {
                report.Plot(SimulationCharts.Histogram(
                    [.. variants.Select((v, k) => (v, k)).Where(x => x.k > 0).Select(x => new HistogramSeries(x.v.Label, x.v.Color, results[x.k].FirstSettlements(sma)))],
                    _smaReferences, $"{scenario.Name}: the first SMA settlement by doctrine", $"ROK annual payment, {deal.Currency} ({scenario.StartYear} prices; the SMA lines are current won)"),
                    $"{scenario.Name}: distribution of the first settled SMA payment ({deal.Currency}) over the runs that settled, with the 10th SMA's 2019 and the 11th SMA's 2021 payments (us_rok_sma).",
                    height: 520);
            }

            var hasDeal = key.Any(iso3 => setup.Allies[allies.IndexOf(iso3)].CostSharing is not null);
            var last = scenario.StartYear + scenario.Years;
            report.Table(
                ["ally", "doctrine", "P(settlement)", "P(breakdown)", "P(hedging)", "P(exit)", "first settlement, median", "5 %", "95 %", $"% of GDP {last}, median", $"belief {last}, median"],
                key.SelectMany(iso3 => variants.Select((v, k) =>
                {
                    var o = outcomes[k][iso3];
                    return (IReadOnlyList<object?>)
                    [
                        iso3, v.Label, Missing(o.Settlement, 3), Missing(o.Breakdown, 3), Math.Round(o.Hedging, 3), Math.Round(o.Exit, 3),
                        Missing(o.SettlementMedian, 1), Missing(o.SettlementLow, 1), Missing(o.SettlementHigh, 1),
                        Math.Round(summaries[k][(iso3, TrajectoryVariable.PctGdp)].Single(r => r.Year == last).Median, 2),
                        Math.Round(summaries[k][(iso3, TrajectoryVariable.Belief)].Single(r => r.Year == last).Median, 3),
                    ];
                })));
            var tableNotes = new List<string>
            {
                "P(settlement): a cost-sharing agreement was settled within the horizon; P(breakdown): talks lapsed at least once; P(hedging), P(exit): the ally began hedging, left. Probabilities are shares of the runs over the whole horizon.",
            };
            if (!hasDeal)
            {
                tableNotes.Add("No ally shown has a cost-sharing agreement in this scenario, so settlement and breakdown are blank (not zero).");
            }

            if (key.Count < allies.Count)
            {
                tableNotes.Add($"All {allies.Count} allies, {variants[0].Label}: P(hedging) from {Range(outcomes[0].Values.Select(o => o.Hedging))}, P(exit) from {Range(outcomes[0].Values.Select(o => o.Exit))}; " +
                    $"multilateral: P(hedging) {Range(outcomes[1].Values.Select(o => o.Hedging))}; transactional: P(hedging) {Range(outcomes[2].Values.Select(o => o.Hedging))}.");
            }

            tableNotes.AddRange(notes);
            report.List(tableNotes, "note");
            var demands = results.Select(r => r.DemandOutcomes()).ToList();
            if (demands[0].Count > 0)
            {
                report.Table(["demand", "host", "doctrine", "P(accept)", "P(partial)", "P(refuse)"],
                    demands[0].SelectMany((d, j) => variants.Select((v, k) => (IReadOnlyList<object?>)
                        [d.Id, d.Iso3, v.Label, Math.Round(demands[k][j].Accept, 3), Math.Round(demands[k][j].Partial, 3), Math.Round(demands[k][j].Refuse, 3)])));
            }

            if (scenario.Sources is { Count: > 0 } sources)
            {
                report.List([.. sources.Select(source => "source: " + source)], "note");
            }
            manifest.Add([scenario.Name, scenario.Hash, scenario.StartYear, scenario.Years, $"own: {Describe(setup.Doctrine)}; τ = 0; τ = 1", runs, seed.ToString(CultureInfo.InvariantCulture)]);
        }

        report.Heading("Simulation manifest", 3);
        report.Table(["scenario", "scenario SHA-256", "start", "years", "doctrines", "runs per ensemble", "seed"], manifest);
        report.List(
        [
            $"Money unit of simulated amounts: {ScenarioWorld.MoneyUnit}; cost-sharing amounts in the agreement's currency.",
            "Run r of every ensemble draws from the stream of (seed, r); the results do not depend on the number of threads.",
            $"Reproduce one ensemble with: linchpin simulate --scenario NAME --runs {runs.ToString(CultureInfo.InvariantCulture)} --seed {seed.ToString(CultureInfo.InvariantCulture)}.",
        ], "note");
        return ["maddison", "nato_pct_gdp", "nato_members", "nmc", "us_rok_sma", "atop_member", "atop_alliance", "atop_ddy"];
    }


    /// <summary>
    /// The allies' observed % of GDP over the scenario's years: NATO's figures (the edition the burden
    /// commands choose for each year) or the government's published budget; a year without a figure is
    /// left out, never drawn as a value.
    /// </summary>
    private static List<ObservedSeries> Observed(WorldStore store, Dictionary<int, AllianceSpending?> natoYears, List<string> key, int first, int last)
    {
        AllianceSpending? Year(int year)
        {
            if (!natoYears.TryGetValue(year, out var spending))
            {
                try
                {
                    spending = AllianceSpendingReader.Nato(store, year);
                }
                catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
                {
                    spending = null;
                }

                natoYears[year] = spending;
            }

            return spending;
        }

        // One source per ally, never mixed along a path: NATO's figures for a NATO ally, else the
        // government's published defence budget over GDP (the start year's sources).
        var series = new List<ObservedSeries>();
        var years = Enumerable.Range(first, last - first + 1).ToList();
        for (var k = 0; k < key.Count; k++)
        {
            var iso3 = key[k];
            var points = years.Select(y => (Year: y, Pct: Year(y)?.Members.FirstOrDefault(m => m.Iso3 == iso3)?.PctGdp)).Where(p => p.Pct is not null).ToList();
            var source = "NATO";
            if (points.Count == 0)
            {
                points = [.. years.Select(y => (Year: y, StartYearSpending.NationalBudget(store, iso3, y)?.PctGdp)).Where(p => p.PctGdp is not null).Select(p => (p.Year, Pct: p.PctGdp))];
                source = "national budget";
            }

            if (points.Count > 0)
            {
                series.Add(new ObservedSeries($"{iso3} observed ({source})", _allyPatterns[k], [.. points.Select(p => (double)p.Year)], [.. points.Select(p => p.Pct!.Value)]));
            }
        }

        return series;
    }
    private static string Describe(Doctrine doctrine)
    {
        var text = $"τ = {doctrine.Transactional.ToString("0.##", CultureInfo.InvariantCulture)}";
        foreach (var change in doctrine.Changes ?? [])
        {
            text += $", {change.Transactional.ToString("0.##", CultureInfo.InvariantCulture)} from {change.Year}";
        }

        return text + (doctrine.FairShareTarget > 0 ? $", fair-share target {doctrine.FairShareTarget.ToString("0.##", CultureInfo.InvariantCulture)} % of GDP{(doctrine.Pledge ? " (pledged)" : "")}" : "");
    }

    private static string Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        return $"{list.Min().ToString("0.###", CultureInfo.InvariantCulture)} to {list.Max().ToString("0.###", CultureInfo.InvariantCulture)}";
    }

    private static double? Missing(double value, int digits) => double.IsNaN(value) ? null : Math.Round(value, digits);
}
