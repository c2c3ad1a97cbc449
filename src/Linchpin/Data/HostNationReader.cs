using System.Globalization;
using System.Text.RegularExpressions;
using Linchpin.Analysis;

namespace Linchpin.Data;

/// <summary>One year's ROK contribution under a Special Measures Agreement.</summary>
/// <param name="Agreement">The SMA's number (1 = 1991).</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Amount">The contribution, billions of current won, or <c>null</c> where no amount is published.</param>
public sealed record SmaAmount(int Agreement, int Year, double? Amount);

/// <summary>Reads host-nation support ledgers: US–ROK Special Measures Agreements and US–Japan host-nation support.</summary>
public static partial class HostNationReader
{
    /// <summary>The ledger for a host: <c>KOR</c> or <c>JPN</c> (ISO3, COW abbreviation or code as <see cref="World.CountryDirectory.Resolve"/> takes).</summary>
    public static HostNationLedger Ledger(WorldStore store, string host)
    {
        ArgumentNullException.ThrowIfNull(store);
        var country = World.CountryDirectory.Shipped.Resolve(host);
        return country.Iso3 switch
        {
            "KOR" => Korea(store),
            "JPN" => Japan(store),
            _ => throw new LinchpinException($"no host-nation support data for '{host}' ({country.Name}): the data cover KOR and JPN"),
        };
    }

    /// <summary>The ROK's yearly contributions under the Special Measures Agreements (<c>us_rok_sma</c>), in billions of current won, in year order.</summary>
    public static IReadOnlyList<SmaAmount> SmaHistory(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.Query($"SELECT sma, year, krw_billion FROM {store.Require("us_rok_sma")} ORDER BY year").Rows
            .Select(r => new SmaAmount(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture), r[2] as double?))];
    }

    /// <summary>"1st", "2nd", "11th", …</summary>
    internal static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    private static HostNationLedger Korea(WorldStore store)
    {
        var rows = store.Query($"SELECT sma, year, krw_billion, usd_million, note FROM {store.Require("us_rok_sma")} ORDER BY year").Rows;
        var entries = rows.Select(r =>
        {
            var year = Convert.ToInt32(r[1], CultureInfo.InvariantCulture);
            var sma = Convert.ToInt32(r[0], CultureInfo.InvariantCulture);
            return new LedgerEntry(year.ToString(CultureInfo.InvariantCulture), year, year, "annual", $"{Ordinal(sma)} SMA",
                r[2] as double?, r[3] as double?, null, null, null, false, null, r[4] as string);
        }).ToList();
        var troops = WorldReader.UsDeployments(store).Where(t => t.Host == World.CountryDirectory.Shipped.Resolve("KOR").Code).ToList();
        var events = store.Query($"SELECT date, event, source FROM {store.Require("us_rok_sma_events")} ORDER BY date").Rows
            .Select(r => new NegotiationEvent((string)r[0]!, (string)r[1]!, (string)r[2]!)).ToList();
        return new HostNationLedger("KOR", "USA", "KRW", "billion", HostNationSupport.Derive(entries, troops), events,
        [
            "amounts: ROK contributions under the Special Measures Agreements, billions of current won; 1991-2004 the ROK MND chart gives US$ (usd_million)",
            "years without a known won amount are gaps: no change is computed across them",
            "troops: US forces in Korea as printed by the sources (about 28,500), carried forward at most 5 years",
            "share of ROK GDP: not computed, the shipped data have no GDP in current won",
        ]);
    }

    private static HostNationLedger Japan(WorldStore store)
    {
        var rows = store.Query($"SELECT period, kind, jpy_billion, agreement, note FROM {store.Require("us_japan_hns")}").Rows;
        var entries = rows.Select(r =>
        {
            var period = (string)r[0]!;
            var years = FiscalYear().Matches(period).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            if (years.Count == 0)
            {
                throw LinchpinException.NoData($"us_japan_hns: period '{period}' names no fiscal year");
            }

            return new LedgerEntry(period, years.Min(), years.Max(), (string)r[1]!, r[3] as string, r[2] as double?, null, null, null, null, false, null,
                r[4] as string);
        }).OrderBy(e => e.FirstYear).ThenBy(e => e.LastYear).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
        var troops = WorldReader.UsDeployments(store).Where(t => t.Host == World.CountryDirectory.Shipped.Resolve("JPN").Code).ToList();
        return new HostNationLedger("JPN", "USA", "JPY", "billion", HostNationSupport.Derive(entries, troops), [],
        [
            "amounts: Japan's host-nation support ('sympathy budget') in billions of current yen by Japanese fiscal year; annual budgets and agreement-level figures as the press reports them",
            "not a complete yearly series: years without a figure are gaps",
            "troops: US forces in Japan as printed by the sources, carried forward at most 5 years",
        ]);
    }

    [GeneratedRegex(@"FY(\d{4})")]
    private static partial Regex FiscalYear();
}
