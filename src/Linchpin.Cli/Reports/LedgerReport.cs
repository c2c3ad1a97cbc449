using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Cli.Plots;
using Linchpin.Data;

namespace Linchpin.Cli.Reports;

/// <summary>
/// The report's Asian sections: the US allies outside NATO beside NATO on one basis (% of GDP), and the
/// Korea and Japan cost-sharing ledgers, amounts as published (KRW and JPY billion, current prices).
/// </summary>
internal static class LedgerReport
{
    private static readonly string[] AsianAllies = ["KOR", "JPN", "PHL", "AUS"];

    /// <summary>Adds the sections and their key judgements; returns the datasets read.</summary>
    public static IReadOnlyList<string> Add(HtmlReport report, WorldStore store, List<(string Text, string Source, string? Anchor)> judgements)
    {
        var used = new List<string> { StartYearSpending.NationalBudgetDataset, "us_rok_sma", "us_rok_sma_events", "us_japan_hns", "us_troops" };
        AsiaBesideNato(report, store);
        foreach (var host in new[] { "KOR", "JPN" })
        {
            Ledger(report, store, host, judgements);
        }

        return used;
    }

    private static void AsiaBesideNato(HtmlReport report, WorldStore store)
    {
        var national = DefenceBudgetReader.NationalBudgets(store, 2014, 2025).Where(f => AsianAllies.Contains(f.Iso3)).ToList();
        var years = national.Select(f => f.Year).Distinct().Order().ToList();
        report.Heading("The US allies in Asia beside NATO", id: "asia");
        report.Paragraph("Defence spending as % of GDP, the one basis the sources share: each a % of nominal GDP in the country's own currency and prices. " +
            "The budget concepts differ (a government's defence budget against NATO's definition of defence expenditure, which counts e.g. pensions and " +
            "paramilitary forces), so read levels side by side with that in mind. Blank: no published figure.");
        var nato = new Dictionary<int, (double? Median, string Edition)>();
        foreach (var year in years)
        {
            try
            {
                var spending = AllianceSpendingReader.Nato(store, year);
                if (!spending.Partial)
                {
                    nato[year] = (BurdenIndicators.Compute(spending).MedianPctGdp, spending.Source);
                }
            }
            catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
            {
                // No NATO figures that year: the NATO columns stay blank.
            }
        }

        report.Table(["year", .. AsianAllies, "NATO median ally", "NATO edition"], years.Select(year => (IReadOnlyList<object?>)
        [
            year, .. AsianAllies.Select(iso3 => national.FirstOrDefault(f => f.Iso3 == iso3 && f.Year == year) is { PctGdp: { } p } f ? Fixed.Percent(p, f.Estimate) : null),
            nato.TryGetValue(year, out var n) ? Fixed.Percent(n.Median) : null, nato.TryGetValue(year, out var e) ? e.Edition : null,
        ]));
        report.List(national.GroupBy(f => f.Iso3).Select(g => $"{g.Key}: {Concept(g.First().Source)} ({g.First().Source.Split(',')[0]})")
            .Append("NATO: the median ally in the newest edition with every ally's figure for the year (years without one are blank).")
            .Append("Japan and Australia report fiscal years; each figure counts in the calendar year the dataset assigns (data/SOURCES.md)."), "note");
    }

    /// <summary>The budget concept of a national figure's source text (after its "dataset, year: " prefix).</summary>
    private static string Concept(string source) => source.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? source[(at + 2)..] : source;

