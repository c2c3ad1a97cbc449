using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>The burden-sharing results as <c>linchpin burden</c> and its subcommands give them: per-member indicators, the trend, the exploitation test, fair shares.</summary>
public static class BurdenResults
{
    /// <summary>Burden indicators per member, with the gap to <paramref name="target"/> (<c>linchpin burden --year Y</c>).</summary>
    public static TableResult Indicators(AllianceBurden burden, BurdenTarget target)
    {
        ArgumentNullException.ThrowIfNull(burden);
        ArgumentNullException.ThrowIfNull(target);
        var spending = burden.Spending;
        var basis = spending.Basis?.Label;
        var rows = new ResultRows("iso3", "country", "year", "pct_gdp", "estimate", "target", "meets_target", "gap_pp", "gap_money",
            "defence_spending", "gdp", "gdp_year", "money_basis", "spending_share", "gdp_share", "burden_ability_ratio",
            "spending_per_capita", "equipment_pct", "meets_equipment_20", "edition", "counting");
        foreach (var m in burden.Members)
        {
            var gap = m.Gaps.Single(g => g.Target == target);
            var equipment = m.Gaps.Single(g => g.Target == BurdenTarget.Equipment20);
            rows.Add(m.Member.Iso3, m.Member.Country, spending.Year, m.Member.PctGdp, m.Member.Estimate, target.Id, gap.Meets, Clean(gap.GapPoints), gap.GapMoney,
                m.Member.DefenceSpending, m.Member.Gdp, m.Member.GdpYear, m.Member.DefenceSpending is null ? null : basis, m.SpendingShare, m.GdpShare,
                m.BurdenAbilityRatio, m.SpendingPerCapita, m.Member.EquipmentPct, equipment.Meets, spending.Source,
                burden.Rule.ToString().ToLowerInvariant());
        }

        var notes = new List<string>();
        foreach (var count in burden.Counts)
        {
            var shortfall = count.Shortfall is { } s && basis is not null ? $"; shortfall {s:N0} ({basis})" : "";
            notes.Add($"{count.Target.Name}: {count.Meeting} of {count.WithData} members {Of(spending)}meet it{shortfall}");
        }

        if (burden.AggregateBurden is { } aggregate)
        {
            notes.Add($"alliance burden {aggregate:0.0000}% of GDP" + (burden.AggregateBurdenWithoutPatron is { } others
                ? $"; without {spending.Patron}: {others:0.0000}%; {spending.Patron} share of spending {burden.PatronSpendingShare:0.0000}" : ""));
        }

        if (target.Caveat is not null)
        {
            notes.Add(target.Caveat);
        }

        notes.AddRange(spending.Notes);
        return new TableResult($"{spending.Alliance} {spending.Year}: burden sharing (source {spending.Source}{Coverage(spending)})", rows.Build(),
            ["iso3", "country", "pct_gdp", "meets_target", "gap_pp", "gap_money", "spending_share", "gdp_share", "burden_ability_ratio", "equipment_pct"],
            notes);
    }

    /// <summary>Reads an alternative hypothesis as the command spells it: greater, less or two-sided.</summary>
    /// <exception cref="LinchpinException">An unknown name.</exception>
    public static Alternative ParseAlternative(string text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "greater" => Alternative.Greater,
        "less" => Alternative.Less,
        "two-sided" or "two.sided" or "twosided" => Alternative.TwoSided,
        var other => throw new LinchpinException($"--alternative: unknown '{other}': use greater, less or two-sided"),
    };

