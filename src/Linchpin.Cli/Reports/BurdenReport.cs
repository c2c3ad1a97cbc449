using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Cli.Plots;
using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Cli.Reports;

/// <summary>
/// The report on the built-in alliance system, as a briefing: key judgements first, then NATO burden
/// sharing (the latest year with every ally's figure, the Hague path, the trend since 2014), the
/// exploitation and rank tests, fair shares, the Asian allies beside NATO, the Korea and Japan
/// cost-sharing ledgers, the simulation's doctrine comparison, the literature, the data and a manifest.
/// </summary>
/// <remarks>
/// Built in stages (<see cref="Stages"/>) so a terminal can show progress. The composition is the list
/// of stages: a new section is one more stage at its place. The validation section belongs between the
/// simulation and the references (see <see cref="Stages"/>); the key judgements link to it by its id,
/// <c>validation</c>, once it is there.
/// </remarks>
internal sealed class BurdenReport(WorldStore store, int simulationRuns = SimulationReport.DefaultRuns, ulong seed = SimulationReport.DefaultSeed)
{
    public const int TrendFrom = 2014;

    /// <summary>Id of the validation section, which the key judgements link to.</summary>
    public const string ValidationSectionId = "validation";

    private readonly HtmlReport _report = new("Linchpin report: who pays for the common defence");
    private readonly SortedSet<string> _used = new(StringComparer.Ordinal) { "nato_pct_gdp", "nato_2012_2019", "nato_members", "nato_equipment", "maddison" };
    private readonly List<(string Text, string Source, string? Anchor)> _judgements = [];
    private int _latest;

    /// <summary>One-call form: every stage, then the page.</summary>
    public static string Build(WorldStore store, int simulationRuns = SimulationReport.DefaultRuns, ulong seed = SimulationReport.DefaultSeed)
    {
        var report = new BurdenReport(store, simulationRuns, seed);
        foreach (var (_, work) in report.Stages())
        {
            work();
        }

        return report.Render();
    }

    /// <summary>The report's stages in page order, each with what it does, for a progress display.</summary>
    public IReadOnlyList<(string Description, Action Work)> Stages() =>
    [
        ("NATO burden sharing", Nato),
        ("the Hague path and the trend", PathAndTrend),
        ("exploitation and rank tests, fair shares", TestsAndShares),
        ("Asian allies and the cost-sharing ledgers", () => _used.UnionWith(LedgerReport.Add(_report, store, _judgements))),
        ($"simulation ({simulationRuns.ToString(CultureInfo.InvariantCulture)} runs per ensemble)", () => _used.UnionWith(SimulationReport.Add(_report, store, simulationRuns, seed))),
        ("validation (backtests next to their baselines, band coverage, sensitivity)", () => _used.UnionWith(ValidationReport.Add(_report, store, simulationRuns, seed))),
        ("literature, citations and manifest", References),
    ];

    /// <summary>The page: key judgements, contents, sections.</summary>
    public string Render()
    {
        _judgements.Add(($"The simulation compares multilateral and transactional doctrine on {BuiltInScenarioCount()} built-in scenarios, {simulationRuns.ToString(CultureInfo.InvariantCulture)} runs each with seed {seed.ToString(CultureInfo.InvariantCulture)}: model outcomes under stated assumptions, not forecasts; how far they can be trusted is the subject of the validation section.",
            "Linchpin simulation, docs/models/simulation.md", _report.SectionIds.Contains(ValidationSectionId) ? ValidationSectionId : _report.SectionIds.FirstOrDefault(i => i.StartsWith("simulation", StringComparison.Ordinal))));
        foreach (var (text, source, anchor) in _judgements)
        {
            _report.Judgement(text, source, anchor);
        }

        return _report.Render();
    }

    private static int BuiltInScenarioCount() => Linchpin.Scenarios.BuiltInScenarios.Names.Count;

