using FsCheck.Xunit;
using Linchpin.Games.CostAllocation;

namespace Linchpin.Tests.Games.CostAllocation;

/// <summary>
/// Oracles: model 04 §4.6 — the 3-ally games (computed by hand there), the airport games
/// (Littlechild &amp; Owen 1973; Littlechild 1974), and the 20-player airport game whose Shapley
/// values are published code output (a public <c>AirportGame</c> class), reproduced to 12 decimals.
/// </summary>
public static class CostAllocationTests
{
    internal static readonly double[] TwentyPlayerCosts = [0, 1, 1, 2, 2, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 7, 8, 8];

    internal static TabularGame ThreeAllies(params double[] worth) =>
        new(["A", "B", "C"], [0, worth[0], worth[1], worth[3], worth[2], worth[4], worth[5], worth[6]], GameKind.Cost);

    /// <summary>c(1)=10, c(2)=8, c(3)=6, c(12)=14, c(13)=15, c(23)=12, c(N)=18.</summary>
    internal static TabularGame GeneralExample() => ThreeAllies(10, 8, 6, 14, 15, 12, 18);

    internal static AirportGame Airport(params double[] costs) => new([.. costs.Select((_, i) => $"P{i + 1}")], costs);

    internal static TabularGame RandomGame(int seed, GameKind kind)
    {
        var random = new Random(seed);
        var n = random.Next(2, 6);
        var table = new double[1 << n];
        for (var s = 1; s < table.Length; s++)
        {
            table[s] = Math.Round(20 * random.NextDouble(), 2);
        }

        return new TabularGame([.. Enumerable.Range(0, n).Select(i => $"P{i}")], table, kind);
    }

    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"player {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    /// <summary>The sorted satisfactions of an allocation (the vector the nucleolus maximises lexicographically).</summary>
    private static double[] SortedSatisfactions(CoalitionalGame game, IReadOnlyList<double> x) =>
        [.. Enumerable.Range(1, game.GrandCoalition - 1).Select(s => game.Satisfaction(s, x)).Order()];

