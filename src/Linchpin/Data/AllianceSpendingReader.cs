using System.Globalization;
using System.Text.RegularExpressions;
using Linchpin.Analysis;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>One NATO release ("edition") of defence expenditure figures.</summary>
/// <param name="Id">Short id, the release month: <c>2024-06</c>.</param>
/// <param name="Title">The release as the data name it.</param>
/// <param name="AlliesByYear">How many allies the edition gives a figure for, per year.</param>
public sealed record NatoEdition(string Id, string Title, IReadOnlyDictionary<int, int> AlliesByYear);

/// <summary>
/// Reads alliance-year spending (<see cref="AllianceSpending"/>) out of the store: NATO's figures by
/// edition, or NMC military expenditure with GDP for any ATOP alliance.
/// </summary>
public static partial class AllianceSpendingReader
{
    /// <summary>The edition of NATO's 2019 release, which the <c>nato_2012_2019</c> table holds in full (2012–2019).</summary>
    public const string FullTableEdition = "2019-06";

    /// <summary>How many years GDP levels may lag behind the alliance-year before they count as missing.</summary>
    public const int MaxGdpLag = 2;

    private const string NatoPatron = "USA";

    /// <summary>Every NATO edition in the data, newest first.</summary>
    public static IReadOnlyList<NatoEdition> NatoEditions(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = store.Query(
            $"SELECT edition, year, count(*) FROM {store.Require("nato_pct_gdp")} WHERE iso3 IS NOT NULL AND pct_gdp IS NOT NULL GROUP BY ALL ORDER BY ALL").Rows;
        var full = store.Query(
            $"SELECT year, count(*) FROM {store.Require("nato_2012_2019")} WHERE \"Defense expenditure (% real GDP)\" IS NOT NULL GROUP BY ALL ORDER BY ALL").Rows;
        var editions = rows
            .GroupBy(r => EditionId((string)r[0]!))
            .Select(g => new NatoEdition(g.Key, (string)g.First()[0]!,
                g.Key == FullTableEdition
                    ? full.ToDictionary(r => Int(r[0]), r => Int(r[1]))
                    : g.ToDictionary(r => Int(r[1]), r => Int(r[2]))))
            .OrderByDescending(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return editions;
    }

    /// <summary>
    /// NATO allies' figures for <paramref name="year"/> from one edition: the one named; with
    /// <paramref name="asPublished"/>, the first edition released after the year (the figures NATO
    /// published at the time, before later revisions); otherwise the newest edition that gives every
    /// ally's figure for the year, or, when no edition does, the one covering the most allies (ties to
    /// the newest), marked partial. Allies are those the edition reports (NATO reports today's allies
    /// for past years too); Iceland, which has no armed forces, has no figure and is noted.
    /// </summary>
    /// <exception cref="LinchpinException">An unknown edition (bad input), or no edition covering the year as asked (data error).</exception>
    public static AllianceSpending Nato(WorldStore store, int year, string? edition = null, bool asPublished = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        var editions = NatoEditions(store);
        var roster = store.Query($"SELECT iso3 FROM {store.Require("nato_members")} WHERE accession_year <= $y ORDER BY iso3", ("y", year)).Rows
            .Select(r => (string)r[0]!).ToList();
        var withForces = roster.Count(iso3 => iso3 != "ISL");
        var covering = editions.Where(e => e.AlliesByYear.ContainsKey(year)).ToList();
        NatoEdition chosen;
        string selection;
        if (edition is not null)
        {
            if (asPublished)
            {
                throw new LinchpinException("--edition and --as-published both choose the edition: give one of them");
            }

            chosen = editions.FirstOrDefault(e => e.Id == edition.Trim())
                ?? throw new LinchpinException($"unknown NATO edition '{edition}': the data have {string.Join(", ", editions.Select(e => e.Id))}");
            if (!chosen.AlliesByYear.ContainsKey(year))
            {
                throw LinchpinException.NoData(
                    $"NATO edition {chosen.Id} has no figures for {year}: it covers {string.Join(", ", chosen.AlliesByYear.Keys.Order())}");
            }

            selection = "the edition asked for";
        }
        else if (covering.Count == 0)
        {
            throw LinchpinException.NoData(
                $"no NATO figures for {year}: NATO editions in the data cover {string.Join(", ", editions.SelectMany(e => e.AlliesByYear.Keys).Distinct().Order())}");
        }
        else if (asPublished)
        {
            chosen = covering.Where(e => ReleaseYear(e) > year).OrderBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault()
                ?? throw LinchpinException.NoData(
                    $"no NATO edition released after {year} covers {year} in the data (editions covering it: {string.Join(", ", covering.Select(e => e.Id))}); drop --as-published or name one with --edition");
            selection = $"as published: the first edition released after {year}";
        }
        else if (covering.Where(e => e.AlliesByYear[year] >= withForces).OrderByDescending(e => e.Id, StringComparer.Ordinal).FirstOrDefault() is { } complete)
        {
            chosen = complete;
            selection = "the newest edition with every ally's figure";
        }
        else
        {
            chosen = covering.OrderByDescending(e => e.AlliesByYear[year]).ThenByDescending(e => e.Id, StringComparer.Ordinal).First();
            selection = "no edition in the data gives every ally's figure for this year; this one covers the most allies";
        }

        var spending = chosen.Id == FullTableEdition ? FromFullTable(store, year, chosen) : FromEdition(store, year, chosen);
        var reported = spending.Members.Where(m => m.PctGdp is not null).Select(m => m.Iso3).ToHashSet();
        var absent = roster.Where(iso3 => iso3 != "ISL" && !reported.Contains(iso3)).ToList();
        var estimates = spending.Members.Count(m => m.PctGdp is not null && m.Estimate);
        var notes = new List<string> { $"edition {chosen.Id} ({selection}): figures for {reported.Count} of the {withForces} allies with armed forces in {year}" };
        if (estimates > 0)
        {
            notes.Add(estimates == reported.Count
                ? $"all {estimates} figures are NATO's estimates (marked estimate = true), not final figures"
                : $"{estimates} of the {reported.Count} figures are NATO's estimates (marked estimate = true)");
        }

        notes.AddRange(spending.Notes);
        spending = spending with { Notes = notes, Allies = withForces };
        return absent.Count == 0 ? spending : spending with
        {
            Partial = true,
            Notes = [.. spending.Notes, $"partial: edition {chosen.Id} gives figures for {reported.Count} of the {withForces} allies with armed forces in {year}; counts and medians cover those only, so they are not NATO's own counts (missing: {string.Join(", ", absent)})"],
        };
    }

    /// <summary>The year an edition was released, from its id (<c>2024-06</c> → 2024).</summary>
    public static int ReleaseYear(NatoEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return edition.Id.Length >= 4 && int.TryParse(edition.Id.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : int.MinValue;
    }

    /// <summary>
    /// Members of ATOP alliance <paramref name="atopId"/> in <paramref name="year"/> (ATOP 4.01 member
    /// level) with NMC 7.0 military expenditure and Fariss et al. GDP and population. NMC spending is in
    /// current US$ while the GDP estimates are in constant 2017 PPP dollars: the % of GDP mixes price
    /// bases, and the output says so.
    /// </summary>
    public static AllianceSpending FromNmc(WorldStore store, int atopId, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        var atop = store.Dataset(store.Require("atop_member"));
        var nmc = store.Dataset(store.Require("nmc"));
        var gdp = store.Dataset(store.Require("fariss_gdppop"));
        if (!atop.Coverage.Contains(year))
        {
            throw LinchpinException.NoData($"ATOP {atop.Version} alliance membership covers {atop.Coverage.First}-{atop.Coverage.Last}, not {year}");
        }

        store.Require("atop_alliance");
        if (store.Query("SELECT 1 FROM atop_alliance WHERE atopid = $id", ("id", atopId)).Rows.Count == 0)
        {
            throw new LinchpinException($"unknown ATOP alliance id {atopId}");
        }

        var rows = store.Query(
            """
            SELECT DISTINCT m.member, n.milex, g.pwtrgdp, g.pwtpop
            FROM atop_member m
            LEFT JOIN nmc n ON n.ccode = m.member AND n.year = $y
            LEFT JOIN fariss_gdppop g ON g.ccode = m.member AND g.year = $y
            WHERE m.atopid = $id AND m.yrent <= $y AND (m.yrexit = 0 OR m.yrexit >= $y) AND m.member BETWEEN 2 AND 999
            ORDER BY m.member
            """,
            ("id", atopId), ("y", year)).Rows;
        if (rows.Count == 0)
        {
            throw LinchpinException.NoData($"ATOP alliance {atopId} has no members in {year}");
        }

        var countries = CountryDirectory.Shipped;
        var members = rows.Select(r =>
        {
            var code = CowCode.From(Int(r[0]));
            var country = countries.Find(code);
            double? milex = r[1] is null ? null : Convert.ToDouble(r[1], CultureInfo.InvariantCulture) / 1000; // thousands → millions
            double? level = r[2] is null ? null : Convert.ToDouble(r[2], CultureInfo.InvariantCulture);
            double? pop = r[3] is null ? null : Convert.ToDouble(r[3], CultureInfo.InvariantCulture) * 1000;    // millions → thousands
            double? pct = milex is { } me && level is { } g && g > 0 ? 100 * me / g : null;
            return new MemberSpending(country?.Iso3 ?? country?.Abbreviation ?? code.ToString(), country?.Name ?? code.ToString(),
                pct, false, milex, level, level is null ? null : year, pop, null);
        }).ToList();
        var notes = new List<string>
        {
            $"members from ATOP {atop.Version} (alliance {atopId}); military expenditure from NMC {nmc.Version} (current US$); GDP and population from Fariss et al. {gdp.Version} (constant 2017 international dollars, PPP)",
            "price-basis caveat: % of GDP here divides current-dollar spending by constant-dollar PPP GDP; compare members within a year, not levels across years",
        };
        return new AllianceSpending($"ATOP {atopId}", year, $"NMC {nmc.Version}",
            new SpendingBasis("US$", "million", "spending current US$, GDP constant 2017 PPP", $"NMC {nmc.Version}; Fariss et al. {gdp.Version}"),
            members, members.Any(m => m.Iso3 == NatoPatron) ? NatoPatron : null, notes);
    }

    /// <summary>
    /// Each member's threat exposure by proximity: the CINC scores of the alliance's rivals — the
    /// states outside the alliance in an active strategic rivalry (Thompson, Sakuwa and Suhas) with
    /// at least one member — each discounted by the great-circle distance between the member's and
    /// the rival's capitals (<see cref="ThreatProximity"/>, Natural Earth capitals), in the latest
    /// year of each source not after the alliance-year. The basis of the <c>exposure</c> fair-share
    /// rule; documented in docs/models/burden-sharing.md.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="spending">The alliance-year.</param>
    /// <param name="decayKm">The decay distance <c>d₀</c>, km (an assumption, <see cref="ThreatProximity.DefaultDecayKm"/>).</param>
    /// <returns>Exposure by ISO3 (members without a capital in the data are left out), and the notes that state the rule and what is missing.</returns>
    public static (IReadOnlyDictionary<string, double> Exposure, IReadOnlyList<string> Notes) ThreatExposure(
        WorldStore store, AllianceSpending spending, double decayKm = ThreatProximity.DefaultDecayKm)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(spending);
        var tss = store.Dataset(store.Require("tss_rivalries"));
        var nmc = store.Dataset(store.Require("nmc"));
        var rivalryYear = Math.Min(spending.Year, tss.Coverage.Last);
        var cincYear = Math.Min(spending.Year, nmc.Coverage.Last);
        var countries = CountryDirectory.Shipped;
        var codes = spending.Members.ToDictionary(m => m.Iso3, m => Code(countries, m.Iso3));
        var memberCodes = codes.Values.Where(c => c is not null).Select(c => c!.Value.Value).ToHashSet();
        var rivals = store.Query(
            "SELECT ccode1, ccode2 FROM tss_rivalries WHERE start <= $y AND \"end\" >= $y", ("y", (object)rivalryYear)).Rows
            .Select(r => (A: Int(r[0]), B: Int(r[1])))
            .SelectMany(r => memberCodes.Contains(r.A) ? [r.B] : memberCodes.Contains(r.B) ? new[] { r.A } : [])
            .Where(r => !memberCodes.Contains(r)).Distinct().Order().ToList();
        var cinc = store.Query("SELECT ccode, cinc FROM nmc WHERE year = $y AND cinc IS NOT NULL", ("y", (object)cincYear)).Rows
            .ToDictionary(r => Int(r[0]), r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        var capitals = Capitals(store);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"exposure = Σ over the alliance's rivals of CINC (NMC {nmc.Version}, {cincYear}) × exp(−d / {decayKm:0} km), d the great-circle distance between capitals (Natural Earth); rivals: non-members in a TSS rivalry active in {rivalryYear} with a member ({string.Join(", ", rivals.Select(r => countries.Find(CowCode.From(r))?.Abbreviation ?? r.ToString(CultureInfo.InvariantCulture)))}); d₀ = {decayKm:0} km is an assumption"),
        };
        var counted = new List<RivalCapability>();
        foreach (var r in rivals)
        {
            if (!capitals.TryGetValue(r, out var capital))
            {
                notes.Add($"rival {r}: no capital in capitals_natural_earth, left out of every member's exposure");
            }
            else if (!cinc.TryGetValue(r, out var score))
            {
                notes.Add($"rival {r}: no CINC score in NMC {nmc.Version} for {cincYear}, left out of every member's exposure");
            }
            else
            {
                counted.Add(new RivalCapability(r, score, capital));
            }
        }

        var exposure = new Dictionary<string, double>();
        foreach (var (iso3, code) in codes)
        {
            if (code is { } c && capitals.TryGetValue(c.Value, out var home))
            {
                exposure[iso3] = ThreatProximity.Exposure(home, counted, decayKm);
            }
            else
            {
                notes.Add($"{iso3}: no capital in capitals_natural_earth, so no exposure figure");
            }
        }

        return (exposure, notes);
    }

