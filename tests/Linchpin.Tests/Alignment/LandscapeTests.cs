using FsCheck.Xunit;
using Linchpin.Alignment;

namespace Linchpin.Tests.Alignment;

/// <summary>Oracle: the 11-actor Syria 2016 landscape of the Axelrod/Furnas replication code (model 06 §6.3).</summary>
public static class LandscapeTests
{
    internal static readonly string[] SyriaActors =
        ["US", "Russia", "Syria", "Turkey", "Saudi Arabia", "Iran", "ISIS", "Hezbollah", "Iraqi Kurds", "Nusra", "Iraq"];

    internal static LandscapeProblem Syria()
    {
        double[] sizes = [10, 10, 50, 10, 10, 20, 100, 20, 40, 10, 50];
        int[,] raw =
        {
            { 0, 2, 2, 5, 4, 2, 1, 1, 4, 2, 4 },
            { 2, 0, 4, 2, 3, 3, 1, 3, 2, 2, 4 },
            { 2, 4, 0, 1, 2, 4, 1, 4, 1, 2, 3 },
            { 5, 2, 1, 0, 3, 2, 2, 3, 2, 2, 3 },
            { 4, 3, 2, 3, 0, 1, 1, 3, 3, 2, 3 },
            { 2, 3, 4, 2, 1, 0, 2, 5, 3, 2, 2 },
            { 1, 1, 1, 2, 1, 2, 0, 2, 1, 2, 1 },
            { 1, 3, 4, 3, 3, 5, 2, 0, 3, 2, 3 },
            { 4, 2, 1, 2, 3, 3, 1, 3, 0, 2, 3 },
            { 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 2 },
            { 4, 4, 3, 3, 3, 2, 1, 3, 3, 2, 0 },
        };
        var p = new double[121];
        for (var i = 0; i < 11; i++)
        {
            for (var j = 0; j < 11; j++)
            {
                p[(i * 11) + j] = i == j ? 0 : raw[i, j] - 3;
            }
        }

        return LandscapeProblem.Create(SyriaActors, sizes, p);
    }

    /// <summary>A random problem of 1–<paramref name="max"/> actors with sizes in (0, 1] and propensities in [−1, 1].</summary>
    internal static LandscapeProblem RandomProblem(int seed, int max = 12)
    {
        var random = new Random(seed);
        return Sized(random, random.Next(1, max + 1));
    }

    /// <summary>A random problem of exactly <paramref name="n"/> actors.</summary>
    internal static LandscapeProblem Sized(int seed, int n) => Sized(new Random(seed), n);