    /// <summary>The Olson–Zeckhauser exploitation test on one alliance-year (<c>linchpin burden test</c>), and the test itself (for a plot).</summary>
    public static (TableResult Result, ExploitationResult Test) Test(AllianceSpending spending, Alternative h1)
    {
        ArgumentNullException.ThrowIfNull(spending);
        RequireMembers(spending, m => m.PctGdp is not null && m.Gdp is > 0, 3, "both a % of GDP and a GDP level", "the exploitation test");
        var result = ExploitationTest.Run(spending.Members, h1);
        var fit = result.Regression;
        var rows = new ResultRows("iso3", "country", "year", "gdp", "gdp_year", "pct_gdp", "spearman_rho", "spearman_p", "spearman_method",
            "kendall_tau", "kendall_p", "kendall_method", "alternative", "n", "ols_intercept", "ols_slope", "ols_slope_low", "ols_slope_high",
            "ols_slope_p", "ols_r_squared", "partial_rho_gdp_per_capita", "partial_p", "wilcoxon_v", "wilcoxon_p", "wilcoxon_n", "kendall_w", "kendall_w_p",
            "edition", "gdp_basis");
        var gdpYears = spending.Members.ToDictionary(m => m.Iso3, m => m.GdpYear);
        var ranks = RankTests(spending);
        foreach (var m in result.Members)
        {
            rows.Add(m.Iso3, m.Country, spending.Year, m.Gdp, gdpYears[m.Iso3], m.PctGdp, result.Spearman.Coefficient, result.Spearman.PValue,
                result.Spearman.Method, result.Kendall.Coefficient, result.Kendall.PValue, result.Kendall.Method, Name(h1), result.N,
                fit?.Intercept, fit?.Slope, fit?.SlopeInterval.Low, fit?.SlopeInterval.High, fit?.SlopePValue, fit?.RSquared,
                ranks.Partial, ranks.PartialP, ranks.Wilcoxon?.V, ranks.Wilcoxon?.PValue, ranks.Wilcoxon?.N, ranks.Concordance?.W, ranks.Concordance?.PValue,
                spending.Source, spending.Basis?.Label);
        }

        var notes = new List<string>
        {
            $"Spearman rho = {Show(result.Spearman.Coefficient)} (p = {Show(result.Spearman.PValue)}, {Name(h1)}, {result.Spearman.Method}); " +
            $"Kendall tau-b = {Show(result.Kendall.Coefficient)} (p = {Show(result.Kendall.PValue)}, {result.Kendall.Method}); n = {result.N}",
        };
        if (fit is not null)
        {
            notes.Add($"OLS: pct_gdp = {fit.Intercept:0.000} + {fit.Slope:0.000} ln(GDP); slope 95% CI {fit.SlopeInterval.Low:0.000} to {fit.SlopeInterval.High:0.000}, R² {fit.RSquared:0.000}");
        }

        notes.AddRange(ranks.Notes);
        notes.AddRange(result.Dropped.Select(d => $"left out: {d}"));
        notes.AddRange(spending.Notes);
        return (new TableResult($"{spending.Alliance} {spending.Year}: exploitation test (source {spending.Source})", rows.Build(), ["iso3", "country", "gdp", "pct_gdp"], notes), result);
    }

    /// <summary>Actual spending against a fair-share rule (<c>linchpin burden shares</c>).</summary>
    /// <exception cref="LinchpinException">The alliance-year has no money amounts.</exception>
    public static TableResult Shares(WorldStore store, AllianceSpending spending, FairShareRule rule)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(spending);
        if (spending.Basis is null)
        {
            throw LinchpinException.NoData($"{spending.Alliance} {spending.Year}: no money amounts (no GDP level within {AllianceSpendingReader.MaxGdpLag} years), so there is no total to share");
        }

        RequireMembers(spending, m => m.DefenceSpending is not null, 1,
            $"defence spending in money (a GDP level within {AllianceSpendingReader.MaxGdpLag} years)", "a fair share of the total");

        var notes = new List<string> { "a fair-share rule is a definition, not a verdict" };
        IReadOnlyDictionary<string, double>? exposure = null;
        if (rule == FairShareRule.Exposure)
        {
            (exposure, var exposureNotes) = AllianceSpendingReader.ThreatExposure(store, spending);
            notes.AddRange(exposureNotes);
        }

        var shares = FairShares.Allocate(spending, rule, exposure);
        var name = rule.ToString().ToLowerInvariant();
        var rows = new ResultRows("iso3", "country", "year", "rule", "rule_share", "actual", "assigned", "difference", "ratio", "pct_gdp", "money_basis", "edition");
        foreach (var s in shares)
        {
            var member = spending.Members.First(m => m.Iso3 == s.Iso3);
            rows.Add(s.Iso3, s.Country, spending.Year, name, s.RuleShare, s.Actual, s.Assigned, s.Difference, s.Ratio,
                member.PctGdp, spending.Basis.Label, spending.Source);
        }

