using FsCheck.Xunit;
using Linchpin.Games.Bargaining;

namespace Linchpin.Tests.Games.Bargaining;

/// <summary>Oracles: model 04 §4.3–4.5 (Rubinstein 1982; Binmore, Shaked &amp; Sutton 1989; Binmore, Rubinstein &amp; Wolinsky 1986), computed values.</summary>
public static class AlternatingOffersTests
{
    public sealed class RubinsteinShare
    {
        [Theory]
        [InlineData(0.9, 0.9, 0.526316)]
        [InlineData(0.95, 0.90, 0.689655)]
        [InlineData(0.9, 0.8, 0.2 / 0.28)]
        [InlineData(0.0, 0.5, 0.5)]
        [InlineData(0.5, 0.0, 1.0)]
        public void Matches_the_closed_form(double delta1, double delta2, double expected)
        {
            Assert.Equal(expected, AlternatingOffers.RubinsteinShare(delta1, delta2), 1e-6);
            Assert.Equal((1 - delta2) / (1 - (delta1 * delta2)), AlternatingOffers.RubinsteinShare(delta1, delta2), 1e-14);
        }

        [Fact]
        public void Frequent_offers_converge_to_the_asymmetric_nash_split()
        {
            var dt = 1e-6;
            var share = AlternatingOffers.RubinsteinShare(Math.Exp(-0.05 * dt), Math.Exp(-0.10 * dt));

            Assert.Equal(AlternatingOffers.FrequentOffersLimit(0.05, 0.10), share, 1e-5);
            Assert.Equal(2.0 / 3, AlternatingOffers.FrequentOffersLimit(0.05, 0.10), 1e-15);
        }
    }

    public sealed class Solve
    {
        [Theory]
        [InlineData(0.0, 0.3, 0.526316, 0.526316, BindingOptions.None)]
        [InlineData(0.0, 0.6, 0.400000, 0.640000, BindingOptions.Player2)]
        [InlineData(0.5, 0.0, 0.550000, 0.500000, BindingOptions.Player1)]
        [InlineData(0.45, 0.5, 0.500000, 0.550000, BindingOptions.Player2)]
        public void Outside_options_reproduce_the_worked_cases(double w1, double w2, double x, double y, BindingOptions binding)
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, w1, w2));

            Assert.True(outcome.Agreement);
            Assert.Equal(x, outcome.ProposerShare, 1e-6);
            Assert.Equal(y, outcome.ResponderProposerShare, 1e-6);
            Assert.Equal(binding, outcome.Binding);
            Assert.Equal(0, outcome.ExpectedDelay);
            Assert.Equal(0, outcome.BreakdownProbability);
        }

        [Fact]
        public void Both_options_bind_when_each_beats_the_inside_share()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, 0.48, 0.5));

            Assert.Equal(BindingOptions.Both, outcome.Binding);
            Assert.Equal(0.5, outcome.ProposerShare, 1e-12);
            Assert.Equal(0.52, outcome.ResponderProposerShare, 1e-12);
        }

        [Fact]
        public void Breakdown_risk_without_discounting_reproduces_the_brw_formula()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(1, 1, 1, 0.2, 0.1, 0.1));

            Assert.Equal(1.08 / 1.9, outcome.ProposerShare, 1e-12);
            Assert.Equal(0.568421, outcome.ProposerShare, 1e-6);
        }

        [Fact]
        public void Vanishing_breakdown_risk_tends_to_the_nash_split_of_the_breakdown_point()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(1, 1, 1, 0.2, 0.1, 1e-7));

            Assert.Equal(0.55, outcome.ProposerShare, 1e-6);
        }

        [Fact]
        public void Amounts_scale_with_the_pie()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 10, 0, 6));

            Assert.Equal(4, outcome.Amount1, 1e-12);
            Assert.Equal(6, outcome.Amount2, 1e-12);
        }

        [Fact]
        public void No_bargaining_set_means_certain_breakdown()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.9, 1, 0.6, 0.5));

            Assert.False(outcome.Agreement);
            Assert.Equal(1, outcome.BreakdownProbability);
            Assert.Equal(0.6, outcome.Amount1);
            Assert.Equal(0.5, outcome.Amount2);
        }

        [Fact]
        public void A_one_round_deadline_is_an_ultimatum()
        {
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.8, 1, 0, 0.1, deadline: 1));

            Assert.Equal(0.9, outcome.ProposerShare, 1e-12);
            Assert.Equal(BindingOptions.Both, outcome.Binding);
        }

        [Fact]
        public void A_two_round_deadline_by_backward_induction()
        {
            // Round 2: player 2 offers player 1 its option 0 and keeps 1; so in round 1 player 2 must get δ₂ · 1.
            var outcome = AlternatingOffers.Solve(new BargainingProblem(0.9, 0.8, 1, deadline: 2));

            Assert.Equal(0.2, outcome.ProposerShare, 1e-12);
        }

        [Property(MaxTest = 200)]
        public bool A_long_deadline_converges_to_the_infinite_horizon(int seed)
        {
            var random = new Random(seed);
            var d1 = 0.1 + (0.8 * random.NextDouble());
            var d2 = 0.1 + (0.8 * random.NextDouble());
            var w1 = 0.4 * random.NextDouble();
            var w2 = 0.4 * random.NextDouble();
            var p = random.Next(2) == 0 ? 0 : 0.3 * random.NextDouble();
            var infinite = AlternatingOffers.Solve(new BargainingProblem(d1, d2, 1, w1, w2, p));
            var finite = AlternatingOffers.Solve(new BargainingProblem(d1, d2, 1, w1, w2, p, 400));
            return Math.Abs(infinite.ProposerShare - finite.ProposerShare) < 1e-10
                && Math.Abs(infinite.ResponderProposerShare - finite.ResponderProposerShare) < 1e-10;
        }

        [Property(MaxTest = 300)]
        public bool The_outside_option_principle_holds(int seed)
        {
            // An option below the inside value leaves the split as without it; above it, the holder gets exactly the option.
            var random = new Random(seed);
            var d1 = 0.05 + (0.9 * random.NextDouble());
            var d2 = 0.05 + (0.9 * random.NextDouble());
            var w2 = 0.95 * random.NextDouble();
            var plain = AlternatingOffers.Solve(new BargainingProblem(d1, d2));
            var with = AlternatingOffers.Solve(new BargainingProblem(d1, d2, 1, 0, w2));
            var inside = d2 * plain.ResponderProposerShare;
            return w2 <= inside
                ? Math.Abs(with.ProposerShare - plain.ProposerShare) < 1e-12
                : Math.Abs(with.Amount2 - w2) < 1e-12;
        }

        [Theory]
        [InlineData(1.0, 0.5, 0.0, "delta1")]
        [InlineData(-0.1, 0.5, 0.0, "delta1")]
        [InlineData(0.5, 1.0, 0.0, "delta2")]
        [InlineData(0.5, 1.1, 0.1, "delta2")]
        [InlineData(0.5, 0.5, 1.5, "breakdown")]
        public void Impossible_parameters_are_rejected_by_name(double d1, double d2, double p, string name)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(d1, d2, 1, 0, 0, p));

            Assert.Equal(name, error.ParamName);
        }

        [Fact]
        public void A_non_positive_pie_or_deadline_is_rejected()
        {
            Assert.Equal("pie", Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(0.5, 0.5, 0)).ParamName);
            Assert.Equal("deadline", Assert.Throws<ArgumentOutOfRangeException>(() => new BargainingProblem(0.5, 0.5, deadline: 0)).ParamName);
        }
    }
}
