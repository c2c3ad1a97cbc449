using FsCheck.Xunit;
using Linchpin.Alignment;

namespace Linchpin.Tests.Alignment;

public sealed class TauBTableTests
{
    [Property(MaxTest = 300)]
    public bool Tau_b_from_the_table_equals_tau_b_of_the_portfolios(int seed)
    {
        var random = new Random(seed);
        var k = random.Next(2, 40);
        int[] x = [.. Enumerable.Range(0, k).Select(_ => random.Next(4))];
        int[] y = [.. Enumerable.Range(0, k).Select(_ => random.Next(4))];
        var table = new int[16];
        for (var i = 0; i < k; i++)
        {
            table[(x[i] * 4) + y[i]]++;
        }

        var expected = PortfolioSimilarity.Compare(x, y, SimilarityOptions.For(PortfolioCoding.Standard)).TauB;
        var actual = PortfolioSimilarity.TauB(table, 4);
        return expected is { } e ? Math.Abs(e - actual) < 1e-12 : double.IsNaN(actual);
    }

    [Fact]
    public void A_constant_portfolio_has_no_tau_b()
    {
        Assert.True(double.IsNaN(PortfolioSimilarity.TauB([3, 0, 0, 0], 2)));
    }
}
