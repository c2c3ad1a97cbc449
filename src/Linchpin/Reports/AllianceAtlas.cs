using Linchpin.Alignment;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>
/// The alliance network of one year, and one state's profile, from the shipped data: states of the
/// COW system sized by CINC (NMC 7.0), pledges of ATOP 5.1 directed dyad-years, treaties of ATOP
/// 4.01 member-level data, and portfolio similarity to the patron.
/// </summary>
public static class AllianceAtlas
{
    /// <summary>The first year of the network (the COW state system begins in 1816).</summary>
    public const int FirstYear = 1816;

    /// <summary>The last year of the network (ATOP 5.1 ends in 2018; the state list of 2016 is carried on, as peacesciencer's mry option does).</summary>
    public const int LastYear = 2018;

    /// <summary>
    /// The network of <paramref name="year"/>: nodes (<c>ccode, abb, name, iso3, cinc</c>) of every state in the
    /// system that year, and edges (<c>ccode1 &lt; ccode2</c>) with the obligations either side made
    /// (<c>defense, offense, neutral, nonagg, consul</c>: 1 if either pledged it) and whether each side pledged anything
    /// (<c>pledge_1to2</c>, <c>pledge_2to1</c>; one false is a one-sided pledge).
    /// </summary>
    /// <exception cref="LinchpinException">A year outside <see cref="FirstYear"/>–<see cref="LastYear"/> (data error).</exception>
    public static (ResultTable Nodes, ResultTable Edges) Network(WorldStore store, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (year is < FirstYear or > LastYear)
        {
            throw LinchpinException.NoData($"--year {year}: the alliance network covers {FirstYear}-{LastYear} (COW states, ATOP 5.1)");
        }

        store.Require("cow_states");
        store.Require("cow_iso3");
        store.Require("nmc");
        store.Require("atop_ddy");
        var nodes = store.Query(
            """
            WITH s AS (
              SELECT ccode, any_value(stateabb) AS abb, any_value(statenme) AS name FROM cow_states
              WHERE styear <= $year AND (endyear >= $year OR (endyear = 2016 AND $year > 2016)) GROUP BY ccode)
            SELECT s.ccode, s.abb, s.name, i.iso3, n.cinc
            FROM s LEFT JOIN (SELECT ccode, any_value(iso3) AS iso3 FROM cow_iso3 GROUP BY ccode) i ON i.ccode = s.ccode
                   LEFT JOIN nmc n ON n.ccode = s.ccode AND n.year = $year
            ORDER BY s.ccode
            """, ("year", year));
        var edges = store.Query(
            """
            WITH d AS (SELECT ccode1, ccode2, atop_defense AS de, atop_offense AS o, atop_neutral AS ne, atop_nonagg AS na, atop_consul AS c
                       FROM atop_ddy WHERE year = $year
                         AND (atop_defense + atop_offense + atop_neutral + atop_nonagg + atop_consul) > 0)
            SELECT least(ccode1, ccode2) AS ccode1, greatest(ccode1, ccode2) AS ccode2,
                   max(de) AS defense, max(o) AS offense, max(ne) AS neutral, max(na) AS nonagg, max(c) AS consul,
                   bool_or(ccode1 < ccode2) AS pledge_1to2, bool_or(ccode1 > ccode2) AS pledge_2to1
            FROM d GROUP BY 1, 2 ORDER BY 1, 2
            """, ("year", year));
        return (nodes, edges);
    }

    /// <summary>The state's ATOP 4.01 treaties: alliance id, entry and exit years, its obligations, and the other members.</summary>
    public static ResultTable Treaties(WorldStore store, int ccode)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Require("atop_member");
        return store.Query(
            """
            SELECT m.atopid, m.yrent AS entry_year, nullif(m.yrexit, 0) AS exit_year, m.bilat AS bilateral,
                   m.defense, m.offense, m.neutral, m.nonagg, m.consul,
                   (SELECT string_agg(DISTINCT CAST(o.member AS VARCHAR), ' ' ORDER BY CAST(o.member AS VARCHAR))
                      FROM atop_member o WHERE o.atopid = m.atopid AND o.member <> m.member) AS partners
            FROM atop_member m WHERE m.member = $ccode
            ORDER BY m.yrent, m.atopid
            """, ("ccode", ccode));
    }

    /// <summary>The state's NMC 7.0 figures, year by year.</summary>
    public static ResultTable Capabilities(WorldStore store, int ccode)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Require("nmc");
        return store.Query("SELECT year, milex, milper, irst, pec, tpop, upop, cinc FROM nmc WHERE ccode = $ccode ORDER BY year", ("ccode", ccode));
    }

    /// <summary>Portfolio similarity of two states year by year (<c>taub</c>, <c>s</c>, <c>kappa</c>), over the years both are in the system.</summary>
    public static ResultTable Similarity(AlliancePortfolios portfolios, int ccode, int patron)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        var options = SimilarityOptions.For(portfolios.Coding);
        var rows = new ResultRows("year", "taub", "s", "kappa");
        for (var year = portfolios.FirstYear; year <= portfolios.LastYear; year++)
        {
            if (!portfolios.Covers(year) || !portfolios.InSystem(ccode, year) || !portfolios.InSystem(patron, year))
            {
                continue;
            }

            if (portfolios.Compare(ccode, patron, year, options) is { } scores)
            {
                rows.Add(year, Finite(scores.Get(SimilarityMeasure.TauB)), Finite(scores.Get(SimilarityMeasure.S)), Finite(scores.Get(SimilarityMeasure.Kappa)));
            }
        }

        return rows.Build();
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