    /// <summary>Capitals by COW code (<c>capitals_natural_earth</c>); states whose capital the file lacks are absent.</summary>
    public static IReadOnlyDictionary<int, GeoPoint> Capitals(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Query($"SELECT ccode, lat, lon FROM {store.Require("capitals_natural_earth")} WHERE lat IS NOT NULL AND lon IS NOT NULL").Rows
            .ToDictionary(r => Int(r[0]), r => new GeoPoint(Convert.ToDouble(r[1], CultureInfo.InvariantCulture), Convert.ToDouble(r[2], CultureInfo.InvariantCulture)));
    }

    private static AllianceSpending FromFullTable(WorldStore store, int year, NatoEdition edition)
    {
        var rows = store.Query(
            """
            SELECT country_stanag, "Defense expenditure (% real GDP)", "Defense expenditure (USD, 2015 prices)",
                   "Real GDP (2015 prices)", "Equipment expenditure (%)"
            FROM nato_2012_2019 WHERE year = $y ORDER BY country_stanag
            """,
            ("y", year)).Rows;
        var population = Population(store, year);
        var countries = CountryDirectory.Shipped;
        var members = rows.Select(r =>
        {
            var iso3 = (string)r[0]!;
            return new MemberSpending(iso3, countries.FindIso3(iso3)?.Name ?? iso3, Double(r[1]), year == 2019,
                Double(r[2]) / 1e6, Double(r[3]) / 1e6, r[3] is null ? null : year, population.GetValueOrDefault(iso3), Double(r[4]));
        }).ToList();
        var notes = new List<string>
        {
            $"NATO edition {edition.Id} ({edition.Title}): % of real GDP, spending and real GDP in constant 2015 US$; equipment share from the same release",
            "population from the Maddison Project Database 2023",
        };
        notes.AddRange(MissingNotes(members));
        return new AllianceSpending("NATO", year, edition.Id,
            new SpendingBasis("US$", "million", "constant 2015 prices", $"NATO {edition.Id} (defence expenditure, real GDP)"), members, NatoPatron, notes);
    }

