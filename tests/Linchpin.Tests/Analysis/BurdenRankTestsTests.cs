using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>Model 02's rank statistics against Sandler &amp; Murdoch (2000, Table 9) and the values computed from NATO's 2019 release (shared/models/02, section 2.2).</summary>
public class BurdenRankTestsTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Theory]
    [InlineData(0.19, 15, 0, 0.49)]
    [InlineData(0.14, 15, 0, 0.61)]
    [InlineData(0.11, 15, 0, 0.69)]
    [InlineData(0.21, 15, 1, 0.46)]
    [InlineData(0.16, 15, 1, 0.58)]
    [InlineData(0.13, 15, 1, 0.66)]
    [InlineData(0.13, 15, 2, 0.68)]
    [InlineData(0.07, 15, 2, 0.82)]
    [InlineData(0.04, 15, 2, 0.89)]
    public void Two_sided_t_p_values_reproduce_Sandler_and_Murdoch_table_9(double rho, int n, int controls, double printed)
    {
        var (_, df, twoSided, greater) = BurdenRankTests.CorrelationPValue(rho, n, controls);
        Assert.Equal(n - 2 - controls, df);
        Assert.Equal(printed, twoSided, 0.015);
        Assert.Equal(twoSided / 2, greater, 12);
    }

    [Fact]
    public void Wilcoxon_exact_law_matches_the_closed_form_for_all_positive_differences()
    {
        // n = 5, every difference positive: T+ = 15, P(T+ = 15) = 1/32, two-sided 2/32.
        var result = BurdenRankTests.Wilcoxon([2, 3, 4, 5, 6], [1, 1, 1, 1, 1]);
        Assert.Equal(15, result.V);
        Assert.Equal("exact", result.Method);
        Assert.Equal(2.0 / 32, result.PValue!.Value, 12);
    }

    [Fact]
    public void Wilcoxon_drops_zero_differences_and_reports_them()
    {
        var result = BurdenRankTests.Wilcoxon([1, 2, 3, 5], [1, 1, 1, 1]);
        Assert.Equal(1, result.Zeros);
        Assert.Equal(3, result.N);
    }

    [Fact]
    public void Kendall_w_is_one_for_identical_rankings_and_near_zero_for_opposed_ones()
    {
        Assert.Equal(1, BurdenRankTests.KendallW([[1, 2, 3, 4], [10, 20, 30, 40]]).W, 12);
        Assert.Equal(0, BurdenRankTests.KendallW([[1, 2, 3, 4], [4, 3, 2, 1]]).W, 12);
    }

    [Fact]
    public void Nato_2019_release_reproduces_the_computed_wilcoxon_concordance_and_partial_correlation()
    {
        var spending = AllianceSpendingReader.Nato(fixture.Store, 2019, "2019-06");
        var burden = BurdenIndicators.Compute(spending);
        var members = burden.Members.Where(m => m.SpendingShare is not null).ToList();
        Assert.Equal(28, members.Count);
        var wilcoxon = BurdenRankTests.Wilcoxon([.. members.Select(m => m.SpendingShare!.Value)], [.. members.Select(m => m.GdpShare!.Value)]);
        Assert.Equal(28, wilcoxon.V);
        Assert.Equal(6.75e-05, wilcoxon.PValue!.Value, 0.005e-05);

        var perCapita = fixture.Store.Query("SELECT country_stanag, \"GDP per capita (USD)\" FROM nato_2012_2019 WHERE year = 2019").Rows
            .Where(r => r[1] is not null).ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        var population = members.Select(m => m.Member.Gdp!.Value / perCapita[m.Member.Iso3]).ToList();
        var total = population.Sum();
        var w = BurdenRankTests.KendallW(
        [
            [.. members.Select(m => m.SpendingShare!.Value)],
            [.. members.Select(m => m.GdpShare!.Value)],
            [.. population.Select(p => p / total)],
        ]);
        Assert.Equal(0.96144, w.W, 0.00001);
        Assert.Equal(77.877, w.ChiSquare, 0.001);
        Assert.Equal(27, w.DegreesOfFreedom);

        var b = members.Select(m => m.Member.PctGdp!.Value).ToList();
        var gdp = members.Select(m => m.Member.Gdp!.Value).ToList();
        var gdppc = members.Select(m => perCapita[m.Member.Iso3]).ToList();
        Assert.Equal(0.03120, RankCorrelation.Spearman(b, gdp)!.Value, 0.00001);
        Assert.Equal(0.18670, BurdenRankTests.PartialSpearman(b, gdp, gdppc)!.Value, 0.00001);
    }
}
