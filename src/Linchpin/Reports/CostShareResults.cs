using Linchpin.Analysis;

namespace Linchpin.Reports;

/// <summary>The host-nation support results as <c>linchpin costshare</c> gives them: the ledger, and the negotiation events.</summary>
public static class CostShareResults
{
    /// <summary>The ledger: contributions per period, change, troops and the amount per soldier.</summary>
    public static TableResult Ledger(HostNationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = new ResultRows("period", "first_year", "last_year", "kind", "agreement", "amount", "currency", "unit", "amount_usd_million",
            "change_pct", "troops", "troops_year", "troops_approximate", "per_soldier_million", "note");
        foreach (var e in ledger.Entries)
        {
            rows.Add(e.Period, e.FirstYear, e.LastYear, e.Kind, e.Agreement, e.Amount, ledger.Currency, ledger.Unit, e.AmountUsdMillions,
                e.ChangePct, e.Troops, e.TroopsYear, e.Troops is null ? null : e.TroopsApproximate, e.AmountPerSoldier, e.Note);
        }

        return new TableResult($"{ledger.Host}: host-nation support for US forces ({ledger.Currency} {ledger.Unit}, current prices)", rows.Build(),
            ["period", "kind", "agreement", "amount", "amount_usd_million", "change_pct", "troops", "per_soldier_million"], ledger.Notes);
    }

    /// <summary>The negotiation events, by date.</summary>
    public static TableResult Events(HostNationLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rows = new ResultRows("date", "event", "source");
        foreach (var e in ledger.Events)
        {
            rows.Add(e.Date, e.Event, e.Source);
        }

        return new TableResult($"{ledger.Host}: cost-sharing negotiation events", rows.Build(), ["date", "event"],
            ledger.Events.Count == 0 ? ["no negotiation events in the data for this host"] : []);
    }
}
