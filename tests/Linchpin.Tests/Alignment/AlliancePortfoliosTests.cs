using FsCheck.Xunit;
using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Alignment;

/// <summary>Portfolios coded from the shipped ATOP 5.1: the sparse dyad computation against the dense definition, and the dyad-year file.</summary>
public class AlliancePortfoliosTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly Lazy<AlliancePortfolios> Shipped = new(() =>
        AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), AlliancePledges.Atop().Pledges, PortfolioCoding.Standard, AlliancePledges.Capabilities(), 1900, 2018, "atop_ddy 5.1"));

    private static readonly SimilarityOptions Options = SimilarityOptions.For(PortfolioCoding.Standard);

    private static bool Same(double? a, double? b) => (a is null && b is null) || (a is { } p && b is { } q && Math.Abs(p - q) < 1e-12);

    [Fact]
    public void Each_state_is_coded_at_the_top_value_with_itself_and_by_its_pledges_to_others()
    {
        var portfolios = Shipped.Value;
        var members = portfolios.Members(2010);
        var usa = portfolios.Portfolio(2, 2010)!;

        Assert.Equal(3, usa[IndexOf(members, 2)]);
        Assert.Equal(3, usa[IndexOf(members, 732)]); // US–ROK Mutual Defense Treaty
        Assert.Equal(0, usa[IndexOf(members, 630)]); // none with Iran
        Assert.Equal(2, usa[IndexOf(members, 365)]); // ATOP records a neutrality or non-aggression pledge to Russia
        Assert.Null(portfolios.Portfolio(732, 1900)); // Korea is not in the system in 1900
    }

    [Fact]
    public void A_year_outside_the_alliance_data_has_no_values()
    {
        var pledges = new AtopDyadYears([2], [20], [1900], [[1], [0], [0], [0], [0]], new YearRange(1900, 1900));
        StateSpell[] spells = [new(2, new DateOnly(1816, 1, 1), new DateOnly(2016, 12, 31)), new(20, new DateOnly(1816, 1, 1), new DateOnly(2016, 12, 31))];

        var portfolios = AlliancePortfolios.Build(spells, pledges, PortfolioCoding.Standard, null, 1899, 1900, "test");

        Assert.Null(portfolios.Compare(2, 20, 1899, Options));
        var scores = portfolios.Compare(2, 20, 1900, Options)!;
        Assert.Equal(2, scores.States);
        Assert.Equal(1 - (2 * 3 / (2 * 3.0)), scores.S!.Value, 12); // (3,3) vs (0,3): one difference of 3 over 2 states
        Assert.Null(scores.SWeighted); // no capabilities given
    }

    [Fact]
    public void A_state_outside_the_system_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Shipped.Value.Compare(2, 732, 1900, Options));
    }

    [Property(MaxTest = 100)]
    public bool Sparse_dyad_scores_equal_the_dense_definition(int seed)
    {
        var portfolios = Shipped.Value;
        var random = new Random(seed);
        var year = random.Next(1900, 2019);
        var members = portfolios.Members(year);
        var (a, b) = (members[random.Next(members.Count)], members[random.Next(members.Count)]);
        var weights = portfolios.Weights(year).ToArray();

        var sparse = portfolios.Compare(a, b, year, Options)!;
        var dense = PortfolioSimilarity.Compare(portfolios.Portfolio(a, year), portfolios.Portfolio(b, year), Options, weights);

        return sparse.States == dense.States && Enum.GetValues<SimilarityMeasure>().All(m => Same(sparse.Get(m), dense.Get(m)));
    }

    [Fact]
    public void Every_dyad_year_matches_the_single_dyad_computation()
    {
        var portfolios = Shipped.Value;
        var keys = DyadYears.Build(ShippedDyadData.Load(DyadJoins.None), new DyadYearRequest(1990, 1992, Directed: true, DyadJoins.None));

        var (values, present) = portfolios.Compute(keys.Ccode1.ToArray(), keys.Ccode2.ToArray(), keys.Year.ToArray(), SimilarityMeasure.Kappa, Options);

        for (var r = 0; r < keys.RowCount; r += 97)
        {
            var expected = portfolios.Compare(keys.Ccode1[r], keys.Ccode2[r], keys.Year[r], Options)!.Kappa;
            Assert.True(Same(expected, present[r] ? values[r] : null), $"row {r}");
        }
    }

    [Fact]
    public void The_dyad_year_file_has_the_keys_the_measure_and_provenance()
    {
        var portfolios = Shipped.Value;
        var keys = DyadYears.Build(ShippedDyadData.Load(DyadJoins.None), new DyadYearRequest(2018, 2019, Directed: false, DyadJoins.None));
        var (values, present) = portfolios.Compute(keys.Ccode1.ToArray(), keys.Ccode2.ToArray(), keys.Year.ToArray(), SimilarityMeasure.S, Options);
        var frame = keys.WithColumn("s", values, present).WithMetadata(new Dictionary<string, string> { ["linchpin.alliances"] = "atop_ddy 5.1" });
        using var home = new TempHome();
        var path = home.File("s.parquet");

        DyadFrameFile.Write(frame, path);

        var literal = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
        var read = fixture.Store.Query($"SELECT year, count(*), count(s), min(s), max(s) FROM read_parquet({literal}) GROUP BY year ORDER BY year");
        Assert.Equal(2018L, Convert.ToInt64(read.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(read.Rows[0][1], read.Rows[0][2]); // every 2018 dyad has S
        Assert.Equal(0L, Convert.ToInt64(read.Rows[1][2], System.Globalization.CultureInfo.InvariantCulture)); // 2019 is beyond ATOP: missing, not 0
        Assert.InRange((double)read.Rows[0][3]!, -1, 1);
        var meta = fixture.Store.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({literal})");
        Assert.Contains(meta.Rows, r => (string)r[0]! == "linchpin.alliances" && (string)r[1]! == "atop_ddy 5.1");
    }

    private static int IndexOf(IReadOnlyList<int> members, int code) => members.ToList().IndexOf(code);
}