        notes.AddRange(shares.Where(s => s.Assigned is null).Select(s => $"{s.Iso3}: left out of the allocation (no spending or no {name} figure)"));
        notes.AddRange(spending.Notes);
        return new TableResult($"{spending.Alliance} {spending.Year}: fair shares by {name} ({spending.Basis.Label})", rows.Build(),
            ["iso3", "country", "rule_share", "actual", "assigned", "difference", "ratio"], notes);
    }

    /// <summary>Burden sharing year by year (<c>linchpin burden trend</c>), and each year's indicators (for a plot).</summary>
    /// <exception cref="LinchpinException">Not a range of years, or a bad option.</exception>
    public static (TableResult Result, IReadOnlyList<AllianceBurden> Years) Trend(WorldStore store, BurdenQuery query, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        if (last < first || last - first > 300)
        {
            throw new LinchpinException($"--from {first} --to {last}: not a range of years");
        }

        var years = new List<AllianceBurden>();
        var rows = new ResultRows("year", "edition", "members", "with_data", "meeting_2", "meeting_3_5", "meeting_5", "meeting_equipment_20",
            "partial", "median_pct_gdp", "alliance_pct_gdp", "spearman_rho", "spearman_p", "kendall_tau", "kendall_p", "n", "money_basis");
        var notes = new List<string>();
        var countingRule = query.Rule();
        for (var year = first; year <= last; year++)
        {
            AllianceSpending spending;
            try
            {
                spending = query.Spending(store, year);
            }
            catch (LinchpinException error) when (error.Kind == ErrorKind.Data && (year == first || year == last))
            {
                // A range must start and end in the data (the one rule for "not enough data"); a gap inside it stays a gap.
                throw LinchpinException.NoData($"{(year == first ? "--from" : "--to")} {year}: {error.Message}");
            }
            catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
            {
                rows.Add(year, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
                notes.Add($"{year}: {error.Message}");
                continue;
            }

            var burden = BurdenIndicators.Compute(spending, countingRule);
            years.Add(burden);
            var test = ExploitationTest.Run(spending.Members);
            int Meeting(BurdenTarget t) => burden.Counts.Single(c => c.Target == t).Meeting;
            var withData = burden.Counts.Single(c => c.Target == BurdenTarget.Wales2).WithData;
            var equipment = burden.Counts.Single(c => c.Target == BurdenTarget.Equipment20);
            rows.Add(year, spending.Source, spending.Members.Count, withData, Meeting(BurdenTarget.Wales2), Meeting(BurdenTarget.HagueCore),
                Meeting(BurdenTarget.HagueTotal), equipment.WithData == 0 ? null : equipment.Meeting, spending.Partial,
                burden.MedianPctGdp, burden.AggregateBurden, test.Spearman.Coefficient, test.Spearman.PValue,
                test.Kendall.Coefficient, test.Kendall.PValue, test.N, spending.Basis?.Label);
            notes.AddRange(spending.Notes.Where(n => n.StartsWith("partial", StringComparison.Ordinal)).Select(n => $"{year}: {n}"));
        }

        var rhos = years.Where(b => !b.Spending.Partial).Select(b => (b.Spending.Year, Rho: ExploitationTest.Run(b.Spending.Members).Spearman.Coefficient))
            .Where(r => r.Rho is not null).ToList();
        if (ExploitationTest.Fit([.. rhos.Select(r => (double)r.Year)], [.. rhos.Select(r => r.Rho!.Value)]) is { } trend)
        {
            notes.Add($"trend of Spearman's rho: {trend.Slope:+0.0000;-0.0000} per year (95% CI {trend.SlopeInterval.Low:0.0000} to {trend.SlopeInterval.High:0.0000}), over the {trend.N} years with every ally's figure");
        }

        notes.AddRange(EditionRuns(years.Select(y => (y.Spending.Year, y.Spending.Source))));
        notes.Add(query.AsPublished
            ? "p-values are one-sided (H1: larger allies bear a larger burden); each year uses the first edition released after it (--as-published)"
            : "p-values are one-sided (H1: larger allies bear a larger burden); each year uses the newest edition with every ally's figure (else the one covering the most, marked partial) unless --edition is given");
        return (new TableResult($"{query.Alliance.ToUpperInvariant()} burden sharing {first}-{last}", rows.Build(),
            ["year", "edition", "with_data", "partial", "meeting_2", "meeting_3_5", "meeting_5", "median_pct_gdp", "alliance_pct_gdp", "spearman_rho", "spearman_p"], notes), years);
    }

    /// <summary>
    /// The one rule for "not enough data" in the burden commands: an answer that needs, for at least
    /// <paramref name="minimum"/> members, figures the year's data lack is a data error (exit code 3)
    /// saying what is missing; an answer for fewer members than the alliance has is computed and
    /// carries the data's warnings.
    /// </summary>
    /// <exception cref="LinchpinException">Fewer than <paramref name="minimum"/> members have what is needed.</exception>
    public static void RequireMembers(AllianceSpending spending, Func<MemberSpending, bool> has, int minimum, string needed, string purpose)
    {
        var count = spending.Members.Count(has);
        if (count < minimum)
        {
            throw LinchpinException.NoData(
                $"{spending.Alliance} {spending.Year}: {count} of {spending.Members.Count} members have {needed} (edition {spending.Source}); {purpose} needs at least {minimum}");
        }
    }

    /// <summary>
    /// Each member's straight path from its <paramref name="year"/> figure to the Hague targets in 2035
    /// (<c>linchpin burden path</c>): the yearly increase needed and whether its last three years kept
    /// that pace. The earlier years come from each year's own edition, as <paramref name="query"/> picks it.
    /// </summary>
    /// <exception cref="LinchpinException">The year has no figures (data error).</exception>
    public static (TableResult Result, IReadOnlyList<(MemberSpending Member, HaguePath? Core, HaguePath? Total)> Paths) Hague(WorldStore store, BurdenQuery query, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        if (year >= HaguePaths.TargetYear)
        {
            throw new LinchpinException($"--year {year}: the Hague path runs to {HaguePaths.TargetYear}; give an earlier year");
        }

        var spending = query.Spending(store, year);
        var earlier = new List<AllianceSpending>();
        var notes = new List<string>();
        for (var back = year - HaguePaths.RecentYears; back < year; back++)
        {
            try
            {
                earlier.Add(query.Spending(store, back));
            }
            catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
            {
                notes.Add($"{back}: no figures ({error.Message})");
            }
        }

        var rows = new ResultRows("iso3", "country", "latest_year", "latest_pct_gdp", "latest_estimate", "latest_edition",
            "needed_per_year_3_5", "on_path_3_5", "needed_per_year_5", "on_path_5", "baseline_year", "baseline_pct_gdp", "baseline_edition",
            "recent_per_year", "path_2030_3_5");
        var paths = new List<(MemberSpending, HaguePath?, HaguePath?)>();
        foreach (var member in spending.Members.Where(m => m.PctGdp is not null))
        {
            var history = earlier.Append(spending)
                .Select(s => (s, m: s.Members.FirstOrDefault(x => x.Iso3 == member.Iso3)))
                .Where(p => p.m?.PctGdp is not null)
                .Select(p => new YearFigure(p.s.Year, p.m!.PctGdp!.Value, p.m.Estimate, p.s.Source)).ToList();
            var core = HaguePaths.For(history, BurdenTarget.HagueCore.Percent);
            var total = HaguePaths.For(history, BurdenTarget.HagueTotal.Percent);
            paths.Add((member, core, total));
            rows.Add(member.Iso3, member.Country, core?.Latest.Year, core?.Latest.PctGdp, core?.Latest.Estimate, core?.Latest.Edition,
                Round(core?.NeededPerYear), core?.OnPath, Round(total?.NeededPerYear), total?.OnPath, core?.Baseline?.Year, core?.Baseline?.PctGdp,
                core?.Baseline?.Edition, Round(core?.RecentPerYear), Round(core?.PathValue(2030)));
        }

        var withBaseline = paths.Count(p => p.Item2?.OnPath is not null);
        notes.Insert(0, $"on the straight path to 3.5% core by {HaguePaths.TargetYear}: {paths.Count(p => p.Item2?.OnPath == true)} of the {withBaseline} allies with a figure in the last three years " +
            $"(already at 3.5%: {paths.Count(p => p.Item1.PctGdp >= BurdenTarget.HagueCore.Percent)}); to 5%: {paths.Count(p => p.Item3?.OnPath == true)} of {withBaseline}");
        notes.Add($"path: a straight line from the latest figure to the target in {HaguePaths.TargetYear} (an assumption: the Declaration fixes the end point and a review in 2029, not the path); " +
            "recent pace: (latest - the earliest figure of the three years before) / years between; on path when the recent pace is at least the pace needed");
        notes.Add("5%: 3.5% core plus up to 1.5% defence- and security-related spending, which the data do not hold: the 5% path counts NATO-defined defence spending only, the most an ally would need");
        notes.Add("points per year rounded to four decimals; earlier years come from each year's own edition (named), so a pace across editions may include revisions");
        notes.AddRange(spending.Notes);
        return (new TableResult($"{spending.Alliance}: the Hague 2025 path from {year} (edition {spending.Source}{Coverage(spending)})", rows.Build(),
            ["iso3", "latest_pct_gdp", "needed_per_year_3_5", "recent_per_year", "on_path_3_5", "needed_per_year_5", "on_path_5", "baseline_year"], notes), paths);
    }

    /// <summary>
    /// The two-sided p-value of a (partial) rank correlation from its value alone
    /// (<c>linchpin burden test --rho R --n N [--controls K]</c>), as Sandler and Murdoch (2000, Table 9) compute it.
    /// </summary>
    /// <exception cref="LinchpinException">ρ outside [−1, 1], or too few degrees of freedom.</exception>
    public static TableResult CorrelationTest(double rho, int n, int controls)
    {
        if (double.IsNaN(rho) || rho is < -1 or > 1)
        {
            throw new LinchpinException($"--rho {rho.ToString(CultureInfo.InvariantCulture)}: a correlation lies in [-1, 1]");
        }

        if (controls < 0 || n - 2 - controls < 1)
        {
            throw new LinchpinException($"--n {n} --controls {controls}: the test needs n - 2 - controls >= 1 degrees of freedom");
        }

        var (t, df, twoSided, greater) = BurdenRankTests.CorrelationPValue(rho, n, controls);
        var rows = new ResultRows("rho", "n", "controls", "df", "t", "p_two_sided", "p_greater");
        rows.Add(rho, n, controls, df, t, twoSided, greater);
        return new TableResult($"rank correlation {rho.ToString(CultureInfo.InvariantCulture)}, n = {n}, {controls} control(s)", rows.Build(),
            ["rho", "n", "controls", "df", "t", "p_two_sided", "p_greater"],
            ["t = rho sqrt(df / (1 - rho^2)), df = n - 2 - controls; Sandler and Murdoch (2000, Table 9) print the two-sided value although their note names a one-sided alternative"]);
    }

    private sealed record RankTestSet(double? Partial, double? PartialP, WilcoxonResult? Wilcoxon, ConcordanceResult? Concordance, IReadOnlyList<string> Notes);

    /// <summary>Model 02's rank statistics on one alliance-year: partial ρ(burden, GDP | GDP per capita), Wilcoxon of spending against GDP shares, Kendall's W.</summary>
    private static RankTestSet RankTests(AllianceSpending spending)
    {
        var burden = BurdenIndicators.Compute(spending);
        var notes = new List<string>();
        var levels = burden.Members.Where(m => m.SpendingShare is not null && m.GdpShare is not null && m.Member.PctGdp is not null).ToList();
        if (levels.Count < 3)
        {
            notes.Add("Wilcoxon, Kendall's W and the partial rank correlation need money amounts for at least 3 members: not computed");
            return new RankTestSet(null, null, null, null, notes);
        }

        var wilcoxon = BurdenRankTests.Wilcoxon([.. levels.Select(m => m.SpendingShare!.Value)], [.. levels.Select(m => m.GdpShare!.Value)]);
        notes.Add($"Wilcoxon signed-rank, share of spending against share of GDP: V = {wilcoxon.V.ToString("0.#", CultureInfo.InvariantCulture)}, " +
            $"p = {Show(wilcoxon.PValue)} (two-sided, {wilcoxon.Method}), n = {wilcoxon.N}{(wilcoxon.Zeros > 0 ? $", {wilcoxon.Zeros} zero differences dropped" : "")}; " +
            "a small p means burdens do not follow ability to pay (benefits-received test, Sandler & Forbes 1980)");
        double? partial = null;
        double? partialP = null;
        ConcordanceResult? concordance = null;
        var withPopulation = levels.Where(m => m.Member.Population is > 0 && m.Member.Gdp is > 0).ToList();
        if (withPopulation.Count >= 4)
        {
            var b = withPopulation.Select(m => m.Member.PctGdp!.Value).ToList();
            var gdp = withPopulation.Select(m => m.Member.Gdp!.Value).ToList();
            var perCapita = withPopulation.Select(m => m.Member.Gdp!.Value / m.Member.Population!.Value).ToList();
            partial = BurdenRankTests.PartialSpearman(b, gdp, perCapita);
            partialP = partial is { } r ? BurdenRankTests.CorrelationPValue(r, withPopulation.Count, 1).Greater : null;
            var total = withPopulation.Sum(m => m.Member.Population!.Value);
            concordance = BurdenRankTests.KendallW(
            [
                [.. withPopulation.Select(m => m.SpendingShare!.Value)],
                [.. withPopulation.Select(m => m.GdpShare!.Value)],
                [.. withPopulation.Select(m => m.Member.Population!.Value / total)],
            ]);
            notes.Add($"partial Spearman rho(burden, GDP | GDP per capita) = {Show(partial)} (p = {Show(partialP)}, one-sided greater, t on n - 3 df), n = {withPopulation.Count}");
            notes.Add($"Kendall's W across the rankings of spending, GDP and population shares: W = {Show(concordance.W)}, chi-square {concordance.ChiSquare.ToString("0.000", CultureInfo.InvariantCulture)} on {concordance.DegreesOfFreedom} df, p = {Show(concordance.PValue)}");
        }

        return new RankTestSet(partial, partialP, wilcoxon, concordance, notes);
    }

    /// <summary>A difference of two-decimal figures without its binary noise (3.5 − 1.28 prints 2.22, not 2.2199999999999998).</summary>
    private static double? Clean(double? value) => value is { } v ? Math.Round(v, 10, MidpointRounding.AwayFromZero) : null;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// Which edition each stretch of consecutive years comes from, as notes: a series that changes
    /// edition says where, since editions revise earlier years and change price bases.
    /// </summary>
    public static IReadOnlyList<string> EditionRuns(IEnumerable<(int Year, string Edition)> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var runs = new List<(int First, int Last, string Edition)>();
        foreach (var (year, edition) in years.OrderBy(y => y.Year))
        {
            if (runs.Count > 0 && runs[^1].Edition == edition && runs[^1].Last == year - 1)
            {
                runs[^1] = (runs[^1].First, year, edition);
            }
            else
            {
                runs.Add((year, year, edition));
            }
        }

        if (runs.Count <= 1)
        {
            return runs.Select(r => $"one edition throughout: {r.Edition}").ToList();
        }

        var stretches = string.Join("; ", runs.Select(r => r.First == r.Last ? $"{r.First} from {r.Edition}" : $"{r.First}-{r.Last} from {r.Edition}"));
        return [$"editions change along the series ({stretches}): a change across an edition boundary may be a revision, not a change in spending; lines are broken there and at missing years"];
    }

    private static string Of(AllianceSpending spending) =>
        spending.Allies is { } allies ? $"with a figure in edition {spending.Source} (of {allies} allies with armed forces{(spending.Partial ? "; partial edition, not NATO's count" : "")}) " : "";

    private static string Coverage(AllianceSpending spending) =>
        spending.Allies is { } allies
            ? $", {spending.Members.Count(m => m.PctGdp is not null)} of {allies} allies{(spending.Partial ? ", partial" : "")}"
            : "";

    private static string Name(Alternative alternative) => alternative switch
    {
        Alternative.Greater => "greater",
        Alternative.Less => "less",
        _ => "two-sided",
    };

    private static string Show(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "NA";
}