    private static int CompareLex(double[] a, double[] b, double tolerance)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] - b[i]) > tolerance)
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    public sealed class Exact
    {
        [Fact]
        public void General_three_ally_example()
        {
            Close([47.0 / 6, 16.0 / 3, 29.0 / 6], Shapley.Exact(GeneralExample()), 1e-12);
        }

        [Fact]
        public void Second_three_ally_example()
        {
            Close([8, 6, 4], Shapley.Exact(ThreeAllies(10, 8, 6, 15, 13, 11, 18)), 1e-12);
        }

        [Fact]
        public void Twenty_player_airport_game_to_twelve_decimals()
        {
            var game = Airport(TwentyPlayerCosts);
            double[] perCost = [0.0, 0.052631578947, 0.111455108359, 0.178121775026, 0.249550346454, 0.349550346454, 0.492407489312, 0.692407489312, 1.192407489312];

            var exact = Shapley.Exact(game);

            Close([.. TwentyPlayerCosts.Select(c => perCost[(int)c])], exact, 5e-13);
            Assert.Equal(8, exact.Sum(), 1e-12);
        }

        [Fact]
        public void Too_many_players_is_rejected()
        {
            Assert.Throws<ArgumentException>(() => Shapley.Exact(Airport([.. Enumerable.Range(0, 26).Select(i => (double)i)])));
        }

        [Property(MaxTest = 100)]
        public bool Is_efficient_and_symmetric_players_pay_alike(int seed)
        {
            // Players 0 and 1 are made interchangeable (v(S ∪ {0}) = v(S ∪ {1})) and the last player
            // a null player (v(S ∪ {k}) = v(S)): the Shapley value charges the twins alike, the null
            // player nothing, and shares out exactly the grand coalition's cost.
            var random = new Random(seed);
            var n = random.Next(3, 7);
            var nobody = n - 1;
            var table = new double[1 << n];
            for (var s = 1; s < table.Length; s++)
            {
                table[s] = Math.Round(20 * random.NextDouble(), 2);
            }

            for (var s = 1; s < table.Length; s++)
            {
                var withoutNull = s & ~(1 << nobody);
                var swapped = (withoutNull & ~3) | ((withoutNull & 1) << 1) | ((withoutNull >> 1) & 1);
                // Each coalition takes the value of its canonical form: null player dropped, the twins in order.
                table[s] = table[Math.Min(withoutNull, swapped)];
            }

            var game = new TabularGame([.. Enumerable.Range(0, n).Select(i => $"P{i}")], table, GameKind.Cost);
            var phi = Shapley.Exact(game);
            return Math.Abs(phi.Sum() - game.Total) < 1e-9
                && Math.Abs(phi[0] - phi[1]) < 1e-9
                && Math.Abs(phi[nobody]) < 1e-9
                && phi.Take(nobody).Any(v => Math.Abs(v) > 1e-6);
        }
    }

    public sealed class MonteCarlo
    {
        [Fact]
        public void Estimates_within_four_standard_errors_and_reproducibly()
        {
            var game = Airport(TwentyPlayerCosts);
            var exact = Shapley.Exact(game);

            var estimate = Shapley.MonteCarlo(game, 4000, new Random(7));
            var again = Shapley.MonteCarlo(game, 4000, new Random(7));

            Assert.Equal(estimate.Values, again.Values);
            for (var i = 0; i < exact.Count; i++)
            {
                Assert.True(Math.Abs(estimate.Values[i] - exact[i]) <= (4 * estimate.StandardErrors[i]) + 1e-12, $"player {i}");
            }

            Assert.Equal(0, estimate.StandardErrors[0]);

            // The standard error falls like 1/√permutations: a quarter of the samples, twice the error.
            var quarter = Shapley.MonteCarlo(game, 1000, new Random(8));
            Assert.InRange(quarter.StandardErrors[^1] / estimate.StandardErrors[^1], 1.7, 2.3);
        }

        [Fact]
        public void Fewer_than_two_permutations_is_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Shapley.MonteCarlo(GeneralExample(), 1, new Random(1)));
        }
    }

    public sealed class AirportShapleyValue
    {
        [Fact]
        public void Three_runways()
        {
            Close([1.0 / 3, 5.0 / 6, 11.0 / 6], Airport(1, 2, 3).ShapleyValue(), 1e-15);
        }

        [Fact]
        public void Types_with_several_players()
        {
            Close([5.0 / 3, 5.0 / 3, 65.0 / 12, 125.0 / 12, 125.0 / 12, 125.0 / 12], Airport(10, 10, 25, 40, 40, 40).ShapleyValue(), 1e-13);
        }

        [Property(MaxTest = 100)]
        public bool Equals_exact_enumeration(int seed)
        {
            var random = new Random(seed);
            var game = Airport([.. Enumerable.Range(0, random.Next(1, 11)).Select(_ => (double)random.Next(0, 8))]);
            return Shapley.Exact(game).Zip(game.ShapleyValue()).All(p => Math.Abs(p.First - p.Second) < 1e-12);
        }
    }

    public sealed class AirportNucleolus
    {
        [Fact]
        public void Three_runways()
        {
            Close([0.5, 0.75, 1.75], Airport(1, 2, 3).Nucleolus(), 1e-15);
        }

        [Fact]
        public void Tied_middle_runways()
        {
            Close([0.5, 0.5, 0.5, 1.5], Airport(1, 2, 2, 3).Nucleolus(), 1e-15);
        }

        [Fact]
        public void Types_with_several_players()
        {
            Close([10.0 / 3, 10.0 / 3, 25.0 / 3, 25.0 / 3, 25.0 / 3, 25.0 / 3], Airport(10, 10, 25, 40, 40, 40).Nucleolus(), 1e-13);
        }

        [Fact]
        public void Twenty_player_airport_game()
        {
            double[] perCost = [0, 1.0 / 3, 13.0 / 33, 13.0 / 33, 13.0 / 33, 13.0 / 33, 79.0 / 198, 79.0 / 198, 277.0 / 396];

            var nucleolus = Airport(TwentyPlayerCosts).Nucleolus();

            Close([.. TwentyPlayerCosts.Select(c => perCost[(int)c])], nucleolus, 1e-14);
            Assert.Equal(8, nucleolus.Sum(), 1e-12);
        }

        [Property(MaxTest = 60)]
        public bool Equals_the_linear_programmes(int seed)
        {
            var random = new Random(seed);
            var game = Airport([.. Enumerable.Range(0, random.Next(2, 8)).Select(_ => (double)random.Next(0, 6))]);
            return game.Nucleolus().Zip(Nucleolus.Compute(game).Allocation).All(p => Math.Abs(p.First - p.Second) < 1e-9);
        }
    }

    public sealed class Compute
    {
        [Fact]
        public void General_three_ally_example()
        {
            var result = Nucleolus.Compute(GeneralExample());

            Close([8, 5, 5], result.Allocation, 1e-9);
            Assert.Equal(1, result.LeastCoreEpsilon, 1e-9);
            Assert.True(result.CoreNonEmpty);
        }

        [Fact]
        public void Coincides_with_shapley_in_the_second_example()
        {
            Close([8, 6, 4], Nucleolus.Compute(ThreeAllies(10, 8, 6, 15, 13, 11, 18)).Allocation, 1e-9);
        }

        [Fact]
        public void An_empty_core_reports_a_negative_least_core_epsilon()
        {
            // Value game: any pair earns 1 alone, all three earn only 1: the core is empty.
            var game = new TabularGame(["A", "B", "C"], [0, 0, 0, 1, 0, 1, 1, 1], GameKind.Value);

            var result = Nucleolus.Compute(game);

            Close([1.0 / 3, 1.0 / 3, 1.0 / 3], result.Allocation, 1e-9);
            Assert.Equal(-1.0 / 3, result.LeastCoreEpsilon, 1e-9);
            Assert.False(result.CoreNonEmpty);
        }

        [Fact]
        public void Lexicographic_search_on_a_grid_finds_nothing_better()
        {
            // Brute force: every efficient allocation on a 1/24 grid around the answer.
            var game = Airport(1, 2, 2, 3);
            var nucleolus = Nucleolus.Compute(game).Allocation;
            var best = SortedSatisfactions(game, nucleolus);
            for (var a = 0; a <= 72; a++)
            {
                for (var b = 0; b + a <= 72; b++)
                {
                    for (var c = 0; c + a + b <= 72; c++)
                    {
                        double[] x = [a / 24.0, b / 24.0, c / 24.0, 3 - ((a + b + c) / 24.0)];
                        Assert.True(CompareLex(SortedSatisfactions(game, x), best, 1e-9) <= 0);
                    }
                }
            }
        }

        [Property(MaxTest = 80)]
        public bool No_random_perturbation_is_lexicographically_better(int seed, bool valueGame)
        {
            var game = RandomGame(seed, valueGame ? GameKind.Value : GameKind.Cost);
            var nucleolus = Nucleolus.Compute(game).Allocation;
            var best = SortedSatisfactions(game, nucleolus);
            var random = new Random(seed ^ 0x5bd1);
            for (var trial = 0; trial < 200; trial++)
            {
                // Perturb within the efficient hyperplane.
                var step = random.NextDouble() < 0.5 ? 1e-3 : 1;
                var delta = nucleolus.Select(_ => step * ((2 * random.NextDouble()) - 1)).ToArray();
                var mean = delta.Average();
                var x = nucleolus.Select((v, i) => v + delta[i] - mean).ToArray();
                if (CompareLex(SortedSatisfactions(game, x), best, 1e-9) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        [Fact]
        public void Too_many_players_is_rejected()
        {
            Assert.Throws<ArgumentException>(() => Nucleolus.Compute(Airport([.. Enumerable.Range(0, 17).Select(i => (double)i)])));
        }
    }

    public sealed class Check
    {
        [Fact]
        public void Shapley_of_the_general_example_is_in_the_core()
        {
            var check = Core.Check(GeneralExample(), Shapley.Exact(GeneralExample()));

            Assert.True(check.InCore);
            Assert.True(check.Efficient);
        }

        [Fact]
        public void An_allocation_that_overcharges_a_coalition_is_not()
        {
            var game = GeneralExample();

            var check = Core.Check(game, [11, 4, 3]);

            Assert.False(check.InCore);
            Assert.Equal(-1, check.MinimumSatisfaction, 1e-12);
            Assert.Equal(game.Coalition("A"), check.WorstCoalition);
        }

        [Fact]
        public void An_inefficient_allocation_is_not()
        {
            var check = Core.Check(GeneralExample(), [7, 5, 4]);

            Assert.False(check.Efficient);
            Assert.False(check.InCore);
        }

        [Fact]
        public void Airport_games_have_the_shapley_value_in_the_core()
        {
            var game = Airport(TwentyPlayerCosts[..12]);

            Assert.True(Core.Check(game, game.ShapleyValue()).InCore);
            Assert.True(Core.Check(game, game.Nucleolus()).InCore);
        }

        [Fact]
        public void Wrong_allocation_length_is_rejected()
        {
            Assert.Throws<ArgumentException>(() => Core.Check(GeneralExample(), [1, 2]));
        }
    }

    public sealed class Games
    {
        [Fact]
        public void Tables_must_have_two_to_the_n_entries_and_an_empty_coalition_worth_zero()
        {
            Assert.Throws<ArgumentException>(() => new TabularGame(["A", "B"], [0, 1, 2], GameKind.Cost));
            Assert.Throws<ArgumentException>(() => new TabularGame(["A", "B"], [1, 1, 2, 3], GameKind.Cost));
            Assert.Throws<ArgumentException>(() => new TabularGame(["A", "A"], [0, 1, 2, 3], GameKind.Cost));
            Assert.Throws<ArgumentException>(() => new AirportGame(["A"], [-1]));
        }

        [Fact]
        public void Subadditivity_is_reported()
        {
            Assert.True(GeneralExample().IsCooperative());
            Assert.False(ThreeAllies(1, 1, 1, 3, 2, 2, 3).IsCooperative());
        }

        [Fact]
        public void Airport_tabulation_matches_worth()
        {
            var game = Airport(3, 1, 4, 1, 5);
            var table = game.Tabulate();

            Assert.All(Enumerable.Range(0, 32), s => Assert.Equal(game.Worth(s), table[s]));
        }
    }
}
