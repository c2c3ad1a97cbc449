using FsCheck.Xunit;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Tests.Games.ExpectedUtility;

public sealed class GroupDecisionTests
{
    /// <summary>The EC ten-member example of Scholz, Calbert and Smith (2011), as in the replications' ExampleActors.csv.</summary>
    public static readonly DecisionActor[] European =
    [
        new("Netherlands", 0.08, 4, 0.8),
        new("Belgium", 0.08, 7, 0.4),
        new("Luxembourg", 0.03, 4, 0.2),
        new("Germany", 0.16, 4, 0.8),
        new("France", 0.16, 10, 0.6),
        new("Italy", 0.16, 10, 0.6),
        new("UK", 0.16, 10, 0.9),
        new("Ireland", 0.05, 7, 0.1),
        new("Denmark", 0.05, 4, 1.0),
        new("Greece", 0.08, 7, 0.7),
    ];

    private static readonly DecisionOptions Paper = new();

    private static double[] Positions(IReadOnlyList<DecisionActor> actors) => [.. actors.Select(a => a.Position)];

    private static int Index(string name) => Array.FindIndex(European, a => a.Name == name);

    public sealed class The_EC_example
    {
        [Fact]
        public void Has_median_7_as_Condorcet_winner()
        {
            var median = GroupDecision.Median(European);
            Assert.Equal(7, median.Position);
            Assert.True(median.IsCondorcetWinner);
        }

        [Fact]
        public void Has_weighted_mean_7_389956()
        {
            Assert.Equal(7.389956, GroupDecision.WeightedMean(European), 6);
        }

        [Fact]
        public void Gives_the_UK_probability_0_575342_against_Germany()
        {
            var (uk, germany) = (Index("UK"), Index("Germany"));
            var x = Positions(European);
            Assert.Equal(0.575342, GroupDecision.Probability(European, x, uk, germany, 6), 6);
            Assert.Equal(0.424658, GroupDecision.Probability(European, x, germany, uk, 6), 6);
        }

        [Fact]
        public void Gives_the_reference_expected_utilities_of_challenge()
        {
            var (uk, germany) = (Index("UK"), Index("Germany"));
            var x = Positions(European);
            Assert.Equal(-0.071233, GroupDecision.ExpectedUtility(European, x, germany, uk, 1, 7, 6, Paper), 6);
            Assert.Equal(0.641096, GroupDecision.ExpectedUtility(European, x, uk, germany, 1, 7, 6, Paper), 6);
        }

        [Theory]
        [InlineData("Netherlands", 3.164942, -0.166044, 1.117181)]
        [InlineData("Belgium", 3.763368, -0.006596, 1.004407)]
        [InlineData("Luxembourg", 7.541236, 1.000000, 0.500000)]
        [InlineData("Germany", 3.164942, -0.166044, 1.117181)]
        [InlineData("France", 3.690006, -0.026143, 1.017582)]
        [InlineData("Italy", 3.690006, -0.026143, 1.017582)]
        [InlineData("UK", 0.035009, -1.000000, 2.000000)]
        [InlineData("Ireland", 6.190842, 0.640194, 0.648264)]
        [InlineData("Denmark", 1.706178, -0.554725, 1.453712)]
        [InlineData("Greece", 1.335894, -0.653385, 1.556875)]
        public void Has_the_round_1_risk_exponents_of_the_reference_table(string actor, double danger, double attitude, double exponent)
        {
            var risk = GroupDecision.Risk(European, Positions(European), 6, Paper);
            var i = Index(actor);
            Assert.Equal(danger, risk.Danger[i], 6);
            Assert.Equal(attitude, risk.Attitude[i], 6);
            Assert.Equal(exponent, risk.Exponent[i], 6);
        }

        [Fact]
        public void Moves_every_actor_only_within_the_issue_range()
        {
            var result = GroupDecision.Run(European, Paper with { Rounds = 20 });
            Assert.All(result.Rounds.SelectMany(r => r.MovedTo), p => Assert.InRange(p, 4, 10));
        }
    }

    public sealed class Offers
    {
        [Fact]
        public void Conflict_the_actor_expects_to_lose_moves_it_all_the_way()
        {
            Assert.Equal((OfferKind.Conflict, 10.0), GroupDecision.Offer(4, 10, 0.2, 0.5));
        }

        [Fact]
        public void Compromise_moves_it_the_share_of_its_loss_over_the_others_gain()
        {
            var (kind, to) = GroupDecision.Offer(4, 10, -0.25, 1);
            Assert.Equal(OfferKind.Compromise, kind);
            Assert.Equal(4 + (6 * 0.25), to, 12);
        }

        [Fact]
        public void Capitulation_moves_it_all_the_way()
        {
            Assert.Equal((OfferKind.Capitulation, 10.0), GroupDecision.Offer(4, 10, -2, 1));
        }

