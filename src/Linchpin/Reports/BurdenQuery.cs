using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>
/// Which alliance-year spending the burden results read, named as the <c>linchpin burden</c>
/// options name it; every value is checked when used, with the command's messages.
/// </summary>
/// <param name="Alliance"><c>nato</c> (NATO's own figures), or an ATOP alliance id such as <c>3180</c> (NMC spending with GDP).</param>
/// <param name="Source"><c>nato</c>, <c>nmc</c> or <c>auto</c> (NATO's figures where they cover the year).</param>
/// <param name="Edition">A NATO edition (release month, e.g. <c>2024-06</c>); <c>null</c> for the edition covering the most allies.</param>
/// <param name="Counting"><c>printed</c> (the two-decimal value, NATO's own way) or <c>exact</c>.</param>
/// <param name="AsPublished">NATO's figures as first published: the first edition released after the year, not the newest complete one.</param>
public sealed record BurdenQuery(string Alliance = "nato", string Source = "auto", string? Edition = null, string Counting = "printed", bool AsPublished = false)
{
    /// <summary>NATO's id in ATOP.</summary>
    public const int NatoAtopId = 3180;

    /// <summary>The counting rule.</summary>
    /// <exception cref="LinchpinException">An unknown rule.</exception>
    public CountingRule Rule() => (Counting ?? "").Trim().ToLowerInvariant() switch
    {
        "printed" => CountingRule.Printed,
        "exact" => CountingRule.Exact,
        var other => throw new LinchpinException($"--counting: unknown rule '{other}': use printed or exact"),
    };

    /// <summary>The alliance-year's spending as the query asks.</summary>
    /// <exception cref="LinchpinException">A bad option (bad input), or a year without data (data error).</exception>
    public AllianceSpending Spending(WorldStore store, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        var alliance = (Alliance ?? "").Trim().ToLowerInvariant();
        var source = (Source ?? "").Trim().ToLowerInvariant();
        if (source is not ("auto" or "nato" or "nmc"))
        {
            throw new LinchpinException($"--source: unknown source '{source}': use auto, nato or nmc");
        }

        if (alliance == "nato")
        {
            var covered = AllianceSpendingReader.NatoEditions(store).Any(e => e.AlliesByYear.ContainsKey(year));
            var atopCovers = store.Dataset("atop_member").Coverage.Contains(year);
            if (source == "nato" || (source == "auto" && (covered || Edition is not null || AsPublished || !atopCovers)))
            {
                return AllianceSpendingReader.Nato(store, year, Edition, AsPublished);
            }

            return AllianceSpendingReader.FromNmc(store, NatoAtopId, year) with { Alliance = "NATO" };
        }

        var id = alliance.StartsWith("atop:", StringComparison.Ordinal) ? alliance[5..] : alliance;
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var atopId))
        {
            throw new LinchpinException($"--alliance: '{Alliance}' is neither 'nato' nor an ATOP alliance id");
        }

        if (source == "nato" || Edition is not null || AsPublished)
        {
            throw new LinchpinException("--source nato, --edition and --as-published apply to --alliance nato only");
        }

        return AllianceSpendingReader.FromNmc(store, atopId, year);
    }
}
