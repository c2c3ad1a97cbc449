using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Cli.Plots;
using Linchpin.Data;

namespace Linchpin.Cli.Reports;

/// <summary>
/// The report on the built-in alliance system: NATO burden sharing (latest complete year and the trend
/// since 2014), the exploitation test, fair shares, the Korea and Japan cost-sharing ledgers, the simulation's
/// doctrine comparison on the built-in scenarios, the data citations and a manifest of what made it.
/// </summary>
internal static class BurdenReport
{
    public const int TrendFrom = 2014;

    public static string Build(WorldStore store, int simulationRuns = SimulationReport.DefaultRuns, ulong seed = SimulationReport.DefaultSeed)
    {
        var used = new SortedSet<string>(StringComparer.Ordinal) { "nato_pct_gdp", "nato_2012_2019", "nato_members", "nato_equipment", "maddison" };
        var report = new HtmlReport("Linchpin report: who pays for the common defence");
        var latest = LatestCompleteYear(store);
        report.Paragraph("Burden sharing in the US-centred alliance system from the data shipped with Linchpin. Figures are definitions and " +
            "measurements, not verdicts; every number names its source and edition, and missing figures are shown as gaps, never as zeros.");

        // 1. NATO, latest complete year.
        var spending = AllianceSpendingReader.Nato(store, latest);
        var burden = BurdenIndicators.Compute(spending);
        var two = burden.Counts.Single(c => c.Target == BurdenTarget.Wales2);
        report.Heading($"NATO in {latest}: members against the targets");
        report.Paragraph($"Edition {spending.Source}. {two.Meeting} of {two.WithData} allies with figures spend at least 2% of GDP " +
            $"(counted on the printed two-decimal values, as NATO counts); " +
            $"{burden.Counts.Single(c => c.Target == BurdenTarget.HagueCore).Meeting} already meet the 3.5% core target The Hague set for 2035.");
        report.Plot(BurdenCharts.Targets(burden), $"NATO allies' defence expenditure as % of GDP, {latest} (edition {spending.Source}); blue: at or above 2%.");
        report.Table(["ally", "country", "% of GDP", "meets 2%", "gap to 2% (points)", "gap to 3.5% (points)", "share of spending", "share of GDP", "burden/ability ratio"],
            burden.Members.OrderByDescending(m => m.Member.PctGdp ?? double.NegativeInfinity).Select(m => (IReadOnlyList<object?>)
            [
                m.Member.Iso3, m.Member.Country, m.Member.PctGdp, Meets(m, BurdenTarget.Wales2), Gap(m, BurdenTarget.Wales2), Gap(m, BurdenTarget.HagueCore),
                m.SpendingShare, m.GdpShare, m.BurdenAbilityRatio,
            ]));
        Notes(report, spending.Notes.Append(BurdenTarget.HagueTotal.Caveat!));

        // 2. The trend since 2014.
        report.Heading($"The trend since {TrendFrom}");
        var years = new List<AllianceBurden>();
        var trendRows = new List<IReadOnlyList<object?>>();
        for (var year = TrendFrom; year <= latest; year++)
        {
            try
            {
                var yearBurden = BurdenIndicators.Compute(AllianceSpendingReader.Nato(store, year));
                years.Add(yearBurden);
                var test = ExploitationTest.Run(yearBurden.Spending.Members);
                var count = yearBurden.Counts.Single(c => c.Target == BurdenTarget.Wales2);
                trendRows.Add([year, yearBurden.Spending.Source, yearBurden.Spending.Partial ? "partial" : "all allies", count.WithData, count.Meeting,
                    yearBurden.MedianPctGdp, yearBurden.AggregateBurden, test.Spearman.Coefficient, test.Spearman.PValue]);
            }
            catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
            {
                trendRows.Add([year, null, "no figures", null, null, null, null, null, null]);
            }
        }

        report.Plot(BurdenCharts.Trend(years, $"NATO: defence expenditure as % of GDP, {TrendFrom}-{latest}"),
            "Each ally's % of GDP (grey lines) and the median ally (blue, years where the edition gives every ally's figure).");
        report.Table(["year", "edition", "coverage", "allies with figures", "at or above 2%", "median % of GDP", "alliance % of GDP", "Spearman ρ (GDP, burden)", "one-sided p"], trendRows);
        Notes(report,
        [
            "Each year uses the NATO edition covering the most allies (ties to the newest); editions revise earlier years, so a series mixes editions: read levels within a year, changes across years with care.",
            years.Any(y => y.Spending.Partial)
                ? $"{string.Join(", ", years.Where(y => y.Spending.Partial).Select(y => y.Spending.Year))}: the data hold only press reports quoting some allies; those counts describe those allies only."
                : "Every year shown has every ally's figure.",
            "Alliance % of GDP needs GDP levels: NATO's own for 2012-2019 (constant 2015 US$), otherwise Maddison 2023 GDP (2011 PPP), which ends in 2022.",
        ]);

        // 3. Exploitation test.
        var exploitation = ExploitationTest.Run(spending.Members);
        report.Heading($"Do the large bear a disproportionate share? (Olson & Zeckhauser, {latest})");
        report.Plot(BurdenCharts.Exploitation(exploitation, $"NATO {latest}: burden against economic size",
            spending.Basis is { } b ? $"GDP ({b.Currency}, {b.PriceBasis}; log scale)" : "GDP (log scale)"),
            "Each ally's defence burden against its GDP (log scale) with the least-squares line of burden on ln GDP.");
        var fit = exploitation.Regression;
        report.Table(["statistic", "value", "p-value (one-sided, H1: positive)", "method"],
        [
            ["Spearman ρ", exploitation.Spearman.Coefficient, exploitation.Spearman.PValue, exploitation.Spearman.Method],
            ["Kendall τ_b", exploitation.Kendall.Coefficient, exploitation.Kendall.PValue, exploitation.Kendall.Method],
            ["OLS slope of % of GDP on ln GDP", fit?.Slope, fit?.SlopePValue, fit is null ? null : $"two-sided t test; 95% CI {fit.SlopeInterval.Low:0.000} to {fit.SlopeInterval.High:0.000}; R² {fit.RSquared:0.000}"],
            ["allies tested", exploitation.N, null, string.Join("; ", exploitation.Dropped)],
        ]);
        Notes(report,
        [
            "Olson and Zeckhauser (1966) found Spearman ρ = 0.49 for NATO in 1964. A ρ near zero or negative means the exploitation of the large by the small is not visible in that year's figures.",
            $"GDP: {spending.Basis?.Source ?? "none"}.",
        ]);

        // 4. Fair shares.
        used.UnionWith(["tss_rivalries", "nmc"]);
        report.Heading($"Fair shares in {latest}: four rules, one total");
        if (spending.Basis is { } basis)
        {
            var (exposure, exposureNote) = AllianceSpendingReader.ThreatExposure(store, spending);
            var rules = new[] { FairShareRule.Gdp, FairShareRule.Population, FairShareRule.Exposure, FairShareRule.Equal }
                .ToDictionary(r => r, r => FairShares.Allocate(spending, r, exposure).ToDictionary(s => s.Iso3));
            report.Paragraph($"The allies' total defence spending ({basis.Label}) divided by each rule, against what each ally spends. Ratio above 1: spends more than the rule assigns.");
            report.Table(["ally", "actual", "by GDP", "ratio", "by population", "ratio", "by exposure", "ratio", "equal", "ratio"],
                spending.Members.Where(m => m.DefenceSpending is not null).OrderByDescending(m => m.DefenceSpending).Select(m => (IReadOnlyList<object?>)
                [
                    m.Iso3, m.DefenceSpending,
                    rules[FairShareRule.Gdp][m.Iso3].Assigned, rules[FairShareRule.Gdp][m.Iso3].Ratio,
                    rules[FairShareRule.Population][m.Iso3].Assigned, rules[FairShareRule.Population][m.Iso3].Ratio,
                    rules[FairShareRule.Exposure][m.Iso3].Assigned, rules[FairShareRule.Exposure][m.Iso3].Ratio,
                    rules[FairShareRule.Equal][m.Iso3].Assigned, rules[FairShareRule.Equal][m.Iso3].Ratio,
                ]));
            Notes(report, ["A fair-share rule is a definition, not a verdict.", exposureNote,
                "Exposure counts only direct strategic rivalries with non-members, so allies without one are assigned nothing under that rule."]);
        }
        else
        {
            report.Paragraph("No GDP levels for this year, so there is no money total to divide.", "note");
        }

        // 5. Cost-sharing ledgers.
        used.UnionWith(["us_rok_sma", "us_rok_sma_events", "us_japan_hns", "us_troops"]);
        foreach (var host in new[] { "KOR", "JPN" })
        {
            var ledger = HostNationReader.Ledger(store, host);
            report.Heading(host == "KOR" ? "Korea: the Special Measures Agreements" : "Japan: host-nation support");
            report.Plot(BurdenCharts.Ledger(ledger), host == "KOR"
                ? "ROK contributions under the SMAs, billions of current won; dotted lines mark years without a won figure."
                : "Japan's host-nation support budgets, billions of current yen by fiscal year.");
            report.Table(["period", "kind", "agreement", $"{ledger.Currency} {ledger.Unit}", "US$ million", "change %", "US troops (as printed)", $"per soldier ({ledger.Currency} million)"],
                ledger.Entries.Select(e => (IReadOnlyList<object?>)[e.Period, e.Kind, e.Agreement, e.Amount, e.AmountUsdMillions, e.ChangePct,
                    e.Troops is null ? null : $"{(e.TroopsApproximate ? "about " : "")}{e.Troops.Value.ToString("N0", CultureInfo.InvariantCulture)} ({e.TroopsYear})",
                    e.AmountPerSoldier]));
            if (ledger.Events.Count > 0)
            {
                report.Heading("Negotiation events", 3);
                report.Table(["date", "event"], ledger.Events.Select(e => (IReadOnlyList<object?>)[e.Date, e.Event]));
            }

            Notes(report, ledger.Notes);
        }

        // 6. The simulation: the doctrine comparison on the built-in scenarios.
        used.UnionWith(SimulationReport.Add(report, store, simulationRuns, seed));
        used.UnionWith(ValidationReport.Add(report, store, simulationRuns, seed));

        // 7. Citations and manifest.
        report.Heading("Data and citations");
        report.Table(["dataset", "version", "title", "citation", "licence"],
            used.Select(name => store.Dataset(name)).Select(d => (IReadOnlyList<object?>)[d.Name, d.Version, d.Title, d.Citation, d.Licence]));
        report.Heading("Manifest");
        report.Table(["item", "value"],
        [
            ["tool", $"linchpin {DatasetCatalog.ToolVersion}"],
            ["command", "linchpin report"],
            ["latest complete year", latest],
            ["datasets", string.Join(", ", used.Select(name => $"{name} {store.Dataset(name).Version}"))],
            ["random seed", seed.ToString(CultureInfo.InvariantCulture)],
            ["simulation runs per ensemble", simulationRuns],
        ]);
        return report.Render();
    }

    /// <summary>The latest year whose default NATO edition gives every ally's figure.</summary>
    public static int LatestCompleteYear(WorldStore store)
    {
        var years = AllianceSpendingReader.NatoEditions(store).SelectMany(e => e.AlliesByYear.Keys).Distinct().OrderDescending();
        foreach (var year in years)
        {
            if (!AllianceSpendingReader.Nato(store, year).Partial)
            {
                return year;
            }
        }

        throw LinchpinException.NoData("no year with every NATO ally's figure");
    }

    private static bool? Meets(MemberBurden member, BurdenTarget target) => member.Gaps.Single(g => g.Target == target).Meets;

    private static double? Gap(MemberBurden member, BurdenTarget target) => member.Gaps.Single(g => g.Target == target).GapPoints;

    private static void Notes(HtmlReport report, IEnumerable<string> notes) => report.List(notes, "note");
}