    private static void Ledger(HtmlReport report, WorldStore store, string host, List<(string Text, string Source, string? Anchor)> judgements)
    {
        var ledger = HostNationReader.Ledger(store, host);
        report.Heading(host == "KOR" ? "Korea: the Special Measures Agreements" : "Japan: host-nation support", id: host == "KOR" ? "sma" : "hns");
        report.Plot(BurdenCharts.Ledger(ledger), host == "KOR"
            ? "ROK contributions under the SMAs, billions of current won; dotted lines mark years without a won figure."
            : "Japan's host-nation support budgets, billions of current yen by fiscal year.", 1000, 520);
        var computed = host == "KOR" ? SmaIndexed(store, ledger) : [];
        report.Table(["period", "kind", "agreement", $"{ledger.Currency} {ledger.Unit} (current prices)", "status", "US$ million", "change %", "US troops (as printed)", $"per soldier ({ledger.Currency} million)"],
            ledger.Entries.Select(e =>
            {
                var projected = e.Note?.Contains("projection", StringComparison.OrdinalIgnoreCase) == true;
                var filled = e.Amount is null && computed.TryGetValue(e.FirstYear, out var c) && e.FirstYear == e.LastYear ? c : (double?)null;
                return (IReadOnlyList<object?>)
                [
                    e.Period, e.Kind, e.Agreement, Fixed.Amount(e.Amount ?? filled, 1),
                    projected ? "projection at signing" : filled is not null ? "computed by the agreement's rule (not a published figure)" : e.Amount is null ? "not found" : "published",
                    Fixed.Amount(e.AmountUsdMillions, 0), Fixed.Amount(e.ChangePct, 1),
                    e.Troops is null ? null : $"{(e.TroopsApproximate ? "about " : "")}{e.Troops.Value.ToString("N0", CultureInfo.InvariantCulture)} ({e.TroopsYear})",
                    Fixed.Amount(e.AmountPerSoldier, 1),
                ];
            }));
        if (ledger.Events.Count > 0)
        {
            report.Heading("Negotiation events", 3);
            report.Table(["date", "event"], ledger.Events.Select(e => (IReadOnlyList<object?>)[e.Date, e.Event]));
        }

        var notes = ledger.Notes.ToList();
        if (computed.Count > 0)
        {
            notes.Add($"11th SMA rule: each year from 2022 rises by the previous year's growth of the ROK defence budget (MND original budget, {StartYearSpending.NationalBudgetDataset}). " +
                $"Applied to the 2022 projection it gives {string.Join(", ", computed.Select(c => $"{c.Key}: {c.Value.ToString("#,##0.0", CultureInfo.InvariantCulture)}"))} KRW bn; " +
                "the 2023 and 2024 amounts themselves were not found in the stored sources, so these are the rule's values, and the rule's 2025 value can be checked against the published 1,402.8.");
        }

        report.List(notes, "note");
        var latest = ledger.Entries.Where(e => e.Amount is not null && e.FirstYear == e.LastYear).MaxBy(e => e.FirstYear);
        if (latest is not null)
        {
            judgements.Add((host == "KOR"
                    ? $"Korea pays KRW {latest.Amount!.Value.ToString("#,##0.0", CultureInfo.InvariantCulture)} bn (current prices) in {latest.Period} under the {latest.Agreement}{(latest.ChangePct is { } ch ? $", {ch.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)}% on the year before" : "")}."
                    : $"Japan's host-nation support budget: JPY {latest.Amount!.Value.ToString("#,##0.0", CultureInfo.InvariantCulture)} bn (current prices) in {latest.Period}{(latest.Agreement is null ? "" : $" under {latest.Agreement}")}.",
                host == "KOR" ? "us_rok_sma (ROK MND, MOFA, as cited per row)" : "us_japan_hns (Japan MOD budgets, as cited per row)", host == "KOR" ? "sma" : "hns"));
        }
    }

    /// <summary>
    /// The 11th SMA's amounts for years without a published figure, by its rule: each year is the year
    /// before times the growth of the ROK defence budget the year before (KRW bn by year).
    /// </summary>
    private static Dictionary<int, double> SmaIndexed(WorldStore store, HostNationLedger ledger)
    {
        var budgets = store.Query($"SELECT year, budget_lcu_bn FROM {store.Require(StartYearSpending.NationalBudgetDataset)} WHERE iso3 = 'KOR' AND budget_lcu_bn IS NOT NULL").Rows
            .ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        var amounts = ledger.Entries.Where(e => e.Agreement == "11th SMA" && e.FirstYear == e.LastYear && e.Amount is not null)
            .ToDictionary(e => e.FirstYear, e => e.Amount!.Value);
        var computed = new Dictionary<int, double>();
        foreach (var entry in ledger.Entries.Where(e => e.Agreement == "11th SMA" && e.FirstYear == e.LastYear && e.FirstYear >= 2023).OrderBy(e => e.FirstYear))
        {
            var year = entry.FirstYear;
            var before = computed.TryGetValue(year - 1, out var c) ? c : amounts.TryGetValue(year - 1, out var a) ? a : (double?)null;
            if (before is not { } previous || !budgets.TryGetValue(year - 1, out var budget) || !budgets.TryGetValue(year - 2, out var earlier) || earlier <= 0)
            {
                break;
            }

            computed[year] = Math.Round(previous * budget / earlier, 1, MidpointRounding.AwayFromZero);
            if (entry.Amount is not null)
            {
                break; // a published year: its rule value is kept only for the check in the notes
            }
        }

        return computed;
    }
}
