using Linchpin.World;

namespace Linchpin.Analysis;

/// <summary>One entry of a host-nation support ledger: a year, or a span for agreement-level figures.</summary>
/// <param name="Period">As the source gives it: <c>2021</c>, <c>FY2016</c>, <c>FY2016-FY2020</c>.</param>
/// <param name="FirstYear">First (fiscal) year covered.</param>
/// <param name="LastYear">Last (fiscal) year covered; equal to <paramref name="FirstYear"/> for an annual entry.</param>
/// <param name="Kind">What the amount is: <c>annual</c>, <c>annual_budget</c>, <c>agreement_total</c>, <c>annual_average</c> ….</param>
/// <param name="Agreement">The agreement it falls under, e.g. <c>11th SMA</c>.</param>
/// <param name="Amount">The host's contribution in the ledger's currency and unit; <c>null</c> where no source gives it.</param>
/// <param name="AmountUsdMillions">Current US$ millions where the source gives dollars.</param>
/// <param name="ChangePct">Change on the previous year's amount, percent (annual entries in consecutive years only).</param>
/// <param name="Troops">Patron troops stationed, as printed in the latest source at or before the year (within <see cref="HostNationSupport.TroopFigureReach"/> years).</param>
/// <param name="TroopsYear">The year of that troop figure.</param>
/// <param name="TroopsApproximate">Whether the troop figure is printed as approximate.</param>
/// <param name="AmountPerSoldier">Amount per stationed soldier, in millions of the ledger's currency.</param>
/// <param name="Note">Remarks from the source.</param>
public sealed record LedgerEntry(
    string Period,
    int FirstYear,
    int LastYear,
    string Kind,
    string? Agreement,
    double? Amount,
    double? AmountUsdMillions,
    double? ChangePct,
    int? Troops,
    int? TroopsYear,
    bool TroopsApproximate,
    double? AmountPerSoldier,
    string? Note);

/// <summary>A dated event of a cost-sharing negotiation.</summary>
/// <param name="Date">ISO date (or year-month) as the source gives it.</param>
/// <param name="Event">What happened.</param>
/// <param name="Source">Where it is reported.</param>
public sealed record NegotiationEvent(string Date, string Event, string Source);

/// <summary>A host's cost-sharing contributions for the patron's forces, year by year, with the negotiation events.</summary>
/// <param name="Host">Host ISO3 (<c>KOR</c>, <c>JPN</c>).</param>
/// <param name="Patron">Patron ISO3 (<c>USA</c>).</param>
/// <param name="Currency">Currency of <see cref="LedgerEntry.Amount"/> (current prices).</param>
/// <param name="Unit">Scale of the amounts, e.g. <c>billion</c>.</param>
/// <param name="Entries">Entries in order of years; missing amounts stay <c>null</c>.</param>
/// <param name="Events">Negotiation events in date order.</param>
/// <param name="Notes">Caveats.</param>
public sealed record HostNationLedger(
    string Host,
    string Patron,
    string Currency,
    string Unit,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<NegotiationEvent> Events,
    IReadOnlyList<string> Notes);

/// <summary>Builds host-nation support ledgers: changes per year and per agreement, amounts per stationed soldier.</summary>
/// <remarks>
/// Change = A_t / A_{t−1} − 1 for annual amounts of consecutive years in the same currency; a year with
/// no known amount breaks the chain (no change is computed across a gap). Per soldier = amount / troops,
/// with the troop figure as printed (often "about 28,500"). Share of host GDP needs GDP in the host's
/// currency at current prices, which the shipped data lack, so it is not computed.
/// </remarks>
public static class HostNationSupport
{
    /// <summary>How many years a printed troop figure is carried forward.</summary>
    public const int TroopFigureReach = 5;

    /// <summary>
    /// Adds the derived columns (change, troops, per soldier) to raw entries.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> Derive(IReadOnlyList<LedgerEntry> entries, IReadOnlyList<TroopDeployment> troops)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(troops);
        var annual = entries.Where(e => e.FirstYear == e.LastYear && e.Amount is not null && IsAnnual(e.Kind))
            .GroupBy(e => e.FirstYear).ToDictionary(g => g.Key, g => g.First().Amount!.Value);
        return [.. entries.Select(e =>
        {
            double? change = IsAnnual(e.Kind) && e.FirstYear == e.LastYear && e.Amount is { } now && annual.TryGetValue(e.FirstYear - 1, out var before) && before > 0
                ? 100 * ((now / before) - 1) : null;
            var troop = troops.Where(t => t.Year <= e.LastYear && t.Year > e.LastYear - TroopFigureReach).MaxBy(t => t.Year);
            double? perSoldier = troop is not null && e.Amount is { } amount && IsAnnual(e.Kind) ? amount * 1000 / troop.Troops : null;
            return e with
            {
                ChangePct = change,
                Troops = troop?.Troops,
                TroopsYear = troop?.Year,
                TroopsApproximate = troop?.Approximate ?? false,
                AmountPerSoldier = perSoldier,
            };
        })];
    }

    /// <summary>Percent change from the first to the last year of <paramref name="agreement"/> against the year before it began.</summary>
    public static double? ChangeAtStart(HostNationLedger ledger, string agreement)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var first = ledger.Entries.Where(e => e.Agreement == agreement && e.Amount is not null && IsAnnual(e.Kind)).MinBy(e => e.FirstYear);
        return first?.ChangePct;
    }

    private static bool IsAnnual(string kind) => kind is "annual" or "annual_budget";
}
