using System.Globalization;
using System.Text.RegularExpressions;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>Reads the world's domain records (<see cref="Linchpin.World"/>) out of a <see cref="WorldStore"/>.</summary>
public static partial class WorldReader
{
    private static readonly CowCode UnitedStates = CowCode.From(2);

    /// <summary>
    /// Country-years for the given years: NMC 7.0 capabilities and Fariss et al. GDP and population.
    /// A value a source lacks is <c>null</c>; a year outside a source's coverage has <c>null</c> for its values.
    /// </summary>
    public static IReadOnlyList<CountryYear> CountryYears(WorldStore store, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var nmc = store.Dataset(store.Require("nmc"));
        var gdp = store.Dataset(store.Require("fariss_gdppop"));
        var nmcTag = $"{nmc.Name} {nmc.Version}";
        var gdpTag = $"{gdp.Name} {gdp.Version}";
        var table = store.Query(
            """
            SELECT coalesce(n.ccode, g.ccode) AS ccode, coalesce(n.year, g.year) AS year,
                   n.tpop, g.pwtrgdp, n.milex, n.milper, n.irst, n.pec, n.upop, n.cinc
            FROM (SELECT * FROM nmc WHERE year BETWEEN $from AND $to) n
            FULL JOIN (SELECT * FROM fariss_gdppop WHERE year BETWEEN $from AND $to) g ON n.ccode = g.ccode AND n.year = g.year
            ORDER BY 1, 2
            """,
            ("from", from), ("to", to));
        return [.. table.Rows.Select(r => new CountryYear(
            CowCode.From(Convert.ToInt32(r[0], CultureInfo.InvariantCulture)), Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
            Tag(r[2], nmcTag), Tag(r[3], gdpTag), Tag(r[4], nmcTag), Tag(r[5], nmcTag), Tag(r[6], nmcTag), Tag(r[7], nmcTag), Tag(r[8], nmcTag),
            Tag(r[9], nmcTag)))];
    }