    private static LandscapeProblem Sized(Random random, int n)
    {
        var p = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                p[(i * n) + j] = p[(j * n) + i] = Math.Round((2 * random.NextDouble()) - 1, 3);
            }
        }

        return LandscapeProblem.Create([.. Enumerable.Range(0, n).Select(i => $"A{i}")], [.. Enumerable.Range(0, n).Select(_ => 0.01 + random.NextDouble())], p);
    }

    private static int[] Split(params string[] secondCoalition) =>
        [.. SyriaActors.Select(a => secondCoalition.Contains(a) ? 1 : 0)];

    public sealed class SolveExact
    {
        [Fact]
        public void Syria_2016_has_the_published_global_minimum_and_no_other_local_minimum()
        {
            var solution = Landscape.SolveExact(Syria());

            Assert.Equal(-83_200, solution.GlobalMinimum.Energy, 9);
            Assert.Equal(Split("Turkey", "ISIS", "Nusra"), solution.GlobalMinimum.Sides);
            var only = Assert.Single(solution.LocalMinima);
            Assert.Equal(1024, solution.Configurations);
            Assert.Equal(1024, only.BasinSize); // every configuration descends to it
        }

        [Fact]
        public void Syria_2016_per_actor_frustrations_match_the_published_file()
        {
            var problem = Syria();

            var frustration = Landscape.WeightedFrustration(problem, Split("Turkey", "ISIS", "Nusra"));

            Assert.Equal([-1900, -2200, -11500, -1500, -2100, -2400, -38000, -2200, -8800, -2100, -10500], frustration, (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(-83_200, frustration.Sum(), 9);
        }

        [Fact]
        public void Syria_2016_other_published_rows_have_their_energies_and_are_not_minima()
        {
            var problem = Syria();

            Assert.Equal(-80_000, Landscape.Energy(problem, Split("ISIS")), 9);
            Assert.Equal(-78_200, Landscape.Energy(problem, Split("US", "ISIS", "Nusra")), 9);
            Assert.Equal(-65_000, Landscape.Energy(problem, Split("US", "Turkey", "Saudi Arabia", "Iraqi Kurds", "Iraq")), 9);
            Assert.False(Landscape.IsLocalMinimum(problem, Split("ISIS")));
            Assert.True(Landscape.IsLocalMinimum(problem, Split("Turkey", "ISIS", "Nusra")));
        }

        [Fact]
        public void One_actor_has_energy_zero()
        {
            var solution = Landscape.SolveExact(LandscapeProblem.Create(["A"], [1], [0]));

            Assert.Equal(0, solution.GlobalMinimum.Energy);
            Assert.Single(solution.LocalMinima);
        }

        [Fact]
        public void All_positive_propensities_give_the_grand_coalition()
        {
            var problem = LandscapeProblem.Create(["A", "B", "C"], [1, 2, 3], [0, 1, 1, 1, 0, 1, 1, 1, 0]);

            var solution = Landscape.SolveExact(problem);

            Assert.Equal([0, 0, 0], solution.GlobalMinimum.Sides);
            Assert.Equal(0, solution.GlobalMinimum.Energy);
        }

        [Property(MaxTest = 200)]
        public bool Gray_code_minimum_equals_brute_force(int seed)
        {
            var problem = RandomProblem(seed);
            var n = problem.Count;
            var brute = double.PositiveInfinity;
            for (var c = 0L; c < 1L << (n - 1); c++)
            {
                var sides = Enumerable.Range(0, n).Select(j => j == 0 ? 0 : (int)((c >> (j - 1)) & 1)).ToArray();
                brute = Math.Min(brute, Landscape.Energy(problem, sides));
            }

            return Math.Abs(Landscape.SolveExact(problem).GlobalMinimum.Energy - brute) < 1e-9;
        }

        [Property(MaxTest = 200)]
        public bool Local_minima_are_minima_and_basins_cover_every_configuration(int seed)
        {
            var problem = RandomProblem(seed);
            var solution = Landscape.SolveExact(problem);
            return solution.LocalMinima.All(m => Landscape.IsLocalMinimum(problem, m.Sides) && m.Energy >= solution.GlobalMinimum.Energy - 1e-9)
                && solution.LocalMinima.Sum(m => m.BasinSize) == solution.Configurations
                && solution.LocalMinima[0].Energy == solution.GlobalMinimum.Energy;
        }

        [Property(MaxTest = 100)]
        public bool Steepest_descent_ends_at_a_listed_local_minimum(int seed)
        {
            var problem = RandomProblem(seed);
            var random = new Random(seed);
            var start = Enumerable.Range(0, problem.Count).Select(_ => random.Next(2)).ToArray();
            var end = Landscape.Descend(problem, start);
            return Landscape.SolveExact(problem).LocalMinima.Any(m => m.Sides.SequenceEqual(end.Sides));
        }

        [Property(MaxTest = 30)]
        public bool Does_not_depend_on_the_block_split_of_large_problems(int seed)
        {
            // 14 actors, 2^13 configurations: one block, 8, 256 (the default) and 8,192 blocks of one
            // configuration each must give the same minimum, the same local minima and the same basins.
            var problem = Sized(seed, 14);
            var splits = new[] { 0, 3, 8, 13 }.Select(bits => Landscape.SolveExact(problem, basins: true, bits)).ToList();
            var first = splits[0];
            return splits.All(s => s.GlobalMinimum.Sides.SequenceEqual(first.GlobalMinimum.Sides)
                && s.LocalMinimumCount == first.LocalMinimumCount
                && s.LocalMinima.Count == first.LocalMinima.Count
                && s.LocalMinima.Zip(first.LocalMinima).All(p => p.First.Sides.SequenceEqual(p.Second.Sides) && p.First.BasinSize == p.Second.BasinSize));
        }
    }

    public sealed class Search
    {
        [Fact]
        public void Finds_the_Syria_global_minimum()
        {
            var search = Landscape.Search(Syria(), 2, 50, new Random(1));

            Assert.Equal(-83_200, search.Best.Energy, 9);
        }

        [Fact]
        public void Same_seed_gives_the_same_result()
        {
            var problem = RandomProblem(7, 12);

            var a = Landscape.Search(problem, 3, 40, new Random(5));
            var b = Landscape.Search(problem, 3, 40, new Random(5));

            Assert.Equal(a.Best.Sides, b.Best.Sides);
            Assert.Equal(a.Minima.Select(m => m.BasinSize), b.Minima.Select(m => m.BasinSize));
        }

        [Property(MaxTest = 200)]
        public bool Heuristic_is_never_below_the_exact_minimum_and_ends_at_local_minima(int seed)
        {
            var problem = RandomProblem(seed);
            var exact = Landscape.SolveExact(problem, basins: false).GlobalMinimum.Energy;
            var search = Landscape.Search(problem, 2, 5, new Random(seed));
            return search.Best.Energy >= exact - 1e-9 && search.Minima.All(m => Landscape.IsLocalMinimum(problem, m.Sides));
        }

        [Fact]
        public void Heuristic_finds_the_exact_minimum_of_14_actor_problems_in_at_least_95_percent_of_seeds()
        {
            // 200 random 14-actor problems, 10 random starts each (the command's default is 1,000):
            // the multi-start descent must reach the exact (brute-force) minimum in all but a few.
            // Measured with these seeds: 5 misses of 200 (2.5 %); with 20 starts, 2 of 500 (0.4 %).
            // The bound is 5 %: a search that stopped short of local minima misses far more.
            const int seeds = 200;
            var misses = 0;
            for (var seed = 0; seed < seeds; seed++)
            {
                var problem = Sized(seed, 14);
                var exact = Landscape.SolveExact(problem, basins: false).GlobalMinimum.Energy;
                var search = Landscape.Search(problem, 2, 10, new Random(seed));
                Assert.True(search.Best.Energy >= exact - 1e-9, $"seed {seed}: below the exact minimum");
                if (search.Best.Energy > exact + 1e-9)
                {
                    misses++;
                }
            }

            Assert.InRange(misses, 0, seeds * 5 / 100);
        }

        [Property(MaxTest = 100)]
        public bool More_coalitions_reach_local_minima_of_the_k_coalition_landscape(int seed)
        {
            var problem = RandomProblem(seed);
            var search = Landscape.Search(problem, 3, 5, new Random(seed));
            return search.Minima.All(m => Landscape.IsLocalMinimum(problem, m.Sides, 3) && m.Sides[0] == 0);
        }
    }

    public sealed class Create
    {
        [Fact]
        public void Rejects_an_asymmetric_matrix_naming_the_pair()
        {
            var error = Assert.Throws<ArgumentException>(() => LandscapeProblem.Create(["A", "B"], [1, 1], [0, 1, -1, 0]));

            Assert.Contains("'A,B'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Rejects_a_size_that_is_not_positive()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => LandscapeProblem.Create(["A", "B"], [1, 0], [0, 1, 1, 0]));
        }
    }
}
