using Linchpin.Games.Bargaining;

namespace Linchpin.Tests.Games.Bargaining;

/// <summary>Oracles: model 04 §4.1 (CRS Report 94-515 cost-sharing ratio, published) and hand-computed settlements.</summary>
public static class SmaBargainingTests
{
    public sealed class CostSharingRatio
    {
        [Fact]
        public void Japan_fy1995_is_about_76_percent()
        {
            Assert.Equal(0.7593, SmaBargaining.CostSharingRatio(4.1, 1.3), 1e-4);
        }
    }

    public sealed class Settle
    {
        [Fact]
        public void Weak_threats_leave_the_rubinstein_split_of_the_surplus()
        {
            // S = 3 − 2 + 4 = 5; o_P = 1 − 3 = −2, o_H = 4 − 10 = −6: neither binds.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 0.9, 0.9));

            Assert.True(settlement.Agreement);
            Assert.Equal(5, settlement.Surplus, 1e-12);
            Assert.Equal(5 / 1.9, settlement.PatronPayoff, 1e-12);
            Assert.Equal((5 / 1.9) - 1, settlement.Transfer, 1e-12);
            Assert.Equal(((5 / 1.9) - 1) / 2, settlement.CostSharingRatio, 1e-12);
            Assert.Equal(BindingOptions.None, settlement.Binding);
        }

        [Fact]
        public void Cheap_self_help_binds_and_caps_what_the_host_pays()
        {
            // o_H = 4 − 0.5 = 3.5 > δ · host's inside share (0.9 · 5/1.9 = 2.37): the host gets exactly 3.5.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 0.5, 0.9, 0.9));

            Assert.Equal(3.5, settlement.HostPayoff, 1e-12);
            Assert.Equal(1.5, settlement.PatronPayoff, 1e-12);
            Assert.Equal(0.5, settlement.Transfer, 1e-12);
            Assert.Equal(BindingOptions.Player2, settlement.Binding);
        }

        [Fact]
        public void The_host_proposing_first_shifts_the_split_toward_it()
        {
            var patronFirst = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 0.9, 0.9));
            var hostFirst = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 0.9, 0.9, PatronProposesFirst: false));

            Assert.Equal(5 - (5 / 1.9), hostFirst.PatronPayoff, 1e-12);
            Assert.True(hostFirst.Transfer < patronFirst.Transfer);
        }

        [Fact]
        public void No_surplus_means_withdrawal()
        {
            var settlement = SmaBargaining.Settle(new SmaNegotiation(1, 5, 2, 4, 1, 1, 0.9, 0.9));

            Assert.False(settlement.Agreement);
            Assert.Equal(1, settlement.BreakdownProbability);
            Assert.Equal(3, settlement.PatronPayoff);
            Assert.Equal(1, settlement.HostPayoff);
        }

        [Fact]
        public void Negative_costs_are_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SmaBargaining.Settle(new SmaNegotiation(3, -2, 4, 1, 3, 1, 0.9, 0.9)));
        }
    }
}
