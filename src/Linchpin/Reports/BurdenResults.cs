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
            rows.Add(m.Member.Iso3, m.Member.Country, spending.Year, m.Member.PctGdp, m.Member.Estimate, target.Id, gap.Meets, gap.GapPoints, gap.GapMoney,
                m.Member.DefenceSpending, m.Member.Gdp, m.Member.GdpYear, m.Member.DefenceSpending is null ? null : basis, m.SpendingShare, m.GdpShare,
                m.BurdenAbilityRatio, m.SpendingPerCapita, m.Member.EquipmentPct, equipment.Meets, spending.Source,
                burden.Rule.ToString().ToLowerInvariant());
        }

        var notes = new List<string>();
        foreach (var count in burden.Counts)
        {
            var shortfall = count.Shortfall is { } s && basis is not null ? $"; shortfall {s:N0} ({basis})" : "";
            notes.Add($"{count.Target.Name}: {count.Meeting} of {count.WithData} members meet it{shortfall}");
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
        return new TableResult($"{spending.Alliance} {spending.Year}: burden sharing (source {spending.Source})", rows.Build(),
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
            "ols_slope_p", "ols_r_squared", "edition", "gdp_basis");
        var gdpYears = spending.Members.ToDictionary(m => m.Iso3, m => m.GdpYear);
        foreach (var m in result.Members)
        {
            rows.Add(m.Iso3, m.Country, spending.Year, m.Gdp, gdpYears[m.Iso3], m.PctGdp, result.Spearman.Coefficient, result.Spearman.PValue,
                result.Spearman.Method, result.Kendall.Coefficient, result.Kendall.PValue, result.Kendall.Method, Name(h1), result.N,
                fit?.Intercept, fit?.Slope, fit?.SlopeInterval.Low, fit?.SlopeInterval.High, fit?.SlopePValue, fit?.RSquared,
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
            (exposure, var note) = AllianceSpendingReader.ThreatExposure(store, spending);
            notes.Add(note);
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

        notes.Add("p-values are one-sided (H1: larger allies bear a larger burden); each year uses the edition covering the most allies unless --edition is given");
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

    private static string Name(Alternative alternative) => alternative switch
    {
        Alternative.Greater => "greater",
        Alternative.Less => "less",
        _ => "two-sided",
    };

    private static string Show(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "NA";
}