    private static AllianceSpending FromEdition(WorldStore store, int year, NatoEdition edition)
    {
        var rows = store.Query(
            $"SELECT iso3, country, pct_gdp, estimate, edition FROM nato_pct_gdp WHERE year = $y AND iso3 IS NOT NULL ORDER BY iso3", ("y", year)).Rows
            .Where(r => EditionId((string)r[4]!) == edition.Id).ToList();
        var (gdp, gdpYear) = MaddisonGdp(store, year);
        var population = Population(store, year);
        var equipment = store.Query(
            $"SELECT iso3, equipment_pct_of_defexp FROM {store.Require("nato_equipment")} WHERE year = $y AND iso3 IS NOT NULL", ("y", year)).Rows
            .GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => Double(g.First()[1]));
        var members = rows.Select(r =>
        {
            var iso3 = (string)r[0]!;
            var pct = Double(r[2]);
            double? level = gdp.TryGetValue(iso3, out var g) ? g : null;
            return new MemberSpending(iso3, (string)r[1]!, pct, r[3] is true, pct is { } p && level is { } l ? p / 100 * l : null, level,
                level is null ? null : gdpYear, population.GetValueOrDefault(iso3), equipment.GetValueOrDefault(iso3));
        }).ToList();
        var notes = new List<string> { $"NATO edition {edition.Id} ({edition.Title}): % of GDP as published" };
        if (gdpYear is { } gy)
        {
            notes.Add(gy == year
                ? "money amounts implied: NATO % of GDP x Maddison 2023 GDP (2011 international dollars, PPP)"
                : $"money amounts implied: NATO % of GDP x Maddison 2023 GDP of {gy} (the latest it has; 2011 international dollars, PPP)");
        }
        else
        {
            notes.Add($"no GDP levels for {year} (Maddison 2023 ends in 2022, more than {MaxGdpLag} years earlier): shares and money gaps are missing");
        }

