using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>Oracles measured on peacesciencer: create_dyadyears(directed = TRUE, mry = FALSE) |> add_atop_alliance() |> add_nmc().</summary>
public class DyadYearsTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly DyadInputs Inputs = ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc | DyadJoins.Gdp);
    private readonly WorldStore _store = fixture.Store;

    private static ResultTable Build(int from, int to, bool directed = true, DyadJoins joins = DyadJoins.Atop | DyadJoins.Nmc) =>
        DyadYears.Build(Inputs, new DyadYearRequest(from, to, directed, joins)).ToResultTable();

    [Fact]
    public void The_whole_frame_has_peacesciencers_row_count_and_rows_per_year()
    {
        var frame = DyadYears.Build(Inputs, new DyadYearRequest(1816, 2016, true, DyadJoins.None));
        var counts = frame.Year.ToArray().GroupBy(y => y).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(1_912_290L, counts.Values.Sum());
        Assert.Equal(506, counts[1816]);
        Assert.Equal(1980, counts[1914]);
        Assert.Equal(4290, counts[1946]);
        Assert.Equal(36290, counts[2000]);
        Assert.Equal(37830, counts[2016]);
    }

    [Fact]
    public void The_columns_are_peacesciencers()
    {
        var columns = Build(1990, 1990).Columns.Select(c => c.Name);
        Assert.Equal(
            ["ccode1", "ccode2", "year", "atop_alliance", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul",
             "milex1", "milper1", "irst1", "pec1", "tpop1", "upop1", "cinc1", "milex2", "milper2", "irst2", "pec2", "tpop2", "upop2", "cinc2"],
            columns);
    }

    [Fact]
    public void US_ROK_in_1990_matches_peacesciencer()
    {
        var table = Build(1990, 1990);
        var row = table.Rows.Single(r => Convert.ToInt32(r[0]) == 2 && Convert.ToInt32(r[1]) == 732);
        int At(string c) => Convert.ToInt32(row[table.IndexOf(c)]);
        Assert.Equal(1, At("atop_alliance"));
        Assert.Equal(1, At("atop_defense"));
        Assert.Equal(0, At("atop_offense"));
        Assert.Equal(0, At("atop_neutral"));
        Assert.Equal(1, At("atop_nonagg"));
        Assert.Equal(1, At("atop_consul"));
        Assert.Equal(0.14144771, (double)row[table.IndexOf("cinc1")]!, 12);
        Assert.Equal(0.017850056, (double)row[table.IndexOf("cinc2")]!, 12);
    }

    [Fact]
    public void Rows_are_sorted_by_ccode1_ccode2_year()
    {
        var keys = Build(1945, 1947, joins: DyadJoins.None).Rows.Select(r => (Convert.ToInt32(r[0]), Convert.ToInt32(r[1]), Convert.ToInt32(r[2]))).ToList();
        Assert.Equal(keys.Order().ToList(), keys);
        var all = DyadYears.Build(Inputs, new DyadYearRequest(1816, 2016, true, DyadJoins.None));
        for (var i = 1; i < all.RowCount; i++)
        {
            Assert.True((all.Ccode1[i - 1], all.Ccode2[i - 1], all.Year[i - 1]).CompareTo((all.Ccode1[i], all.Ccode2[i], all.Year[i])) < 0, $"row {i}");
        }
    }

    [Fact]
    public void Atop_is_zero_inside_its_coverage_and_missing_outside()
    {
        var inside = Build(2018, 2018);
        var noAlliance = inside.Rows.First(r => Convert.ToInt32(r[inside.IndexOf("atop_alliance")]) == 0);
        Assert.Equal(0, Convert.ToInt32(noAlliance[inside.IndexOf("atop_defense")]));
        var outside = Build(2019, 2019);
        Assert.All(outside.Rows, r => Assert.Null(r[outside.IndexOf("atop_alliance")]));
        Assert.All(outside.Rows, r => Assert.Null(r[outside.IndexOf("atop_defense")]));
    }

    [Fact]
    public void Nmc_is_missing_where_NMC_has_no_value_not_zero()
    {
        var table = Build(2019, 2019, joins: DyadJoins.Nmc);
        Assert.Contains(table.Rows, r => r[table.IndexOf("milex1")] is null);
        Assert.All(table.Rows, r => Assert.True(r[table.IndexOf("cinc1")] is null || (double)r[table.IndexOf("cinc1")]! >= 0));
    }

    [Fact]
    public void States_in_the_system_at_the_end_of_the_list_are_carried_past_2016()
    {
        var count2016 = Build(2016, 2016, joins: DyadJoins.None).Rows.Count;
        Assert.Equal(count2016, Build(2020, 2020, joins: DyadJoins.None).Rows.Count);
    }

    [Fact]
    public void Undirected_dyads_are_half_the_directed_ones_and_take_the_stronger_direction()
    {
        var directed = Build(1990, 1990);
        var undirected = Build(1990, 1990, directed: false);
        Assert.Equal(directed.Rows.Count / 2, undirected.Rows.Count);
        Assert.All(undirected.Rows, r => Assert.True(Convert.ToInt32(r[0]) < Convert.ToInt32(r[1])));
        var defense = directed.IndexOf("atop_defense");
        foreach (var row in undirected.Rows.Take(2000))
        {
            var (a, b) = (Convert.ToInt32(row[0]), Convert.ToInt32(row[1]));
            var both = directed.Rows.Where(r => (Convert.ToInt32(r[0]) == a && Convert.ToInt32(r[1]) == b) || (Convert.ToInt32(r[0]) == b && Convert.ToInt32(r[1]) == a))
                .Max(r => Convert.ToInt32(r[defense]));
            Assert.Equal(both, Convert.ToInt32(row[defense]));
        }
    }

    [Fact]
    public void Pairs_never_in_the_system_on_the_same_day_are_exactly_peacesciencers_false_dyads()
    {
        var file = TestPaths.RequireShared("peacesciencer_false_cow_dyads.csv");
        var expected = File.ReadAllLines(file).Skip(1).Select(l => l.Split(','))
            .Select(f => (int.Parse(f[0]), int.Parse(f[1]), int.Parse(f[2]))).Order().ToList();
        // Every pair of states in the system in the same year, less those in the frame.
        var states = _store.Require("cow_states");
        var sql = $"""
            WITH sy AS (SELECT ccode, y.year FROM {states} JOIN range(1816, 2017) y(year) ON y.year BETWEEN styear AND endyear)
            SELECT a.ccode, b.ccode, a.year FROM sy a JOIN sy b ON a.year = b.year AND a.ccode <> b.ccode
            ORDER BY 1, 2, 3
            """;
        var frame = DyadYears.Build(Inputs, new DyadYearRequest(1816, 2016, true, DyadJoins.None));
        var inFrame = new HashSet<(int, int, int)>();
        for (var i = 0; i < frame.RowCount; i++)
        {
            inFrame.Add((frame.Ccode1[i], frame.Ccode2[i], frame.Year[i]));
        }

        var removed = _store.Query(sql).Rows.Select(r => (Convert.ToInt32(r[0]), Convert.ToInt32(r[1]), Convert.ToInt32(r[2])))
            .Where(k => !inFrame.Contains(k)).ToList();
        Assert.Equal(expected, removed);
    }

    [Theory]
    [InlineData(1815, 1816, ErrorKind.Data)]
    [InlineData(2000, 1999, ErrorKind.BadInput)]
    [InlineData(2000, 2100, ErrorKind.Data)]
    public void Years_outside_coverage_are_refused(int from, int to, ErrorKind kind)
    {
        var error = Assert.Throws<LinchpinException>(() => new DyadYearRequest(from, to, true, DyadJoins.None).Validate(2025));
        Assert.Equal(kind, error.Kind);
    }
}
