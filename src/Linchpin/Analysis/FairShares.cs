namespace Linchpin.Analysis;

/// <summary>A rule for dividing an alliance's defence spending among its members.</summary>
public enum FairShareRule
{
    /// <summary>By share of GDP (ability to pay).</summary>
    Gdp,

    /// <summary>By share of population.</summary>
    Population,

    /// <summary>By share of threat exposure (benefit principle); exposure as supplied, see docs/models/burden-sharing.md.</summary>
    Exposure,

    /// <summary>Equal shares.</summary>
    Equal,
}

/// <summary>One member's actual spending against what a rule would assign it.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Country">Name.</param>
/// <param name="RuleShare">The member's share under the rule (its basis value over the sum); <c>null</c> without the basis.</param>
/// <param name="Actual">Actual defence spending, in the alliance-year's basis.</param>
/// <param name="Assigned">Rule share × the total spending of the members allocated.</param>
/// <param name="Difference">Actual − assigned (positive: spends more than the rule assigns).</param>
/// <param name="Ratio">Actual / assigned.</param>
public sealed record FairShare(string Iso3, string Country, double? RuleShare, double? Actual, double? Assigned, double? Difference, double? Ratio);

/// <summary>
/// Fair-share rules: the alliance's total defence spending divided by GDP share (ability to pay), by
/// population, by threat exposure (benefit principle), or equally; each member's actual spending set
/// against each. These are definitions, not verdicts.
/// </summary>
/// <remarks>
/// assigned_i = w_i / Σ_j w_j · Σ_j ME_j, over the members with both ME and the basis w (GDP,
/// population, exposure, or 1). Sandler &amp; Hartley (1995) discuss ability-to-pay and
/// benefits-received principles; Sandler &amp; Murdoch's benefit shares use population, exposed border
/// and GDP.
/// </remarks>
public static class FairShares
{
    /// <summary>Allocates the alliance total by a rule; <paramref name="exposure"/> (by ISO3) is needed for <see cref="FairShareRule.Exposure"/>.</summary>
    public static IReadOnlyList<FairShare> Allocate(AllianceSpending spending, FairShareRule rule, IReadOnlyDictionary<string, double>? exposure = null)
    {
        ArgumentNullException.ThrowIfNull(spending);
        if (rule == FairShareRule.Exposure && exposure is null)
        {
            throw new ArgumentNullException(nameof(exposure), "the exposure rule needs each member's exposure");
        }

        double? Weight(MemberSpending m) => rule switch
        {
            FairShareRule.Gdp => m.Gdp,
            FairShareRule.Population => m.Population,
            FairShareRule.Exposure => exposure!.TryGetValue(m.Iso3, out var e) ? e : null,
            _ => 1,
        };

        var allocated = spending.Members.Where(m => m.DefenceSpending is not null && Weight(m) is not null).ToList();
        var totalWeight = allocated.Sum(m => Weight(m)!.Value);
        var totalSpending = allocated.Sum(m => m.DefenceSpending!.Value);
        return [.. spending.Members.Select(m =>
        {
            if (!allocated.Contains(m) || totalWeight <= 0)
            {
                return new FairShare(m.Iso3, m.Country, null, m.DefenceSpending, null, null, null);
            }

            var share = Weight(m)!.Value / totalWeight;
            var assigned = share * totalSpending;
            var actual = m.DefenceSpending!.Value;
            return new FairShare(m.Iso3, m.Country, share, actual, assigned, actual - assigned, assigned > 0 ? actual / assigned : null);
        })];
    }

    /// <summary>Parses <c>gdp</c>, <c>population</c>, <c>exposure</c> or <c>equal</c>.</summary>
    public static FairShareRule ParseRule(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "gdp" => FairShareRule.Gdp,
        "population" or "pop" => FairShareRule.Population,
        "exposure" => FairShareRule.Exposure,
        "equal" => FairShareRule.Equal,
        _ => throw new LinchpinException($"unknown rule '{text}': use gdp, population, exposure or equal"),
    };
}
