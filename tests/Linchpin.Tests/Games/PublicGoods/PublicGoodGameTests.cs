using FsCheck.Xunit;
using Linchpin.Games.PublicGoods;

namespace Linchpin.Tests.Games.PublicGoods;

/// <summary>Oracles: the worked equilibria of model 03 (Bergstrom, Blume &amp; Varian 1986; Andreoni &amp; McGuire 1993), closed forms computed there.</summary>
public static class PublicGoodGameTests
{
    private const double Tight = 1e-10;

    internal static Ally[] CobbDouglasAllies(double[] wealth, params double[] alpha) =>
        [.. wealth.Select((w, i) => new Ally($"A{i + 1}", w, new CobbDouglas(alpha.Length == 1 ? alpha[0] : alpha[i])))];

    /// <summary>Builds a random game from a seed: 1–12 allies, Cobb-Douglas or CES, optional joint products.</summary>
    internal static Ally[] RandomAllies(int seed, bool jointProducts, bool ces)
    {
        var random = new Random(seed);
        var n = random.Next(1, 13);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var alpha = 0.05 + (0.9 * random.NextDouble());
            Preference preference = ces && random.Next(2) == 0 ? new Ces(alpha, random.NextDouble() < 0.5 ? -2 * random.NextDouble() : 0.05 + (0.9 * random.NextDouble())) : new CobbDouglas(alpha);
            var wealth = random.Next(5) == 0 ? 0 : 100 * random.NextDouble();
            var share = jointProducts ? 0.8 * random.NextDouble() : 0;
            return new Ally($"A{i}", wealth, preference, share);
        })];
    }

    public sealed class Solve
    {
        [Fact]
        public void Example_A_two_richest_contribute_and_the_third_sits_at_its_threshold()
        {
            var result = PublicGoodGame.Solve(CobbDouglasAllies([100, 80, 60, 10], 0.5));

            Assert.Equal(60, result.Total, Tight);
            Assert.Equal([40, 20, 0, 0], result.Contributions, (a, b) => Math.Abs(a - b) < Tight);
            Assert.Equal(["A1", "A2"], result.Contributors);
            Assert.Equal(["A3", "A4"], result.FreeRiders);
            Assert.Equal([60, 60, 60, 10], result.Consumption, (a, b) => Math.Abs(a - b) < Tight);
            Assert.Equal(125, result.ParetoTotal, Tight);
            Assert.Equal(65, result.Gap, Tight);
        }

        [Fact]
        public void Example_B_moving_income_between_contributors_is_neutral()
        {
            var result = PublicGoodGame.Solve(CobbDouglasAllies([90, 90, 60, 10], 0.5));

            Assert.Equal(60, result.Total, Tight);
            Assert.Equal([30, 30, 0, 0], result.Contributions, (a, b) => Math.Abs(a - b) < Tight);
            Assert.Equal([60, 60, 60, 10], result.Consumption, (a, b) => Math.Abs(a - b) < Tight);
        }

        [Fact]
        public void Example_C_a_rich_ally_with_little_taste_for_defence_free_rides()
        {
            var result = PublicGoodGame.Solve(CobbDouglasAllies([100, 80, 60, 10], 0.5, 0.6, 0.3, 0.5));

            Assert.Equal(1120.0 / 17, result.Total, Tight);
            Assert.Equal(580.0 / 17, result.Contributions[0], Tight);
            Assert.Equal(0, result.Contributions[1], Tight);
            Assert.Equal(540.0 / 17, result.Contributions[2], Tight);
            Assert.Equal(0, result.Contributions[3], Tight);
            Assert.Equal(["A1", "A3"], result.Contributors);
        }

        [Fact]
        public void Examples_D_and_E_entry_raises_provision_and_cuts_incumbents_gifts()
        {
            var before = PublicGoodGame.Solve(CobbDouglasAllies([100, 80], 0.5));
            var after = PublicGoodGame.Solve(CobbDouglasAllies([100, 80, 70], 0.5));

            Assert.Equal(60, before.Total, Tight);
            Assert.Equal([40, 20], before.Contributions, (a, b) => Math.Abs(a - b) < Tight);
            Assert.Equal(62.5, after.Total, Tight);
            Assert.Equal([37.5, 17.5, 7.5], after.Contributions, (a, b) => Math.Abs(a - b) < Tight);
        }

        [Fact]
        public void Example_F_only_the_largest_contributes_when_the_taste_for_defence_is_low()
        {
            var result = PublicGoodGame.Solve(CobbDouglasAllies([569.03, 88.87, 79.46, 73.40], 0.9));

            Assert.Equal(56.903, result.Total, 1e-9);
            Assert.Equal(["A1"], result.Contributors);
        }

        [Fact]
        public void Ces_with_rho_near_zero_approaches_cobb_douglas()
        {
            Ally[] ces = [new("A", 100, new Ces(0.5, 1e-7)), new("B", 80, new Ces(0.5, 1e-7)), new("C", 60, new Ces(0.5, 1e-7))];

            var result = PublicGoodGame.Solve(ces);

            Assert.Equal(60, result.Total, 1e-4);
            Assert.Equal(120, result.ParetoTotal, 1e-4);
        }

        [Fact]
        public void Joint_products_raise_provision_by_cutting_the_price_of_defence()
        {
            // One ally, CD a = 0.5, private share s = 0.5: demand G = (1 − a) w / p = 100 at p = 0.5,
            // but spending is capped at income: q = w = 100 (consumption c = w − p q = 50; c/G = r = p a/(1−a) = 0.5).
            var alone = PublicGoodGame.Solve([new Ally("A", 100, new CobbDouglas(0.5), 0.5)]);
            var pure = PublicGoodGame.Solve([new Ally("A", 100, new CobbDouglas(0.5))]);

            Assert.Equal(100, alone.Total, Tight);
            Assert.Equal(50, pure.Total, Tight);
        }

        [Fact]
        public void Quasi_linear_only_the_highest_target_contributes()
        {
            Ally[] allies = [new("A", 100, new QuasiLinear(30)), new("B", 100, new QuasiLinear(50)), new("C", 100, new QuasiLinear(10))];

            var result = PublicGoodGame.Solve(allies);

            Assert.Equal(50, result.Total, Tight);
            Assert.Equal([0, 50, 0], result.Contributions, (a, b) => Math.Abs(a - b) < Tight);
            Assert.Equal(90, result.ParetoTotal, Tight);
            Assert.False(result.SplitIndeterminate);
        }

        [Fact]
        public void Quasi_linear_a_poor_top_ally_gives_all_and_the_next_tops_up()
        {
            Ally[] allies = [new("A", 20, new QuasiLinear(50)), new("B", 100, new QuasiLinear(30))];

            var result = PublicGoodGame.Solve(allies);

            Assert.Equal([20, 10], result.Contributions, (a, b) => Math.Abs(a - b) < Tight);
        }

        [Fact]
        public void Quasi_linear_tied_targets_are_split_equally_and_flagged()
        {
            Ally[] allies = [new("A", 100, new QuasiLinear(40)), new("B", 100, new QuasiLinear(40))];

            var result = PublicGoodGame.Solve(allies);

            Assert.Equal([20, 20], result.Contributions, (a, b) => Math.Abs(a - b) < Tight);
            Assert.True(result.SplitIndeterminate);
        }

        [Fact]
        public void Mixing_quasi_linear_with_homothetic_allies_is_rejected()
        {
            Ally[] allies = [new("A", 100, new QuasiLinear(40)), new("B", 100, new CobbDouglas(0.5))];

            Assert.Throws<ArgumentException>(() => PublicGoodGame.Solve(allies));
            Assert.Throws<ArgumentException>(() => PublicGoodGame.Solve([]));
        }

        [Fact]
        public void Bad_parameters_are_rejected_by_name()
        {
            Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new CobbDouglas(1)).ParamName);
            Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new Ces(0.5, 1)).ParamName);
            Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new Ces(0.5, 0)).ParamName);
            Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new QuasiLinear(0)).ParamName);
            Assert.Equal("income", Assert.Throws<ArgumentOutOfRangeException>(() => new Ally("A", -1, new CobbDouglas(0.5))).ParamName);
            Assert.Equal("privateShare", Assert.Throws<ArgumentOutOfRangeException>(() => new Ally("A", 1, new CobbDouglas(0.5), 1)).ParamName);
        }

        [Property(MaxTest = 300)]
        public bool Every_contribution_is_a_best_response(int seed, bool jointProducts, bool ces)
        {
            var allies = RandomAllies(seed, jointProducts, ces);
            var result = PublicGoodGame.Solve(allies);
            var scale = Math.Max(1, allies.Sum(a => a.Income));
            return allies.Select((a, i) => Math.Abs(PublicGoodGame.BestResponse(a, result.Total - result.Contributions[i]) - result.Contributions[i]))
                .All(gap => gap <= 1e-9 * scale);
        }

        [Property(MaxTest = 200)]
        public bool The_sweep_agrees_with_bisection(int seed, bool jointProducts, bool ces)
        {
            var allies = RandomAllies(seed, jointProducts, ces);
            var exact = PublicGoodGame.Solve(allies);
            var bisection = PublicGoodGame.SolveByBisection(allies);
            return Math.Abs(exact.Total - bisection.Total) <= 1e-9 * Math.Max(1, exact.Total);
        }

        [Property(MaxTest = 200)]
        public bool Income_moved_between_contributors_leaves_the_total_and_consumption_unchanged(int seed, double fraction)
        {
            // Two contributors are forced: Cobb–Douglas twins (α = ½) a hundred times richer than all
            // the others together. Each gives ½(W − G₋ᵢ) > 0 whenever the rest supply less than its
            // income W, which they cannot.
            var others = RandomAllies(seed, jointProducts: false, ces: true);
            var top = 100 * Math.Max(1, others.Sum(a => a.Income));
            Ally[] allies = [new("T1", top, new CobbDouglas(0.5)), new("T2", top, new CobbDouglas(0.5)), .. others];
            var before = PublicGoodGame.Solve(allies);
            var contributors = Enumerable.Range(0, allies.Length).Where(before.IsContributor).ToArray();
            if (contributors.Length < 2)
            {
                return false;
            }

            fraction = double.IsFinite(fraction) ? fraction : 0.5;

            // Move less than the donor's gift from the first contributor to the last.
            var (from, to) = (contributors[0], contributors[^1]);
            var amount = before.Contributions[from] * (0.01 + (0.98 * Math.Abs(fraction % 1)));
            var moved = allies.ToArray();
            moved[from] = allies[from].WithIncome(allies[from].Income - amount);
            moved[to] = allies[to].WithIncome(allies[to].Income + amount);
            var after = PublicGoodGame.Solve(moved);
            var scale = Math.Max(1, before.Total);
            return Math.Abs(after.Total - before.Total) <= 1e-9 * scale
                && Enumerable.Range(0, allies.Length).All(i => Math.Abs(after.Consumption[i] - before.Consumption[i]) <= 1e-9 * scale);
        }

        [Property(MaxTest = 200)]
        public bool The_order_of_the_allies_does_not_matter(int seed, bool jointProducts)
        {
            var allies = RandomAllies(seed, jointProducts, ces: true);
            var order = Enumerable.Range(0, allies.Length).OrderBy(_ => new Random(seed + 1).Next()).Reverse().ToArray();
            var shuffled = order.Select(i => allies[i]).ToArray();
            var a = PublicGoodGame.Solve(allies);
            var b = PublicGoodGame.Solve(shuffled);
            var scale = Math.Max(1, a.Total);
            return Math.Abs(a.Total - b.Total) <= 1e-10 * scale
                && order.Select((original, k) => Math.Abs(b.Contributions[k] - a.Contributions[original])).All(d => d <= 1e-10 * scale);
        }

        [Property(MaxTest = 200)]
        public bool Provision_does_not_fall_when_an_income_rises_and_others_gifts_do_not_rise(int seed, bool jointProducts)
        {
            var allies = RandomAllies(seed, jointProducts, ces: true);
            var before = PublicGoodGame.Solve(allies);
            var richer = allies.ToArray();
            richer[0] = allies[0].WithIncome(allies[0].Income + 10);
            var after = PublicGoodGame.Solve(richer);
            var tolerance = 1e-9 * Math.Max(1, after.Total);
            return after.Total >= before.Total - tolerance
                && Enumerable.Range(1, allies.Length - 1).All(i => after.Contributions[i] <= before.Contributions[i] + tolerance);
        }

        [Property(MaxTest = 200)]
        public bool Nash_provision_never_exceeds_the_pareto_level_with_pure_public_goods(int seed)
        {
            var allies = RandomAllies(seed, jointProducts: false, ces: true);
            var result = PublicGoodGame.Solve(allies);
            return result.Total <= result.ParetoTotal * (1 + 1e-9) + 1e-12;
        }
    }

    public sealed class ParetoTotal
    {
        [Fact]
        public void Cobb_douglas_lindahl_level_is_the_income_weighted_sum()
        {
            var allies = CobbDouglasAllies([100, 80, 60, 10], 0.5, 0.6, 0.3, 0.5);

            Assert.Equal((0.5 * 100) + (0.4 * 80) + (0.7 * 60) + (0.5 * 10), PublicGoodGame.ParetoTotal(allies), Tight);
        }

        [Fact]
        public void Ces_lindahl_prices_satisfy_the_samuelson_condition()
        {
            Ally[] allies = [new("A", 100, new Ces(0.4, -1)), new("B", 50, new Ces(0.7, 0.5))];

            var g = PublicGoodGame.ParetoTotal(allies);

            // At the Lindahl level the marginal rates of substitution, evaluated at each ally's
            // Lindahl consumption, sum to one.
            double Mrs(Ces c, double consumption) => (1 - c.Alpha) / c.Alpha * Math.Pow(g / consumption, c.Rho - 1);
            double PriceOf(Ally a)
            {
                var c = (Ces)a.Preference;
                double lo = 1e-12, hi = a.Income / g;
                for (var i = 0; i < 200; i++)
                {
                    var mid = (lo + hi) / 2;
                    var demand = a.Income / (Math.Pow(mid * c.Alpha / (1 - c.Alpha), 1 / (1 - c.Rho)) + mid);
                    (lo, hi) = demand > g ? (mid, hi) : (lo, mid);
                }

                return lo;
            }

            var sum = allies.Sum(a => Mrs((Ces)a.Preference, a.Income - (PriceOf(a) * g)));
            Assert.Equal(1, sum, 1e-8);
        }

        [Fact]
        public void Joint_products_lower_the_marginal_cost_of_the_public_good()
        {
            Ally[] allies = [new("A", 100, new CobbDouglas(0.5), 0.2), new("B", 100, new CobbDouglas(0.5))];

            Assert.Equal(100 / 0.8, PublicGoodGame.ParetoTotal(allies), Tight);
        }
    }
}
