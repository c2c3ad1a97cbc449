using Linchpin.Games.Bargaining;

namespace Linchpin.Tests.Games.Bargaining;

/// <summary>
/// The edges of the bargaining solutions: where a bargaining set just exists or just vanishes, where
/// an outside option just equals the value of continuing, and the argument checks. Each case is a
/// closed form of model 04 (§4.2–4.5) at a boundary a one-character change to a comparison would move.
/// </summary>
public static class BargainingEdgeTests
{
    public sealed class AlternatingOffersBoundaries
    {
        [Fact]
        public void Options_that_exactly_exhaust_the_pie_leave_no_bargaining_set()
        {
            // pie = w₁ + w₂: no gains from agreement (Muthoo 1999: agreement needs pie > w₁ + w₂).
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, 0.5, 0.5));

            Assert.False(outcome.Agreement);
            Assert.Equal((0.5, 0.5), (outcome.Amount1, outcome.Amount2));
            Assert.True(double.IsNaN(outcome.ProposerShare) && double.IsNaN(outcome.ResponderProposerShare));
            Assert.Equal(BindingOptions.Both, outcome.Binding);
            Assert.Equal((0.0, 1.0), (outcome.ExpectedDelay, outcome.BreakdownProbability));
        }

        [Fact]
        public void An_option_equal_to_the_value_of_continuing_does_not_bind()
        {
            // Rubinstein at δ = 0.9: y* = 1/1.9, so the responder's value of continuing is δ y* = 0.9/1.9.
            // An option of exactly that leaves the split, and it is not "binding" (it does not beat continuing).
            var inside = 0.9 / 1.9;
            var two = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, 0, inside));
            var one = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, inside, 0));

            Assert.Equal(BindingOptions.None, two.Binding);
            Assert.Equal(BindingOptions.None, one.Binding);
            Assert.Equal(1 / 1.9, two.ProposerShare, 1e-12);
            Assert.Equal(1 / 1.9, one.ResponderProposerShare, 1e-12);
        }

        [Fact]
        public void A_finite_deadline_option_equal_to_the_continuation_does_not_bind()
        {
            // Two rounds, no options: round 2 gives player 2 the whole pie, so player 2's continuation in round 1 is δ₂ = 0.8.
            // An option of exactly 0.8 does not beat it; one just above does and is what player 2 gets.
            var equal = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.8, 1, 0, 0.8, deadline: 2));
            var above = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.8, 1, 0, 0.81, deadline: 2));

            Assert.Equal(0.2, equal.ProposerShare, 1e-12);
            Assert.False(equal.Binding is BindingOptions.Player2 or BindingOptions.Both);
            Assert.Equal(0.19, above.ProposerShare, 1e-12);
            Assert.True(above.Binding is BindingOptions.Player2 or BindingOptions.Both);
        }

        [Theory]
        [InlineData(0.0, 0.3, BindingOptions.None)]
        [InlineData(0.0, 0.6, BindingOptions.Player2)]
        [InlineData(0.5, 0.0, BindingOptions.Player1)]
        [InlineData(0.48, 0.5, BindingOptions.Both)]
        public void A_long_deadline_reports_the_infinite_horizons_binding_options(double w1, double w2, BindingOptions binding)
        {
            // Backward induction over many rounds converges to the stationary equilibrium, the binding options included.
            var infinite = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, w1, w2));
            var finite = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, w1, w2, deadline: 401));

            Assert.Equal(binding, infinite.Binding);
            Assert.Equal(binding, finite.Binding);
            Assert.Equal(infinite.ProposerShare, finite.ProposerShare, 1e-12);
            Assert.Equal(infinite.ResponderProposerShare, finite.ResponderProposerShare, 1e-12);
        }

        [Theory]
        [InlineData(0.0, 0.7, 0.3, 0.757, BindingOptions.Player2)]
        [InlineData(0.7, 0.0, 0.757, 0.3, BindingOptions.Player1)]
        public void With_breakdown_risk_an_option_binds_when_it_beats_the_risky_value_of_continuing(double w1, double w2, double x, double y, BindingOptions binding)
        {
            // δ = 0.9, p = 0.1: responder 2's value of rejecting is p w₂ + (1 − p) δ y; with w₂ = 0.7 and y = 1 − 0.81 · 0.3 = 0.757
            // that is 0.07 + 0.81 · 0.757 = 0.683 < 0.7, so the option binds and x = 1 − w₂ (and symmetrically for player 1).
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, w1, w2, 0.1));

            Assert.Equal(x, outcome.ProposerShare, 1e-12);
            Assert.Equal(y, outcome.ResponderProposerShare, 1e-12);
            Assert.Equal(binding, outcome.Binding);
        }

        [Fact]
        public void Shares_are_amounts_over_the_pie()
        {
            // Pie 10, δ = 0.9, w₂ = 6 binds: x = 4, and player 2 proposing keeps 10 − R₁(4) = 10 − 0.9 · 4 = 6.4.
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 10, 0, 6));

            Assert.Equal(0.4, outcome.ProposerShare, 1e-12);
            Assert.Equal(0.64, outcome.ResponderProposerShare, 1e-12);
        }

        [Fact]
        public void A_three_round_deadline_alternates_the_proposers()
        {
            // Round 3 (player 1 proposes): x₃ = 1. Round 2 (player 2): y₂ = 1 − δ₁ x₃ = 0.1. Round 1: x₁ = 1 − δ₂ y₂ = 0.92.
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.8, 1, deadline: 3));

            Assert.Equal(0.92, outcome.ProposerShare, 1e-12);

            // Player 2 proposing first: round 3 is player 2's, y₃ = 1; x₂ = 1 − δ₂ = 0.2; y₁ = 1 − δ₁ x₂ = 0.82.
            Assert.Equal(0.82, outcome.ResponderProposerShare, 1e-12);
        }

        [Fact]
        public void Zero_discount_factors_are_allowed_with_and_without_breakdown_risk()
        {
            // δ = 0: the responder values the future at nothing, so the proposer takes the whole pie.
            Assert.Equal(1, AlternatingOffers.Solve(new BargainingProblem(0, 0, 1, 0, 0, 0.2)).ProposerShare, 1e-12);
            Assert.Equal(1, AlternatingOffers.Solve(new BargainingProblem(0.5, 0)).ProposerShare, 1e-12);
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(1.0, 0.0)]
        [InlineData(-1.0, 1.0)]
        [InlineData(double.NaN, 1.0)]
        public void Frequent_offers_need_positive_rates(double rate1, double rate2)
        {
            var name = rate1 > 0 ? "rate2" : "rate1";

            Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => AlternatingOffers.FrequentOffersLimit(rate1, rate2)).ParamName);
        }

        [Theory]
        [InlineData(double.NaN, 0.0, "outside1")]
        [InlineData(0.0, double.PositiveInfinity, "outside2")]
        public void Outside_options_must_be_finite(double w1, double w2, string name)
        {
            Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(0.5, 0.5, 1, w1, w2)).ParamName);
        }

        [Fact]
        public void A_discount_factor_above_one_is_rejected_even_with_breakdown_risk_and_the_message_gives_the_range()
        {
            var withRisk = Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(1.01, 0.5, 1, 0, 0, 0.1));
            var without = Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(0.5, 1, 1, 0, 0, 0));

            Assert.Equal("delta1", withRisk.ParamName);
            Assert.StartsWith("must be in [0, 1]", withRisk.Message, StringComparison.Ordinal);
            Assert.StartsWith("must be in [0, 1) (1 is allowed only with a breakdown probability above 0)", without.Message, StringComparison.Ordinal);
            Assert.StartsWith("must be at least 1 round", Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(0.5, 0.5, deadline: -3)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Solve_rejects_a_missing_problem()
        {
            Assert.Throws<ArgumentNullException>(() => AlternatingOffers.Solve(null!));
        }
    }

    public sealed class NashBoundaries
    {
        [Fact]
        public void A_zero_surplus_is_still_an_agreement_at_the_disagreement_point()
        {
            var result = NashBargaining.Solve(1, 0.5, 0.5, 0.3);

            Assert.True(result.Agreement);
            Assert.Equal((0.5, 0.5), (result.Payoff1, result.Payoff2));
            Assert.Equal(0, result.Surplus, 1e-15);
        }

        [Fact]
        public void Shares_are_the_payoffs_over_the_pie()
        {
            var result = NashBargaining.Solve(4, 1, 0.6, 0.25);

            // u₁ = 1 + ¼ · 2.4 = 1.6, u₂ = 0.6 + ¾ · 2.4 = 2.4.
            Assert.Equal(1.6 / 4, result.Share1, 1e-15);
            Assert.Equal(2.4 / 4, result.Share2, 1e-15);
            Assert.Equal((4.0, 1.0, 0.6, 0.25), (result.Pie, result.Disagreement1, result.Disagreement2, result.Power1));
        }

        [Fact]
        public void A_zero_total_gain_still_has_a_transfer()
        {
            // g_P + g_H = 0: the bargaining set is a point. T* = τ g_H − (1 − τ) g_P = 0.5 + 0.5 = 1.
            Assert.Equal(1, NashBargaining.Transfer(-1, 1)!.Value, 1e-15);
        }

        [Theory]
        [InlineData(double.NaN, 0.0, 0.5, "patronGain")]
        [InlineData(0.0, double.NaN, 0.5, "hostGain")]
        [InlineData(0.0, 0.0, 1.0, "patronPower")]
        public void Transfer_rejects_impossible_arguments_by_name(double patronGain, double hostGain, double power, string name)
        {
            Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => NashBargaining.Transfer(patronGain, hostGain, power)).ParamName);
        }

        [Theory]
        [InlineData(0.0, 0.0, 0.0, "pie")]
        [InlineData(1.0, double.NaN, 0.0, "disagreement1")]
        [InlineData(1.0, 0.0, double.NegativeInfinity, "disagreement2")]
        public void Solve_rejects_impossible_arguments_by_name(double pie, double d1, double d2, string name)
        {
            Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => NashBargaining.Solve(pie, d1, d2)).ParamName);
        }

        [Fact]
        public void An_asymmetric_power_on_a_circular_frontier_has_its_closed_form()
        {
            // max τ ln u₁ + (1 − τ) ln √(1 − u₁²): τ (1 − u₁²) = (1 − τ) u₁², so u₁ = √τ.
            var result = NashBargaining.SolveOnFrontier(u1 => Math.Sqrt(1 - (u1 * u1)), 1, 0, 0, 0.7)!.Value;

            Assert.Equal(Math.Sqrt(0.7), result.Payoff1, 1e-8);
            Assert.Equal(Math.Sqrt(0.3), result.Payoff2, 1e-8);
        }

        [Fact]
        public void A_frontier_that_just_reaches_disagreement_gives_the_disagreement_point()
        {
            // frontier(d₁) = d₂ exactly and decreasing: the only feasible point with u ≥ d is d itself.
            var result = NashBargaining.SolveOnFrontier(u1 => 0.5 - u1, 1, 0, 0.5);

            Assert.NotNull(result);
            Assert.Equal(0, result.Value.Payoff1, 1e-9);
            Assert.Equal(0.5, result.Value.Payoff2, 1e-9);
        }

        [Fact]
        public void No_room_above_the_disagreement_payoff_has_no_solution()
        {
            Assert.Null(NashBargaining.SolveOnFrontier(u1 => 1 - u1, 0.2, 0.2, 0));
            Assert.Throws<ArgumentNullException>(() => NashBargaining.SolveOnFrontier(null!, 1, 0, 0));
            Assert.Equal("power1", Assert.Throws<ArgumentOutOfRangeException>(() => NashBargaining.SolveOnFrontier(u1 => 1 - u1, 1, 0, 0, 0)).ParamName);
        }
    }

    public sealed class SmaBoundaries
    {
        [Fact]
        public void A_zero_surplus_means_withdrawal()
        {
            // S = 1 − 5 + 4 = 0.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(1, 5, 4, 4, 1, 1, 0.9, 0.9));

            Assert.False(settlement.Agreement);
            Assert.Equal(0, settlement.Surplus);
            Assert.Equal((3.0, 3.0), (settlement.PatronPayoff, settlement.HostPayoff));
            Assert.True(double.IsNaN(settlement.PatronShare) && double.IsNaN(settlement.Transfer) && double.IsNaN(settlement.CostSharingRatio));
            Assert.Equal((BindingOptions.Both, 0.0, 1.0), (settlement.Binding, settlement.ExpectedDelay, settlement.BreakdownProbability));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Outside_options_above_the_surplus_mean_withdrawal_whoever_proposes(bool patronFirst)
        {
            // S = 3 − 2 + 4 = 5; o_P = 4 − 0 = 4, o_H = 4 − 2 = 2; 4 + 2 > 5: no bargaining set, each takes its option.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 4, 0, 2, 0.9, 0.8, PatronProposesFirst: patronFirst));

            Assert.False(settlement.Agreement);
            Assert.Equal((4.0, 2.0), (settlement.PatronOutside, settlement.HostOutside));
            Assert.Equal((4.0, 2.0), (settlement.PatronPayoff, settlement.HostPayoff));
            Assert.True(double.IsNaN(settlement.Transfer) && double.IsNaN(settlement.PatronShare) && double.IsNaN(settlement.CostSharingRatio));
            Assert.Equal(1, settlement.BreakdownProbability);
        }

        [Fact]
        public void The_host_proposing_first_gets_its_rubinstein_share_with_its_own_discount_factor()
        {
            // Host first, δ_H = 0.8, δ_P = 0.9: host's share (1 − δ_P)/(1 − δ_H δ_P) = 0.1/0.28 of S = 5.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 0.9, 0.8, PatronProposesFirst: false));
            var hostAmount = 5 * 0.1 / 0.28;

            Assert.Equal(hostAmount, settlement.HostPayoff, 1e-12);
            Assert.Equal(5 - hostAmount, settlement.PatronPayoff, 1e-12);
            Assert.Equal((5 - hostAmount) / 5, settlement.PatronShare, 1e-12);
            Assert.Equal(5 - hostAmount - 1, settlement.Transfer, 1e-12);
        }

        [Fact]
        public void Without_a_stationing_cost_the_cost_sharing_ratio_is_undefined()
        {
            // S = 3 − 0 + 4 = 7; neither option binds; T = u_P − 3 is defined, T / K is not.
            var settlement = SmaBargaining.Settle(new SmaNegotiation(3, 0, 4, 1, 3, 10, 0.9, 0.9));

            Assert.True(settlement.Agreement);
            Assert.Equal((7 / 1.9) - 3, settlement.Transfer, 1e-12);
            Assert.True(double.IsNaN(settlement.CostSharingRatio));
        }

        [Fact]
        public void A_deadline_and_a_lapse_risk_reach_the_solver()
        {
            // One round: an ultimatum; the host gets exactly its option o_H = 4 − 10 = −6, so the patron gets S + 6 = 11.
            var ultimatum = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 0.9, 0.9, Deadline: 1));
            Assert.Equal(11, ultimatum.PatronPayoff, 1e-12);

            // Breakdown risk p with no discounting (δ = 1 is allowed with p > 0): x = (S − p o_H − (1 − p)(S − p o_P))/(1 − (1 − p)²).
            var risky = SmaBargaining.Settle(new SmaNegotiation(3, 2, 4, 1, 3, 10, 1, 1, Breakdown: 0.1));
            var expected = (5 - (0.1 * -6) - (0.9 * (5 - (0.1 * -2)))) / (1 - (0.9 * 0.9));
            Assert.Equal(expected, risky.PatronPayoff, 1e-12);
        }

        [Theory]
        [InlineData(double.NaN, 2, 4, 1, 3, 1, "PatronValue")]
        [InlineData(3, -2, 4, 1, 3, 1, "StationingCost")]
        [InlineData(3, 2, double.NaN, 1, 3, 1, "HostValue")]
        [InlineData(3, 2, 4, -1, 3, 1, "WithdrawalSaving")]
        [InlineData(3, 2, 4, 1, -3, 1, "StrategicLoss")]
        [InlineData(3, 2, 4, 1, 3, -1, "SelfHelpCost")]
        public void Impossible_negotiations_are_rejected_by_field(double vp, double k, double vh, double saving, double loss, double selfHelp, string name)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => SmaBargaining.Settle(new SmaNegotiation(vp, k, vh, saving, loss, selfHelp, 0.9, 0.9)));

            Assert.Equal(name, error.ParamName);
        }

        [Fact]
        public void The_crs_ratio_rejects_negative_or_empty_costs()
        {
            Assert.Equal("hostSupport", Assert.Throws<ArgumentOutOfRangeException>(() => SmaBargaining.CostSharingRatio(-1, 1)).ParamName);
            Assert.Equal("patronCost", Assert.Throws<ArgumentOutOfRangeException>(() => SmaBargaining.CostSharingRatio(1, -1)).ParamName);
            Assert.Equal("patronCost", Assert.Throws<ArgumentOutOfRangeException>(() => SmaBargaining.CostSharingRatio(0, 0)).ParamName);
            Assert.Equal(1, SmaBargaining.CostSharingRatio(2, 0));
            Assert.Equal(0.25, SmaBargaining.CostSharingRatio(1, 3), 1e-15);
            Assert.Throws<ArgumentNullException>(() => SmaBargaining.Settle(null!));
        }
    }
    public sealed class PieOtherThanOne
    {
        [Fact]
        public void Shares_are_the_amounts_over_the_pie()
        {
            // Rubinstein (model 04 §4.2) on a pie of 3 with δ₁ = 0.8, δ₂ = 0.9: x* = (1 − δ₂)/(1 − δ₁δ₂) = 0.1/0.28,
            // y* = (1 − δ₁)/(1 − δ₁δ₂) = 0.2/0.28, amounts 3x* and 3(1 − x*).
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.8, 0.9, 3));

            Assert.Equal(0.1 / 0.28, outcome.ProposerShare, 1e-12);
            Assert.Equal(0.2 / 0.28, outcome.ResponderProposerShare, 1e-12);
            Assert.Equal(3 * 0.1 / 0.28, outcome.Amount1, 1e-12);
            Assert.Equal(3 * (1 - (0.1 / 0.28)), outcome.Amount2, 1e-12);
        }
    }

    public sealed class CostSharingRatioArguments
    {
        [Theory]
        [InlineData(1, 1, 0.5)]
        [InlineData(3, 1, 0.75)]
        [InlineData(0, 2, 0)]
        public void The_ratio_is_host_support_over_the_whole_cost(double hostSupport, double patronCost, double expected) =>
            Assert.Equal(expected, SmaBargaining.CostSharingRatio(hostSupport, patronCost), 1e-15);

        [Theory]
        [InlineData(1, -0.5)]
        [InlineData(-0.5, 1)]
        [InlineData(0, 0)]
        public void A_negative_cost_or_no_cost_at_all_is_refused(double hostSupport, double patronCost) =>
            Assert.ThrowsAny<ArgumentException>(() => SmaBargaining.CostSharingRatio(hostSupport, patronCost));
    }
}
