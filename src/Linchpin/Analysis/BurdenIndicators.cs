namespace Linchpin.Analysis;

/// <summary>A member's distance to one target.</summary>
/// <param name="Target">The target.</param>
/// <param name="Meets">Whether the member meets it (by the counting rule); <c>null</c> without data.</param>
/// <param name="GapPoints">Percentage points short, max(0, τ − value); <c>null</c> without data.</param>
/// <param name="GapMoney">Money short in the alliance-year's basis, max(0, τ·GDP − ME) (or τ·ME − equipment); <c>null</c> without levels.</param>
public sealed record TargetGap(BurdenTarget Target, bool? Meets, double? GapPoints, double? GapMoney);

/// <summary>One member's burden-sharing indicators in one year.</summary>
/// <param name="Member">The member's data.</param>
/// <param name="SpendingShare">Share of the alliance's defence spending, ME_i / Σ ME (members with both ME and GDP).</param>
/// <param name="GdpShare">Share of the alliance's GDP, GDP_i / Σ GDP (same members).</param>
/// <param name="BurdenAbilityRatio">SpendingShare / GdpShare = b_i / b̄: above 1, the member pays more than its GDP share.</param>
/// <param name="SpendingPerCapita">Defence spending per person, in the basis's currency (not its unit scale).</param>
/// <param name="Gaps">The distance to every target.</param>
public sealed record MemberBurden(
    MemberSpending Member,
    double? SpendingShare,
    double? GdpShare,
    double? BurdenAbilityRatio,
    double? SpendingPerCapita,
    IReadOnlyList<TargetGap> Gaps);

/// <summary>How many members meet a target, and the alliance's money shortfall to it.</summary>
/// <param name="Target">The target.</param>
/// <param name="Meeting">Members meeting it.</param>
/// <param name="WithData">Members with the data to tell.</param>
/// <param name="Shortfall">Σ of the members' money gaps; <c>null</c> unless every member with data has levels.</param>
public sealed record TargetCount(BurdenTarget Target, int Meeting, int WithData, double? Shortfall);

/// <summary>An alliance's burden-sharing indicators in one year.</summary>
/// <param name="Spending">The data they were computed from.</param>
/// <param name="Rule">How target compliance was counted.</param>
/// <param name="Members">Per-member indicators, in the order of <see cref="AllianceSpending.Members"/>.</param>
/// <param name="Counts">Per target: members meeting it and the money shortfall.</param>
/// <param name="AggregateBurden">Σ ME / Σ GDP in percent, over members with both; <c>null</c> without levels.</param>
/// <param name="AggregateBurdenWithoutPatron">The same without the patron (NATO: Europe and Canada).</param>
/// <param name="PatronSpendingShare">The patron's share of the alliance's defence spending.</param>
public sealed record AllianceBurden(
    AllianceSpending Spending,
    CountingRule Rule,
    IReadOnlyList<MemberBurden> Members,
    IReadOnlyList<TargetCount> Counts,
    double? AggregateBurden,
    double? AggregateBurdenWithoutPatron,
    double? PatronSpendingShare)
{
    /// <summary>The median member's % of GDP (members with a figure); <c>null</c> when none has one.</summary>
    public double? MedianPctGdp
    {
        get
        {
            var known = Members.Where(m => m.Member.PctGdp is not null).Select(m => m.Member.PctGdp!.Value).ToArray();
            return known.Length == 0 ? null : MathNet.Numerics.Statistics.Statistics.Median(known);
        }
    }
}

