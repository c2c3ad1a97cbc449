using System.Globalization;
using Linchpin.Data.Importers;

namespace Linchpin.Data;

/// <summary>A strategic rivalry between two states over a span of years.</summary>
/// <param name="Ccode1">COW code of one rival.</param>
/// <param name="Ccode2">COW code of the other.</param>
/// <param name="Start">First year.</param>
/// <param name="End">Last year, or <c>null</c> if ongoing at the end of the data.</param>
public readonly record struct Rivalry(int Ccode1, int Ccode2, int Start, int? End)
{
    /// <summary>Whether the rivalry is active in <paramref name="year"/>.</summary>
    public bool ActiveIn(int year) => year >= Start && (End is not { } end || year <= end);
}

/// <summary>
/// Directed alliance pledges by dyad-year, from ATOP 5.1 (shipped) or from a user's imported copy
/// of the COW Formal Alliances v4.1, in one shape (<see cref="AtopDyadYears"/>): a row's provisions
/// are what ccode1 pledges to ccode2. COW has no offence pledge (always 0), and its entente is
/// ATOP's consultation.
/// </summary>
public static class AlliancePledges
{
    /// <summary>The last year of COW Formal Alliances v4.1.</summary>
    public const int LastCowYear = 2012;

    /// <summary>ATOP 5.1 directed dyad-years, with the source label <c>atop_ddy 5.1</c>.</summary>
    public static (AtopDyadYears Pledges, string Source) Atop()
    {
        var dataset = DatasetCatalog.FindShipped("atop_ddy")!;
        return (ShippedDyadData.ReadAtop(), $"{dataset.Name} {dataset.Version}");
    }

    /// <summary>
    /// The user's imported COW Formal Alliances: the dyad table if imported (an undirected row
    /// pledges both ways), else the member table (each member pledges its own obligations to every
    /// other member of the alliance over the years both are in it). A dyad-year in several
    /// alliances appears once per alliance.
    /// </summary>
    /// <exception cref="LinchpinException">Neither table has been imported (a data error naming the import command).</exception>
    public static (AtopDyadYears Pledges, string Source) Cow(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var names = store.Datasets.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var end = $"DATE '{LastCowYear}-12-31'";
        string sql;
        string table;
        if (names.Contains(CowAllianceImporter.DyadTable))
        {
            table = store.Require(CowAllianceImporter.DyadTable);
            sql = $"""
                WITH spells AS (
                    SELECT ccode1 AS a, ccode2 AS b, dyad_st_date AS s, coalesce(dyad_end_date, {end}) AS e, defense, neutrality, nonaggression, entente FROM {table}
                    UNION ALL
                    SELECT ccode2, ccode1, dyad_st_date, coalesce(dyad_end_date, {end}), defense, neutrality, nonaggression, entente FROM {table} WHERE NOT directed)
                SELECT a, b, y, max(defense), max(neutrality), max(nonaggression), max(entente)
                FROM (SELECT *, unnest(range(year(s), year(e) + 1)) AS y FROM spells)
                GROUP BY a, b, y ORDER BY a, b, y
                """;
        }
        else if (names.Contains(CowAllianceImporter.MemberTable))
        {
            table = store.Require(CowAllianceImporter.MemberTable);
            sql = $"""
                WITH pairs AS (
                    SELECT m.ccode AS a, o.ccode AS b, greatest(m.mem_st_date, o.mem_st_date) AS s,
                           least(coalesce(m.mem_end_date, {end}), coalesce(o.mem_end_date, {end})) AS e,
                           m.defense, m.neutrality, m.nonaggression, m.entente
                    FROM {table} m JOIN {table} o ON m.version4id = o.version4id AND m.ccode <> o.ccode)
                SELECT a, b, y, max(defense), max(neutrality), max(nonaggression), max(entente)
                FROM (SELECT *, unnest(range(year(s), year(e) + 1)) AS y FROM pairs WHERE s <= e)
                GROUP BY a, b, y ORDER BY a, b, y
                """;
        }
        else
        {
            throw LinchpinException.NoData(
                $"the COW Formal Alliances are not imported: run 'linchpin data import cow-alliances FILE' with your copy of alliance_v4.1_by_member.csv or a dyad file");
        }

        var rows = store.Query(sql).Rows;
        var n = rows.Count;
        int[] ccode1 = new int[n], ccode2 = new int[n], year = new int[n];
        var provisions = Enumerable.Range(0, 5).Select(_ => new int[n]).ToArray();
        for (var r = 0; r < n; r++)
        {
            int At(int c) => rows[r][c] is null ? 0 : Convert.ToInt32(rows[r][c], CultureInfo.InvariantCulture);
            (ccode1[r], ccode2[r], year[r]) = (At(0), At(1), At(2));
            provisions[0][r] = At(3);
            provisions[2][r] = At(4);
            provisions[3][r] = At(5);
            provisions[4][r] = At(6);
        }

        var version = store.Dataset(table).Version;
        return (new AtopDyadYears(ccode1, ccode2, year, provisions, new YearRange(1816, LastCowYear)), $"{table} {version}");
    }

    /// <summary>The strategic rivalries of Thompson, Sakuwa and Suhas (shipped <c>tss_rivalries</c>).</summary>
    public static IReadOnlyList<Rivalry> Rivalries()
    {
        var dataset = DatasetCatalog.FindShipped("tss_rivalries")!;
        using var stream = DatasetCatalog.OpenShipped(dataset);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return [.. CsvInput.Parse(dataset.FileName, buffer.ToArray()).Rows.Select(r =>
            new Rivalry(r.RequiredInt("ccode1"), r.RequiredInt("ccode2"), r.RequiredInt("start"), r.WholeNumber("end")))];
    }

    /// <summary>
    /// ATOP 5.1 alliance memberships by state-year (shipped <c>atop_sy</c>, columns <c>atopid1</c> …):
    /// one (alliance, year, member) triple for each alliance a state is in that year.
    /// </summary>
    public static IReadOnlyList<(int AllianceId, int Year, int Ccode)> AtopMemberships()
    {
        var dataset = DatasetCatalog.FindShipped("atop_sy")!;
        using var stream = DatasetCatalog.OpenShipped(dataset);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var input = CsvInput.Parse(dataset.FileName, buffer.ToArray());
        var columns = Enumerable.Range(1, 200).Select(i => $"atopid{i}").Where(input.Has).ToArray();
        var result = new List<(int, int, int)>();
        foreach (var row in input.Rows)
        {
            var (state, year) = (row.RequiredInt("state"), row.RequiredInt("year"));
            foreach (var column in columns)
            {
                if (row.WholeNumber(column) is { } id)
                {
                    result.Add((id, year, state));
                }
            }
        }

        return result;
    }

    /// <summary>CINC by state-year from the shipped NMC 7.0.</summary>
    public static StateYearTable Capabilities() => ShippedDyadData.Load(DyadJoins.Nmc).Nmc!;
}