    private AllianceSpending _spending = null!;
    private AllianceBurden _burden = null!;

    private void Nato()
    {
        _latest = LatestCompleteYear(store);
        _spending = AllianceSpendingReader.Nato(store, _latest);
        _burden = BurdenIndicators.Compute(_spending);
        var two = Count(BurdenTarget.Wales2);
        var core = Count(BurdenTarget.HagueCore);
        var estimates = _spending.Members.Count(m => m.PctGdp is not null && m.Estimate);
        _report.Paragraph("Burden sharing in the US-centred alliance system from the data shipped with Linchpin. Figures are definitions and " +
            "measurements, not verdicts; every number names its source and edition, percentages are printed at two decimals as NATO prints them, " +
            "and missing figures are shown as gaps, never as zeros.");
        _report.Heading($"NATO in {_latest}: members against the targets", id: "nato");
        _report.Paragraph($"NATO edition {_spending.Source}, the newest edition with every ally's figure for {_latest}: {two.Meeting} of the {two.WithData} allies " +
            $"with armed forces spend at least 2% of GDP (counted on the printed two-decimal values, as NATO counts); {core.Meeting} already meet the 3.5% core " +
            $"target The Hague set for 2035.{(estimates > 0 ? $" {estimates} of the figures are NATO's estimates (marked est.)." : "")}");
        _judgements.Add(($"{two.Meeting} of {two.WithData} NATO allies spent at least 2% of GDP on defence in {_latest}; {core.Meeting} already at or above 3.5%.",
            $"NATO, Defence Expenditure of NATO Countries, edition {_spending.Source}{(estimates > 0 ? ", estimates" : "")}", "nato"));
        _report.Plot(BurdenCharts.Targets(_burden), $"NATO allies' defence expenditure as % of GDP, {_latest} (edition {_spending.Source}); blue: at or above 2%.", 1000, 600);
        _report.Table(["ally", "country", "% of GDP", "meets 2%", "gap to 2% (points)", "gap to 3.5% (points)", "share of spending, %", "share of GDP, %", "burden/ability ratio"],
            _burden.Members.OrderByDescending(m => m.Member.PctGdp ?? double.NegativeInfinity).Select(m => (IReadOnlyList<object?>)
            [
                m.Member.Iso3, m.Member.Country, Fixed.Percent(m.Member.PctGdp, m.Member.Estimate), Meets(m, BurdenTarget.Wales2),
                Fixed.Amount(Gap(m, BurdenTarget.Wales2), 2), Fixed.Amount(Gap(m, BurdenTarget.HagueCore), 2),
                Fixed.Amount(m.SpendingShare * 100, 2), Fixed.Amount(m.GdpShare * 100, 2), Fixed.Amount(m.BurdenAbilityRatio, 2),
            ]));
        Notes([.. _spending.Notes, BurdenTarget.HagueTotal.Caveat!,
            $"shares of spending and GDP: {_spending.Basis?.Label ?? "no money amounts"}; NATO's own current-price US$ amounts are in the data for 2012-2019 only (edition 2019-06), so later shares rest on NATO's % of GDP times Maddison GDP and are labelled so"]);
    }

    private void PathAndTrend()
    {
        var (_, paths) = BurdenResults.Hague(store, new BurdenQuery(), _latest);
        _report.Heading($"The Hague 2025 path: from {_latest} to 3.5% core by {HaguePaths.TargetYear}", id: "hague-path");
        var withBaseline = paths.Where(p => p.Core?.OnPath is not null).ToList();
        var onPath = withBaseline.Count(p => p.Core!.OnPath == true);
        var behind = paths.Where(p => p.Core is not null).MaxBy(p => p.Core!.NeededPerYear);
        var medianNeeded = MathNet.Numerics.Statistics.Statistics.Median(paths.Where(p => p.Core is not null).Select(p => p.Core!.NeededPerYear));
        _report.Paragraph($"For each ally, the straight path from its {_latest} figure to 3.5% of GDP in {HaguePaths.TargetYear} and the yearly increase it needs; " +
            $"\"on path\" when its own pace over the three years before {_latest} was at least that increase. {onPath} of {withBaseline.Count} allies with earlier figures are on the path; " +
            $"the median ally needs {Points(medianNeeded)} points a year.");
        _judgements.Add(($"{onPath} of {withBaseline.Count} allies kept the pace their straight path to 3.5% by {HaguePaths.TargetYear} needs over the last three years; the median ally needs {Points(medianNeeded)} points of GDP a year.",
            $"NATO editions {string.Join(", ", paths.Select(p => p.Core?.Baseline?.Edition).Append(_spending.Source).OfType<string>().Distinct().Order(StringComparer.Ordinal))}; straight path (an assumption)", "hague-path"));
        if (behind.Core is { } furthest)
        {
            _judgements.Add(($"Furthest behind: {behind.Member.Country} at {Pct(furthest.Latest.PctGdp)}% in {_latest}, needing {Points(furthest.NeededPerYear)} points of GDP a year to reach 3.5% by {HaguePaths.TargetYear}.",
                $"NATO edition {_spending.Source}", "hague-path"));
        }

        _report.Table(["ally", $"% of GDP {_latest}", "needed a year to 3.5%", "own pace a year", "since", "on path to 3.5%", "needed a year to 5%", "on path to 5%", "path value 2030"],
            paths.OrderBy(p => p.Core?.OnPath == true).ThenByDescending(p => p.Core?.NeededPerYear ?? 0).Select(p => (IReadOnlyList<object?>)
            [
                p.Member.Iso3, Fixed.Percent(p.Member.PctGdp, p.Member.Estimate), Fixed.Amount(p.Core?.NeededPerYear, 2), Fixed.Amount(p.Core?.RecentPerYear, 2),
                p.Core?.Baseline is { } b ? $"{b.Year} ({b.Edition})" : null, p.Core?.OnPath, Fixed.Amount(p.Total?.NeededPerYear, 2), p.Total?.OnPath,
                Fixed.Amount(p.Core?.PathValue(2030), 2),
            ]));
        Notes(["The straight line is this report's assumption: the Declaration fixes the end point (and a review in 2029), not the path.",
            "5%: 3.5% core plus up to 1.5% defence- and security-related spending, which the data do not hold; the 5% columns count NATO-defined defence spending only (the most an ally would need).",
            "The pace compares figures from different editions where a year has no complete one; each row names the edition of its starting figure."]);

        _report.Heading($"The trend since {TrendFrom}", id: "trend");
        var (table, years) = BurdenResults.Trend(store, new BurdenQuery(), TrendFrom, _latest);
        _report.Plot(BurdenCharts.Trend(years, $"NATO: defence expenditure as % of GDP, {TrendFrom}-{_latest}"),
            "Each ally's % of GDP (grey lines) and the median ally (blue, years where the edition gives every ally's figure). Lines are broken at missing years and where the edition changes.", 1000, 560);
        var byYear = years.ToDictionary(y => y.Spending.Year);
        _report.Table(["year", "edition", "coverage", "allies with figures", "at or above 2%", "median % of GDP", "Spearman ρ (GDP, burden)", "one-sided p"],
            Enumerable.Range(TrendFrom, _latest - TrendFrom + 1).Select(year =>
            {
                if (!byYear.TryGetValue(year, out var y))
                {
                    return (IReadOnlyList<object?>)[year, null, "no figures", null, null, null, null, null];
                }

                var test = ExploitationTest.Run(y.Spending.Members);
                var count = y.Counts.Single(c => c.Target == BurdenTarget.Wales2);
                return [year, y.Spending.Source, y.Spending.Partial ? $"partial ({count.WithData} of {y.Spending.Allies})" : "all allies", count.WithData,
                    y.Spending.Partial ? null : count.Meeting, y.Spending.Partial ? null : Fixed.Percent(y.MedianPctGdp),
                    Fixed.Amount(test.Spearman.Coefficient, 2), Fixed.Amount(test.Spearman.PValue, 2)];
            }));
        Notes([.. table.Notes.Where(n => n.StartsWith("editions change", StringComparison.Ordinal) || n.StartsWith("one edition", StringComparison.Ordinal)),
            "Each year uses the newest edition with every ally's figure; a year without one shows the edition covering the most allies, marked partial, and its count of allies meeting 2% is left blank because it is not NATO's count (press reports quoting a few allies).",
            "Alliance-wide money shares need GDP levels: NATO's own for 2012-2019 (constant 2015 US$), otherwise Maddison 2023 GDP (2011 PPP), which ends in 2022."]);
    }

    private void TestsAndShares()
    {
        var (test, exploitation) = BurdenResults.Test(_spending, Alternative.Greater);
        _report.Heading($"Do the large bear a disproportionate share? (Olson & Zeckhauser, {_latest})", id: "exploitation");
        _report.Plot(BurdenCharts.Exploitation(exploitation, $"NATO {_latest}: burden against economic size",
            _spending.Basis is { } b ? $"GDP ({b.Currency}, {b.PriceBasis}; log scale)" : "GDP (log scale)"),
            "Each ally's defence burden against its GDP (log scale) with the least-squares line of burden on ln GDP.", 1000, 560);
        var fit = exploitation.Regression;
        var row = test.Table.Rows.Count > 0 ? test.Table.Rows[0] : null;
        object? Cell(string column) => row is null ? null : row[test.Table.IndexOf(column)];
        _report.Table(["statistic", "value", "p-value", "method"],
        [
            ["Spearman ρ (burden, GDP)", Fixed.Amount(exploitation.Spearman.Coefficient, 3), Fixed.Amount(exploitation.Spearman.PValue, 3), $"one-sided (H1: positive), {exploitation.Spearman.Method}"],
            ["Kendall τ_b (burden, GDP)", Fixed.Amount(exploitation.Kendall.Coefficient, 3), Fixed.Amount(exploitation.Kendall.PValue, 3), $"one-sided, {exploitation.Kendall.Method}"],
            ["partial ρ (burden, GDP | GDP per capita)", Fixed.Amount(Cell("partial_rho_gdp_per_capita") as double?, 3), Fixed.Amount(Cell("partial_p") as double?, 3), "one-sided t on n − 3 df (Sandler & Murdoch 2000)"],
            ["Wilcoxon V (share of spending vs share of GDP)", Cell("wilcoxon_v") as double?, Fixed.Amount(Cell("wilcoxon_p") as double?, 4), "two-sided; benefits-received test (Sandler & Forbes 1980)"],
            ["Kendall's W (spending, GDP, population shares)", Fixed.Amount(Cell("kendall_w") as double?, 3), Fixed.Amount(Cell("kendall_w_p") as double?, 4), "χ² on n − 1 df"],
            ["OLS slope of % of GDP on ln GDP", Fixed.Amount(fit?.Slope, 3), Fixed.Amount(fit?.SlopePValue, 3), fit is null ? null : $"two-sided t test; 95% CI {fit.SlopeInterval.Low:0.000} to {fit.SlopeInterval.High:0.000}; R² {fit.RSquared:0.000}"],
            ["allies tested", exploitation.N, null, string.Join("; ", exploitation.Dropped)],
        ]);
        var verdict = exploitation.Spearman.PValue is < 0.05 ? "larger allies carry a visibly larger burden" : "larger allies do not carry a visibly larger burden";
        _judgements.Add(($"Olson and Zeckhauser's exploitation test on {_latest}: Spearman ρ = {Fixed.Amount(exploitation.Spearman.Coefficient, 2)} (one-sided p = {Fixed.Amount(exploitation.Spearman.PValue, 2)}, n = {exploitation.N}): {verdict} (Olson & Zeckhauser found 0.49 for 1964).",
            $"NATO edition {_spending.Source}; GDP {_spending.Basis?.Source ?? "none"}", "exploitation"));
        Notes(["Olson and Zeckhauser (1966) found Spearman ρ = 0.49 for NATO in 1964. A ρ near zero or negative means the exploitation of the large by the small is not visible in that year's figures.",
            $"GDP: {_spending.Basis?.Source ?? "none"}; population from Maddison 2023."]);

        _used.UnionWith(["tss_rivalries", "nmc", "capitals_natural_earth"]);
        _report.Heading($"Fair shares in {_latest}: four rules, one total", id: "fair-shares");
        if (_spending.Basis is { } basis)
        {
            var (exposure, exposureNotes) = AllianceSpendingReader.ThreatExposure(store, _spending);
            var rules = new[] { FairShareRule.Gdp, FairShareRule.Population, FairShareRule.Exposure, FairShareRule.Equal }
                .ToDictionary(r => r, r => FairShares.Allocate(_spending, r, exposure).ToDictionary(s => s.Iso3));
            _report.Paragraph($"The allies' total defence spending divided by each rule, against what each ally spends, in {basis.Currency} billion ({basis.PriceBasis}; {basis.Source}). Ratio above 1: spends more than the rule assigns.");
            object? Billions(double? millions) => Fixed.Amount(millions / 1000, 1);
            _report.Table(["ally", "actual", "by GDP", "ratio", "by population", "ratio", "by exposure", "ratio", "equal", "ratio"],
                _spending.Members.Where(m => m.DefenceSpending is not null).OrderByDescending(m => m.DefenceSpending).Select(m => (IReadOnlyList<object?>)
                [
                    m.Iso3, Billions(m.DefenceSpending),
                    Billions(rules[FairShareRule.Gdp][m.Iso3].Assigned), Fixed.Amount(rules[FairShareRule.Gdp][m.Iso3].Ratio, 2),
                    Billions(rules[FairShareRule.Population][m.Iso3].Assigned), Fixed.Amount(rules[FairShareRule.Population][m.Iso3].Ratio, 2),
                    Billions(rules[FairShareRule.Exposure][m.Iso3].Assigned), Fixed.Amount(rules[FairShareRule.Exposure][m.Iso3].Ratio, 2),
                    Billions(rules[FairShareRule.Equal][m.Iso3].Assigned), Fixed.Amount(rules[FairShareRule.Equal][m.Iso3].Ratio, 2),
                ]));
            Notes(["A fair-share rule is a definition, not a verdict.", .. exposureNotes,
                "Exposure weighs every rival of the alliance by its capabilities, discounted by the distance between capitals: an ally near a strong rival is assigned more, whether or not the rivalry is its own. It measures where an ally's homeland sits, not its commitments abroad, and the decay distance is an assumption (docs/models/burden-sharing.md).",
                $"Money: NATO % of GDP times GDP of {_spending.Members.Select(m => m.GdpYear).OfType<int>().DefaultIfEmpty(_latest).Max()} ({basis.Label}); not NATO's own US$ figures, which the shipped data hold for 2012-2019 only."]);
        }
        else
        {
            _report.Paragraph("No GDP levels for this year, so there is no money total to divide.", "note");
        }
    }

    private void References()
    {
        _report.Heading("The models' literature", id: "literature");
        _report.List(Literature);
        _report.Heading("Data and citations", id: "data");
        _report.Table(["dataset", "version", "title", "citation", "licence"],
            _used.Select(name => store.Dataset(name)).Select(d => (IReadOnlyList<object?>)[d.Name, d.Version, d.Title, d.Citation, d.Licence]));
        _report.Heading("Manifest", id: "manifest");
        _report.Table(["item", "value"],
        [
            ["tool", $"linchpin {DatasetCatalog.ToolVersion}"],
            ["command", "linchpin report"],
            ["latest complete year", _latest],
            ["datasets", string.Join(", ", _used.Select(name => $"{name} {store.Dataset(name).Version}"))],
            ["random seed", seed.ToString(CultureInfo.InvariantCulture)],
            ["simulation runs per ensemble", simulationRuns],
        ]);
    }

    /// <summary>The parameters the report was made with, for its provenance.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
    [
        new("runs", simulationRuns.ToString(CultureInfo.InvariantCulture)),
        new("seed", seed.ToString(CultureInfo.InvariantCulture)),
        new("latest_complete_year", _latest.ToString(CultureInfo.InvariantCulture)),
        new("nato_edition", _spending?.Source ?? ""),
    ];

    /// <summary>The published models the report's computations follow (citations as in docs/models).</summary>
    private static readonly string[] Literature =
    [
        "Olson, Mancur, Jr. and Richard Zeckhauser. 1966. \"An Economic Theory of Alliances.\" Review of Economics and Statistics 48(3): 266-279. (exploitation test)",
        "Sandler, Todd. 1977. \"Impurity of Defense: An Application to the Economics of Alliances.\" Kyklos 30(3): 443-460. (joint products)",
        "Sandler, Todd and John F. Forbes. 1980. \"Burden Sharing, Strategy, and the Design of NATO.\" Economic Inquiry 18(3): 425-444. (benefits-received test)",
        "Sandler, Todd and James C. Murdoch. 2000. \"On Sharing NATO Defence Burdens in the 1990s and Beyond.\" Fiscal Studies 21(3): 297-327. (rank tests, Table 9)",
        "Sandler, Todd and Hirofumi Shimizu. 2014. \"NATO Burden Sharing 1999-2010: An Altered Alliance.\" Foreign Policy Analysis 10: 43-60.",
        "Bergstrom, Theodore, Lawrence Blume and Hal Varian. 1986. \"On the Private Provision of Public Goods.\" Journal of Public Economics 29: 25-49. (public-good equilibrium)",
        "Snyder, Glenn H. 1984. \"The Security Dilemma in Alliance Politics.\" World Politics 36(4): 461-495. (abandonment and entrapment)",
        "Rubinstein, Ariel. 1982. \"Perfect Equilibrium in a Bargaining Model.\" Econometrica 50: 97-109. (cost-sharing bargaining)",
        "Shapley, Lloyd. 1953. \"A Value for n-Person Games.\" and Schmeidler, David. 1969. \"The Nucleolus of a Characteristic Function Game.\" SIAM J. Appl. Math. 17: 1163-1170. (cost allocation)",
        "Leeds, Brett Ashley and Burcu Savun. 2007. \"Terminating Alliances: Why Do States Abrogate Agreements?\" Journal of Politics 69(4): 1118-1132. (alliance duration and exit)",
        "Axelrod, Robert and D. Scott Bennett. 1993. \"A Landscape Theory of Aggregation.\" British Journal of Political Science 23(2): 211-233. (alignment)",
        "Signorino, Curtis S. and Jeffrey M. Ritter. 1999. \"Tau-b or Not Tau-b: Measuring the Similarity of Foreign Policy Positions.\" International Studies Quarterly 43(1): 115-144. (portfolio similarity)",
    ];

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

    private TargetCount Count(BurdenTarget target) => _burden.Counts.Single(c => c.Target == target);

    private static string Pct(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Points(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static bool? Meets(MemberBurden member, BurdenTarget target) => member.Gaps.Single(g => g.Target == target).Meets;

    private static double? Gap(MemberBurden member, BurdenTarget target) => member.Gaps.Single(g => g.Target == target).GapPoints;

    private void Notes(IEnumerable<string> notes) => _report.List(notes, "note");
}