/// <summary>
/// Burden-sharing indicators: defence burden, shares of spending against shares of GDP, per-capita
/// spending, and the gaps to NATO's targets.
/// </summary>
/// <remarks>
/// b_i = ME_i / GDP_i; s^ME_i = ME_i / Σ ME; s^GDP_i = GDP_i / Σ GDP; burden/ability (fair-share) ratio
/// FSR_i = s^ME_i / s^GDP_i = b_i / b̄ with b̄ = Σ ME / Σ GDP; gap_i = max(0, τ·GDP_i − ME_i). The sums run
/// over members with both ME and GDP. Compliance counts use the value rounded to two decimals by
/// default, as NATO counts (NATO, "Defence Expenditure of NATO Countries"; Wales Summit Declaration
/// 2014 para. 14; The Hague Summit Declaration 2025). A member without a figure is left out of counts
/// and shares, never counted as zero.
/// </remarks>
public static class BurdenIndicators
{
    /// <summary>Computes every indicator for one alliance-year.</summary>
    public static AllianceBurden Compute(AllianceSpending spending, CountingRule rule = CountingRule.Printed)
    {
        ArgumentNullException.ThrowIfNull(spending);
        var members = spending.Members;
        var withLevels = members.Where(m => m.DefenceSpending is not null && m.Gdp is not null).ToList();
        var totalSpending = withLevels.Sum(m => m.DefenceSpending!.Value);
        var totalGdp = withLevels.Sum(m => m.Gdp!.Value);
        var hasLevels = withLevels.Count > 0 && totalGdp > 0;

        var rows = members.Select(m =>
        {
            var levels = hasLevels && m.DefenceSpending is not null && m.Gdp is not null;
            double? spendingShare = levels ? m.DefenceSpending!.Value / totalSpending : null;
            double? gdpShare = levels ? m.Gdp!.Value / totalGdp : null;
            double? ratio = spendingShare is { } s && gdpShare is { } g && g > 0 ? s / g : null;
            double? perCapita = m.DefenceSpending is { } me && m.Population is { } pop && pop > 0 && spending.Basis is { } basis
                ? me * UnitScale(basis.Unit) / (pop * 1000) : null;
            return new MemberBurden(m, spendingShare, gdpShare, ratio, perCapita, [.. BurdenTarget.All.Select(t => Gap(m, t, rule))]);
        }).ToList();

        var counts = BurdenTarget.All.Select(t =>
        {
            var gaps = rows.Select(r => r.Gaps.First(g => g.Target == t)).Where(g => g.Meets is not null).ToList();
            double? shortfall = gaps.Count > 0 && gaps.All(g => g.GapMoney is not null) ? gaps.Sum(g => g.GapMoney!.Value) : null;
            return new TargetCount(t, gaps.Count(g => g.Meets == true), gaps.Count, shortfall);
        }).ToList();

        double? aggregate = hasLevels ? 100 * totalSpending / totalGdp : null;
        double? withoutPatron = null;
        double? patronShare = null;
        if (hasLevels && spending.Patron is { } patron && withLevels.FirstOrDefault(m => m.Iso3 == patron) is { } p)
        {
            var others = withLevels.Where(m => m.Iso3 != patron).ToList();
            withoutPatron = others.Count > 0 ? 100 * others.Sum(m => m.DefenceSpending!.Value) / others.Sum(m => m.Gdp!.Value) : null;
            patronShare = p.DefenceSpending!.Value / totalSpending;
        }

        return new AllianceBurden(spending, rule, rows, counts, aggregate, withoutPatron, patronShare);
    }

    /// <summary>The value as counted: rounded half away from zero to two decimals for <see cref="CountingRule.Printed"/>.</summary>
    public static double Counted(double percent, CountingRule rule) =>
        rule == CountingRule.Printed ? Math.Round(percent, 2, MidpointRounding.AwayFromZero) : percent;

    private static TargetGap Gap(MemberSpending m, BurdenTarget target, CountingRule rule)
    {
        if (target.Kind == TargetKind.EquipmentShare)
        {
            if (m.EquipmentPct is not { } eq)
            {
                return new TargetGap(target, null, null, null);
            }

            var points = Math.Max(0, target.Percent - eq);
            double? money = m.DefenceSpending is { } me ? points / 100 * me : null;
            return new TargetGap(target, Counted(eq, rule) >= target.Percent, points, money);
        }

        if (m.PctGdp is not { } pct)
        {
            return new TargetGap(target, null, null, null);
        }

        double? moneyGap = m.Gdp is { } gdp && m.DefenceSpending is { } spent ? Math.Max(0, (target.Percent / 100 * gdp) - spent) : null;
        return new TargetGap(target, Counted(pct, rule) >= target.Percent, Math.Max(0, target.Percent - pct), moneyGap);
    }

    private static double UnitScale(string unit) => unit switch
    {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => 1,
    };
}
