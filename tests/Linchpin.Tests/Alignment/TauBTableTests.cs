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

    [Property(MaxTest = 500)]
    public bool The_unrolled_four_level_tau_b_is_the_general_one_bit_for_bit(int seed)
    {
        // Sparse tables too (most cells empty, as most states pledge to few others), and constant ones.
        var random = new Random(seed);
        var table = new int[16];
        var filled = random.Next(1, 17);
        for (var c = 0; c < filled; c++)
        {
            table[random.Next(16)] += random.Next(0, 200);
        }

        var general = PortfolioSimilarity.TauB(table, 4);
        var unrolled = PortfolioSimilarity.TauB4(table);
        return BitConverter.DoubleToInt64Bits(general) == BitConverter.DoubleToInt64Bits(unrolled);
    }

    [Fact]
    public void A_constant_portfolio_has_no_tau_b()
    {
        Assert.True(double.IsNaN(PortfolioSimilarity.TauB([3, 0, 0, 0], 2)));
    }
}