        notes.Add("population from the Maddison Project Database 2023");
        if (equipment.Count > 0)
        {
            notes.Add("equipment shares: partial transcription of NATO figures (nato_equipment)");
        }

        notes.AddRange(MissingNotes(members));
        if (members.All(m => m.Iso3 != "ISL"))
        {
            notes.Add("ISL (Iceland) has no armed forces and is not in the edition's figures: left out of shares and counts");
        }

        SpendingBasis? basis = gdpYear is null ? null : new SpendingBasis("int$", "million", "constant 2011 prices (PPP)", "NATO % of GDP x Maddison 2023 GDP");
        return new AllianceSpending("NATO", year, edition.Id, basis, members, NatoPatron, notes);
    }

    private static IEnumerable<string> MissingNotes(IEnumerable<MemberSpending> members) =>
        members.Where(m => m.PctGdp is null).Select(m => m.Iso3 == "ISL"
            ? "ISL (Iceland) has no armed forces and no defence expenditure figure: left out of shares and counts"
            : $"{m.Iso3} has no figure in this edition: left out of shares and counts");

    /// <summary>GDP (millions of 2011 int$) by ISO3 for the year or the latest year within <see cref="MaxGdpLag"/> before it.</summary>
    private static (Dictionary<string, double> Gdp, int? Year) MaddisonGdp(WorldStore store, int year)
    {
        var maddison = store.Dataset(store.Require("maddison"));
        var gdpYear = Math.Min(year, maddison.Coverage.Last);
        if (year - gdpYear > MaxGdpLag)
        {
            return ([], null);
        }

        var gdp = store.Query("SELECT countrycode, gdppc * pop / 1000 FROM maddison WHERE year = $y AND gdppc IS NOT NULL AND pop IS NOT NULL", ("y", (object)gdpYear)).Rows
            .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        return (gdp, gdpYear);
    }

    /// <summary>Population (thousands) by ISO3 from Maddison for the year or the latest year within <see cref="MaxGdpLag"/> before it.</summary>
    private static Dictionary<string, double?> Population(WorldStore store, int year)
    {
        var maddison = store.Dataset(store.Require("maddison"));
        var popYear = Math.Min(year, maddison.Coverage.Last);
        return year - popYear > MaxGdpLag
            ? []
            : store.Query("SELECT countrycode, pop FROM maddison WHERE year = $y AND pop IS NOT NULL", ("y", (object)popYear)).Rows
                .ToDictionary(r => (string)r[0]!, r => (double?)Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
    }

    private static CowCode? Code(CountryDirectory countries, string iso3) =>
        countries.FindIso3(iso3)?.Code ?? countries.All.FirstOrDefault(c => c.Abbreviation == iso3)?.Code;

    /// <summary>The release month of an edition title (<c>2024-06 Defence Expenditure ...</c> → <c>2024-06</c>).</summary>
    public static string EditionId(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var match = ReleaseMonth().Match(title);
        return match.Success ? match.Value : title;
    }

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static double? Double(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{4}-\d{2}")]
    private static partial Regex ReleaseMonth();
}