        [Fact]
        public void No_gain_for_the_other_means_no_offer()
        {
            Assert.Equal(OfferKind.None, GroupDecision.Offer(4, 10, -0.5, -0.1).Kind);
            Assert.Equal(OfferKind.None, GroupDecision.Offer(4, 10, 0.5, 0.1).Kind);
        }
    }

    public sealed class Properties
    {
        private static DecisionActor[] RandomActors(int seed, int? count = null)
        {
            var random = new Random(seed);
            var n = count ?? random.Next(2, 9);
            return [.. Enumerable.Range(0, n).Select(i => new DecisionActor(
                $"A{i}", Math.Round(random.NextDouble(), 2), random.Next(0, 5) * 25.0, Math.Round(random.NextDouble(), 2)))];
        }

        [Property(MaxTest = 100)]
        public bool Positions_stay_in_the_issue_range(int seed)
        {
            var actors = RandomActors(seed);
            var (low, high) = (actors.Min(a => a.Position), actors.Max(a => a.Position));
            var result = GroupDecision.Run(actors, Paper with { Rounds = 6 });
            return result.Rounds.SelectMany(r => r.MovedTo).All(p => p >= low - 1e-9 && p <= high + 1e-9)
                && result.Forecast.Position >= low && result.Forecast.Position <= high;
        }

        [Property(MaxTest = 50)]
        public bool One_actor_never_moves(int seed)
        {
            var actor = RandomActors(seed, 1);
            var result = GroupDecision.Run(actor, Paper);
            return result.FinalPositions[0] == actor[0].Position && result.Forecast.Position == actor[0].Position && result.Converged;
        }

        [Property(MaxTest = 100)]
        public bool Permuting_the_actors_permutes_the_result(int seed)
        {
            var actors = RandomActors(seed);
            int[] order = [.. Enumerable.Range(0, actors.Length).Reverse()];
            var shuffled = order.Select(i => actors[i]).ToArray();
            var (a, b) = (GroupDecision.Run(actors, Paper with { Rounds = 4 }), GroupDecision.Run(shuffled, Paper with { Rounds = 4 }));
            return Math.Abs(a.Forecast.Position - b.Forecast.Position) < 1e-9 && order.Select((i, k) => Math.Abs(a.FinalPositions[i] - b.FinalPositions[k]) < 1e-9).All(x => x);
        }

        [Property(MaxTest = 100)]
        public bool Probabilities_of_a_pair_sum_to_one(int seed)
        {
            var actors = RandomActors(seed);
            var x = Positions(actors);
            var range = GroupDecision.Range(actors);
            if (!(range > 0))
            {
                return true;
            }

            return Enumerable.Range(0, actors.Length).All(i => Enumerable.Range(0, actors.Length).All(j =>
                i == j || Math.Abs(GroupDecision.Probability(actors, x, i, j, range) + GroupDecision.Probability(actors, x, j, i, range) - 1) < 1e-9));
        }

        [Property(MaxTest = 100)]
        public bool Risk_exponents_lie_in_half_to_two_and_attain_both_ends(int seed)
        {
            var actors = RandomActors(seed);
            var range = GroupDecision.Range(actors);
            var r = GroupDecision.Risk(actors, Positions(actors), range, Paper).Exponent;
            var spread = r.Max() > r.Min();
            return r.All(v => v >= 0.5 - 1e-12 && v <= 2 + 1e-12) && (!spread || (Math.Abs(r.Max() - 2) < 1e-9 && Math.Abs(r.Min() - 0.5) < 1e-9));
        }

        [Property(MaxTest = 100)]
        public bool Translating_and_scaling_positions_leaves_P_EU_and_r_unchanged(int seed)
        {
            var actors = RandomActors(seed);
            var moved = actors.Select(a => a with { Position = (3 * a.Position) - 40 }).ToArray();
            var (x, y) = (Positions(actors), Positions(moved));
            var (ra, rb) = (GroupDecision.Range(actors), GroupDecision.Range(moved));
            if (!(ra > 0))
            {
                return true;
            }

            var (ma, mb) = (GroupDecision.Median(actors).Position, GroupDecision.Median(moved).Position);
            var same = GroupDecision.Risk(actors, x, ra, Paper).Exponent.Zip(GroupDecision.Risk(moved, y, rb, Paper).Exponent).All(p => Math.Abs(p.First - p.Second) < 1e-9);
            for (var i = 0; i < actors.Length; i++)
            {
                for (var j = 0; j < actors.Length; j++)
                {
                    same &= Math.Abs(GroupDecision.Probability(actors, x, i, j, ra) - GroupDecision.Probability(moved, y, i, j, rb)) < 1e-9;
                    same &= Math.Abs(GroupDecision.ExpectedUtility(actors, x, i, j, 1.3, ma, ra, Paper with { Q = 0.6, T = 0.3 })
                        - GroupDecision.ExpectedUtility(moved, y, i, j, 1.3, mb, rb, Paper with { Q = 0.6, T = 0.3 })) < 1e-9;
                }
            }

            return same && Math.Abs(((3 * ma) - 40) - mb) < 1e-9;
        }
    }
}