    /// <summary>
    /// ATOP 4.01 alliances with each member's own obligations (one entry per member and phase).
    /// Member codes that are not COW state codes (ATOP 4.01 has one: 8152 in alliance 1320) are left out.
    /// </summary>
    public static IReadOnlyList<Alliance> AtopAlliances(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Require("atop_alliance");
        store.Require("atop_member");
        var names = CountryDirectory.Shipped;
        var members = store.Query(
            """
            SELECT m.atopid, m.member, m.yrent, m.yrexit, m.defense, m.offense, m.neutral, m.nonagg, m.consul, a.begyr, a.endyr
            FROM atop_member m JOIN atop_alliance a USING (atopid)
            ORDER BY m.atopid, m.member, m.yrent
            """);
        return [.. members.Rows
            .GroupBy(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture))
            .Select(g =>
            {
                var rows = g.ToList();
                var list = rows.Where(r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture) is >= 2 and <= 999).Select(r => new AllianceMember(
                    CowCode.From(Convert.ToInt32(r[1], CultureInfo.InvariantCulture)),
                    Convert.ToInt32(r[2], CultureInfo.InvariantCulture),
                    ZeroIsOngoing(r[3]),
                    Pledges(r[4], r[5], r[6], r[7], r[8]))).ToList();
                var codes = list.Select(m => m.Code).Distinct().ToList();
                var name = codes.Count <= 4
                    ? string.Join("–", codes.Select(c => names.Find(c)?.Iso3 ?? names.Find(c)?.Abbreviation ?? c.ToString()))
                    : $"{codes.Count} members";
                return new Alliance(g.Key, "atop 4.01", $"ATOP {g.Key}: {name}", Convert.ToInt32(rows[0][9], CultureInfo.InvariantCulture),
                    ZeroIsOngoing(rows[0][10]), list);
            })];
    }

    /// <summary>
    /// What <paramref name="from"/> pledges to <paramref name="to"/> in <paramref name="year"/> under ATOP 5.1:
    /// <see cref="Obligations.None"/> when ATOP covers the year and records no alliance, <c>null</c> when the
    /// year is outside ATOP's coverage (no data, which is not the same as no alliance).
    /// </summary>
    public static Obligations? Pledges(WorldStore store, CowCode from, CowCode to, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        var atop = store.Dataset(store.Require("atop_ddy"));
        if (!atop.Coverage.Contains(year))
        {
            return null;
        }

        var rows = store.Query(
            "SELECT atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul FROM atop_ddy WHERE ccode1 = $a AND ccode2 = $b AND year = $y",
            ("a", from.Value), ("b", to.Value), ("y", year)).Rows;
        return rows.Count == 0 ? Obligations.None : Pledges(rows[0][0], rows[0][1], rows[0][2], rows[0][3], rows[0][4]);
    }

    /// <summary>US troop deployments as printed by the sources (Japan, Korea).</summary>
    public static IReadOnlyList<TroopDeployment> UsDeployments(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.Query($"SELECT host, year, us_troops_as_printed, attribution, source FROM {store.Require("us_troops")} ORDER BY host, year");
        var countries = CountryDirectory.Shipped;
        return [.. table.Rows.Select(r =>
        {
            var host = (string)r[0]!;
            var code = host switch
            {
                "Japan" => countries.Resolve("JPN").Code,
                "South Korea" => countries.Resolve("KOR").Code,
                _ => throw LinchpinException.NoData($"us_troops: unknown host '{host}'"),
            };
            var printed = (string)r[2]!;
            var number = FirstNumber().Match(printed);
            if (!number.Success)
            {
                throw LinchpinException.NoData($"us_troops: no number in '{printed}'");
            }

            var troops = int.Parse(number.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var approximate = printed.Contains("about", StringComparison.OrdinalIgnoreCase) || printed.Contains("approx", StringComparison.OrdinalIgnoreCase);
            return new TroopDeployment(UnitedStates, code, Convert.ToInt32(r[1], CultureInfo.InvariantCulture), troops, approximate, $"{r[3]}; {r[4]}");
        })];
    }

    /// <summary>
    /// The US–ROK Special Measures Agreements with their annual contributions: billions of current won
    /// where the source gives won, else millions of current US dollars (1992–1994, 1996–1999, 2001–2002
    /// are known only in dollars); a year with no known amount has a <c>null</c> amount.
    /// </summary>
    public static IReadOnlyList<CostSharingAgreement> KoreaSpecialMeasures(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.Query($"SELECT sma, year, krw_billion, usd_million, note FROM {store.Require("us_rok_sma")} ORDER BY year");
        var korea = CountryDirectory.Shipped.Resolve("KOR").Code;
        return [.. table.Rows
            .GroupBy(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture))
            .Select(g =>
            {
                var payments = g.Select(r =>
                {
                    Money? amount = r[2] is double won ? Money.Of(won, "KRW", 1e9, "current")
                        : r[3] is double dollars ? Money.Of(dollars, "USD", 1e6, "current")
                        : null;
                    return new CostSharingPayment(Convert.ToInt32(r[1], CultureInfo.InvariantCulture), amount, r[4] as string);
                }).ToList();
                return new CostSharingAgreement(korea, UnitedStates, g.Key, payments.Min(p => p.Year), payments.Max(p => p.Year), payments);
            })];
    }

    private static Sourced<double>? Tag(object? value, string source) =>
        value is null ? null : new Sourced<double>(Convert.ToDouble(value, CultureInfo.InvariantCulture), source);

    private static int? ZeroIsOngoing(object? value) =>
        value is null || Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0 ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static Obligations Pledges(object? defense, object? offense, object? neutral, object? nonagg, object? consul)
    {
        static bool On(object? v) => v is not null && Convert.ToInt32(v, CultureInfo.InvariantCulture) == 1;
        var result = Obligations.None;
        if (On(defense))
        {
            result |= Obligations.Defense;
        }

        if (On(offense))
        {
            result |= Obligations.Offense;
        }

        if (On(neutral))
        {
            result |= Obligations.Neutrality;
        }

        if (On(nonagg))
        {
            result |= Obligations.NonAggression;
        }

        if (On(consul))
        {
            result |= Obligations.Consultation;
        }

        return result;
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex FirstNumber();
}
