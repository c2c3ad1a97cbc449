using Linchpin.Games.Bargaining;

namespace Linchpin.Tests.Games.Bargaining;

/// <summary>Oracles: model 04 §4.2 (Nash 1950), computed values.</summary>
public static class NashBargainingTests
{
    public sealed class Solve
    {
        [Fact]
        public void Splits_the_surplus_by_bargaining_power()
        {
            var result = NashBargaining.Solve(1, 0.1, 0.3, 0.7);

            Assert.True(result.Agreement);
            Assert.Equal(0.1 + (0.7 * 0.6), result.Payoff1, 1e-15);
            Assert.Equal(0.3 + (0.3 * 0.6), result.Payoff2, 1e-15);
            Assert.Equal(0.6, result.Surplus, 1e-15);
        }

        [Fact]
        public void No_bargaining_set_leaves_each_at_disagreement()
        {
            var result = NashBargaining.Solve(1, 0.6, 0.5);

            Assert.False(result.Agreement);
            Assert.Equal(0.6, result.Payoff1);
            Assert.Equal(0.5, result.Payoff2);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(double.NaN)]
        public void Power_outside_the_open_unit_interval_is_rejected(double power)
        {
            Assert.Equal("power1", Assert.Throws<ArgumentOutOfRangeException>(() => NashBargaining.Solve(1, 0, 0, power)).ParamName);
        }
    }

    public sealed class Transfer
    {
        [Theory]
        [InlineData(0.5, 1.1)]
        [InlineData(0.7, 1.46)]
        public void Host_nation_transfer_matches_the_worked_example(double power, double expected)
        {
            Assert.Equal(expected, NashBargaining.Transfer(-0.2, 2.0, power)!.Value, 1e-12);
        }

        [Fact]
        public void Negative_total_gain_means_no_deal()
        {
            Assert.Null(NashBargaining.Transfer(-2.5, 2.0));
        }
    }

    public sealed class SolveOnFrontier
    {
        [Fact]
        public void A_linear_frontier_gives_the_transferable_utility_answer()
        {
            var result = NashBargaining.SolveOnFrontier(u1 => 1 - u1, 1, 0.1, 0.3, 0.7)!.Value;

            Assert.Equal(0.52, result.Payoff1, 1e-7);
            Assert.Equal(0.48, result.Payoff2, 1e-7);
        }

        [Fact]
        public void A_circular_frontier_gives_the_symmetric_point()
        {
            var result = NashBargaining.SolveOnFrontier(u1 => Math.Sqrt(1 - (u1 * u1)), 1, 0, 0)!.Value;

            Assert.Equal(Math.Sqrt(0.5), result.Payoff1, 1e-8);
        }

        [Fact]
        public void A_frontier_below_disagreement_has_no_solution()
        {
            Assert.Null(NashBargaining.SolveOnFrontier(u1 => 0.2 - u1, 1, 0, 0.5));
        }
    }
}
