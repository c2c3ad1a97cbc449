using System.Globalization;
using System.Text;

namespace Linchpin.Data;

/// <summary>Datasets that can be joined onto dyad-years.</summary>
[Flags]
public enum DyadJoins
{
    /// <summary>Keys only.</summary>
    None = 0,

    /// <summary>ATOP 5.1 alliance provisions (<c>atop_alliance</c>, <c>atop_defense</c>, ... <c>atop_consul</c>).</summary>
    Atop = 1,

    /// <summary>NMC 7.0 capabilities of each side (<c>milex1</c> ... <c>cinc1</c>, <c>milex2</c> ... <c>cinc2</c>).</summary>
    Nmc = 2,

    /// <summary>Fariss et al. GDP, GDP per capita and population of each side (<c>pwtrgdp1</c>, <c>mrgdppc1</c>, <c>pwtpop1</c>, ...).</summary>
    Gdp = 4,
}

/// <summary>What dyad-year frame to build.</summary>
/// <param name="From">First year (1816 or later).</param>
/// <param name="To">Last year. Beyond 2016, the end of the COW list, states in the system at its end are
/// assumed to stay in it (as peacesciencer's <c>mry</c> option does).</param>
/// <param name="Directed">Directed (A–B and B–A) or undirected (ccode1 &lt; ccode2).</param>
/// <param name="Joins">Datasets to join.</param>
public sealed record DyadYearRequest(int From, int To, bool Directed, DyadJoins Joins)
{
    /// <summary>First year of the COW state system.</summary>
    public const int FirstSystemYear = 1816;

    /// <summary>Last year of the COW state-system list (v2016).</summary>
    public const int LastListedYear = 2016;

    /// <summary>Checks the years.</summary>
    /// <param name="lastCompleteYear">The latest year that may be asked for (the last complete calendar year).</param>
    /// <exception cref="LinchpinException">A year is outside the coverage, or the range is reversed.</exception>
    public void Validate(int lastCompleteYear)
    {
        if (From < FirstSystemYear)
        {
            throw LinchpinException.NoData($"--from {From}: the COW state system begins in {FirstSystemYear}");
        }

        if (To > lastCompleteYear)
        {
            throw LinchpinException.NoData($"--to {To}: the last complete year is {lastCompleteYear}");
        }

        if (To < From)
        {
            throw new LinchpinException($"--to {To} is before --from {From}");
        }
    }
}

/// <summary>
/// Builds the state-system dyad-year frame and joins data onto it, matching the R package
/// peacesciencer's <c>create_dyadyears()</c>, <c>add_atop_alliance()</c> and <c>add_nmc()</c>
/// row for row: every pair of COW system members in a year, less the pairs that were members in
/// the same year but never on the same day; ATOP values 0 (not missing) inside ATOP's coverage
/// (1815–2018) and missing outside it; NMC values missing where NMC has none.
/// </summary>
public static class DyadYears
{
    private static readonly string[] AtopColumns = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];
    private static readonly string[] NmcColumns = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"];
    private static readonly string[] GdpColumns = ["pwtrgdp", "mrgdppc", "pwtpop"];

    /// <summary>
    /// The SQL query for the request, sorted by <c>ccode1, ccode2, year</c>; loads the datasets it needs into <paramref name="store"/>.
    /// </summary>
    public static string Query(WorldStore store, DyadYearRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var states = store.Require("cow_states");
        var atopCoverage = store.Dataset("atop_ddy").Coverage;
        var last = request.To;
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            WITH spells AS (
                SELECT ccode,
                       make_date(styear, stmonth, stday) AS st,
                       CASE WHEN endyear = {DyadYearRequest.LastListedYear} AND endmonth = 12 AND endday = 31
                            THEN make_date({Math.Max(last, DyadYearRequest.LastListedYear)}, 12, 31)
                            ELSE make_date(endyear, endmonth, endday) END AS en
                FROM {states}),
            state_years AS (
                SELECT s.ccode, y.year, s.st, s.en
                FROM spells s JOIN range({request.From}, {last + 1}) y(year)
                  ON y.year BETWEEN year(s.st) AND year(s.en)),
            dyads AS (
                SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year
                FROM state_years a JOIN state_years b
                  ON a.year = b.year AND a.ccode <> b.ccode {(request.Directed ? "" : "AND a.ccode < b.ccode")}
                -- both in the system on at least one common day of the year
                WHERE greatest(a.st, b.st, make_date(a.year, 1, 1)) <= least(a.en, b.en, make_date(a.year, 12, 31)))
            """);

        var select = new List<string> { "d.ccode1", "d.ccode2", "d.year" };
        var joins = new StringBuilder();
        if (request.Joins.HasFlag(DyadJoins.Atop))
        {
            var atop = store.Require("atop_ddy");
            var source = request.Directed
                ? atop
                : $"(SELECT least(ccode1, ccode2) AS ccode1, greatest(ccode1, ccode2) AS ccode2, year, "
                  + string.Join(", ", AtopColumns.Select(c => $"max({c}) AS {c}")) + $" FROM {atop} GROUP BY ALL)";
            joins.Append(CultureInfo.InvariantCulture, $"\nLEFT JOIN {source} t ON t.ccode1 = d.ccode1 AND t.ccode2 = d.ccode2 AND t.year = d.year");
            var covered = $"d.year BETWEEN {atopCoverage.First} AND {atopCoverage.Last}";
            select.Add($"CASE WHEN t.year IS NOT NULL THEN 1 WHEN {covered} THEN 0 END AS atop_alliance");
            select.AddRange(AtopColumns.Select(c => $"CASE WHEN t.year IS NOT NULL THEN t.{c} WHEN {covered} THEN 0 END AS {c}"));
        }

        if (request.Joins.HasFlag(DyadJoins.Nmc))
        {
            var nmc = store.Require("nmc");
            AddSides(select, joins, nmc, "n", NmcColumns);
        }

        if (request.Joins.HasFlag(DyadJoins.Gdp))
        {
            var gdp = store.Require("fariss_gdppop");
            AddSides(select, joins, gdp, "g", GdpColumns);
        }

        sql.Append(CultureInfo.InvariantCulture, $"\nSELECT {string.Join(", ", select)}\nFROM dyads d{joins}\nORDER BY d.ccode1, d.ccode2, d.year");
        return sql.ToString();
    }

    private static void AddSides(List<string> select, StringBuilder joins, string table, string alias, string[] columns)
    {
        foreach (var side in new[] { 1, 2 })
        {
            joins.Append(CultureInfo.InvariantCulture, $"\nLEFT JOIN {table} {alias}{side} ON {alias}{side}.ccode = d.ccode{side} AND {alias}{side}.year = d.year");
            select.AddRange(columns.Select(c => $"{alias}{side}.{c} AS {c}{side}"));
        }
    }
}
