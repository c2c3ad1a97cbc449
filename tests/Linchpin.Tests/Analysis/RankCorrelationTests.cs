using FsCheck.Xunit;
using Linchpin.Analysis;

namespace Linchpin.Tests.Analysis;

/// <summary>Rank correlations against hand-computed values, closed-form permutation counts and AS 89.</summary>
public static class RankCorrelationTests
{
    public class Coefficients
    {
        [Fact]
        public void Average_ranks_share_tied_positions() =>
            Assert.Equal([2, 1, 3.5, 3.5, 5], RankCorrelation.AverageRanks([2, 1, 4, 4, 5]));

        [Fact]
        public void Spearman_with_a_tie_is_the_Pearson_correlation_of_average_ranks()
        {
            // ranks y = (2, 1, 3.5, 3.5, 5): Σdxdy = 8.5, Σdx² = 10, Σdy² = 9.5.
            var rho = RankCorrelation.Spearman([1, 2, 3, 4, 5], [2, 1, 4, 4, 5]);
            Assert.Equal(8.5 / Math.Sqrt(95), rho!.Value, 12);
        }

        [Fact]
        public void Kendall_tau_b_with_a_tie_counts_the_tie_in_the_denominator()
        {
            // n_c = 8, n_d = 1, one pair tied on y only: τ_b = 7 / √(9 · 10).
            var tau = RankCorrelation.KendallTauB([1, 2, 3, 4, 5], [2, 1, 4, 4, 5]);
            Assert.Equal(7 / Math.Sqrt(90), tau!.Value, 12);
        }

        [Fact]
        public void Constant_variable_or_fewer_than_three_pairs_is_undefined_not_zero()
        {
            Assert.Null(RankCorrelation.Spearman([1, 2, 3], [4, 4, 4]));
            Assert.Null(RankCorrelation.KendallTauB([1, 2], [1, 2]));
            var test = RankCorrelation.SpearmanTest([1, 2], [2, 1], Alternative.Greater);
            Assert.Null(test.Coefficient);
            Assert.Null(test.PValue);
        }

        [Property(MaxTest = 200)]
        public bool Coefficients_lie_in_minus_one_to_one_and_are_symmetric(int seed)
        {
            var random = new Random(seed);
            var n = random.Next(3, 30);
            var x = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 8)).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 8)).ToArray();
            var rho = RankCorrelation.Spearman(x, y);
            var tau = RankCorrelation.KendallTauB(x, y);
            return (rho is null || (Math.Abs(rho.Value) <= 1 + 1e-12 && Math.Abs(rho.Value - RankCorrelation.Spearman(y, x)!.Value) < 1e-12))
                && (tau is null || (Math.Abs(tau.Value) <= 1 + 1e-12 && Math.Abs(tau.Value - RankCorrelation.KendallTauB(y, x)!.Value) < 1e-12));
        }

        [Property(MaxTest = 200)]
        public bool Coefficients_do_not_change_under_a_monotone_transform(int seed)
        {
            var random = new Random(seed);
            var n = random.Next(3, 25);
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100 + 1).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var logged = x.Select(v => Math.Log(v)).ToArray();
            return Math.Abs(RankCorrelation.Spearman(x, y)!.Value - RankCorrelation.Spearman(logged, y)!.Value) < 1e-12
                && Math.Abs(RankCorrelation.KendallTauB(x, y)!.Value - RankCorrelation.KendallTauB(logged, y)!.Value) < 1e-12;
        }
    }

    public class PValues
    {
        [Fact]
        public void Exact_spearman_for_five_counts_orderings_with_at_most_one_adjacent_swap()
        {
            // ρ = 0.9 means Σd² = 2: the identity and the four adjacent swaps reach Σd² ≤ 2, so p = 5/120.
            var test = RankCorrelation.SpearmanTest([1, 2, 3, 4, 5], [2, 1, 3, 4, 5], Alternative.Greater);
            Assert.Equal(0.9, test.Coefficient!.Value, 12);
            Assert.Equal(5 / 120.0, test.PValue!.Value, 12);
            Assert.Equal("exact permutation", test.Method);
        }

        [Fact]
        public void Exact_kendall_for_ten_counts_orderings_with_at_most_one_inversion()
        {
            var x = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
            double[] y = [2, 1, 3, 4, 5, 6, 7, 8, 9, 10];
            var test = RankCorrelation.KendallTest(x, y, Alternative.Greater);
            Assert.Equal(1 - (2 * 1 / 45.0), test.Coefficient!.Value, 12);
            Assert.Equal(10 / 3628800.0, test.PValue!.Value, 15);
        }

        [Property(MaxTest = 30)]
        public bool Exact_kendall_without_ties_equals_counting_all_orderings(int seed)
        {
            var random = new Random(seed);
            var x = Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
            var y = Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
            var tau = RankCorrelation.KendallTauB(x, y)!.Value;
            var orderings = Orderings(y).ToList();
            var atLeast = orderings.Count(o => RankCorrelation.KendallTauB(x, o)!.Value >= tau - 1e-12) / (double)orderings.Count;
            return Math.Abs(RankCorrelation.KendallTest(x, y, Alternative.Greater).PValue!.Value - atLeast) < 1e-12;
        }

        [Fact]
        public void Kendall_with_ties_and_few_pairs_uses_the_permutation_distribution()
        {
            double[] x = [1, 2, 3, 4, 5];
            double[] y = [1, 1, 2, 3, 3];
            var test = RankCorrelation.KendallTest(x, y, Alternative.Greater);
            var orderings = Orderings(y).ToList();
            var expected = orderings.Count(o => RankCorrelation.KendallTauB(x, o)!.Value >= test.Coefficient!.Value - 1e-12) / (double)orderings.Count;
            Assert.Equal("exact permutation", test.Method);
            Assert.Equal(expected, test.PValue!.Value, 12);
        }

        private static IEnumerable<double[]> Orderings(double[] values) =>
            values.Length <= 1
                ? [values]
                : Enumerable.Range(0, values.Length).SelectMany(i =>
                    Orderings([.. values.Take(i), .. values.Skip(i + 1)]).Select(rest => (double[])[values[i], .. rest]));

        [Fact]
        public void AS89_gives_the_published_tail_for_rho_0_490_with_14_pairs()
        {
            // shared/models/01: P(Σd² < 232 | n = 14) = 0.0375 (R stats:::C_pRho(232, 14, TRUE)); t approximation 0.0376.
            Assert.Equal(0.0375, 1 - RankCorrelation.SpearmanUpperTail(14, 232), 4);
        }

        /// <summary>
        /// P(S ≥ s) for n = 10–20 at nine points across each law (s = 2·round(k·max/20), k = 1…9,
        /// max = n(n²−1)/3), computed once with R 4.2.2: <c>.Call(stats:::C_pRho, s, n, FALSE)</c>,
        /// the routine behind <c>cor.test(x, y, method = "spearman", exact = TRUE)</c>, which uses
        /// the same Edgeworth series (AS 89) above n = 9: they agree to the digits R printed.
        /// </summary>
        public static TheoryData<int, int, double> RValues() =>
        [
            (10, 32, 0.9965944336), (10, 66, 0.9667654313), (10, 100, 0.8763146062),
            (10, 132, 0.7200459604), (10, 164, 0.5135794119), (10, 198, 0.2917702923),
            (10, 232, 0.1236853938), (10, 264, 0.0365599375), (10, 296, 0.0049220681),
            (11, 44, 0.9977859916), (11, 88, 0.9740611960), (11, 132, 0.8930678878),
            (11, 176, 0.7304430965), (11, 220, 0.5054051450), (11, 264, 0.2787765390),
            (11, 308, 0.1125070443), (11, 352, 0.0280894331), (11, 396, 0.0026007512),
            (12, 58, 0.9986269323), (12, 114, 0.9799989756), (12, 172, 0.9036939080),
            (12, 228, 0.7432437433), (12, 286, 0.5043849820), (12, 344, 0.2640501184),
            (12, 400, 0.1004864878), (12, 458, 0.0214034345), (12, 514, 0.0015806261),
            (13, 72, 0.9992884492), (13, 146, 0.9839402441), (13, 218, 0.9152480011),
            (13, 292, 0.7473725718), (13, 364, 0.5036151156), (13, 436, 0.2585775912),
            (13, 510, 0.0878867687), (13, 582, 0.0170153289), (13, 656, 0.0008121551),
            (14, 92, 0.9995426055), (14, 182, 0.9875548840), (14, 272, 0.9247624044),
            (14, 364, 0.7586544114), (14, 456, 0.5000000000), (14, 546, 0.2461988159),
            (14, 636, 0.0800766907), (14, 728, 0.0130871563), (14, 820, 0.0004573945),
            (15, 112, 0.9997556614), (15, 224, 0.9902295847), (15, 336, 0.9314994014),
            (15, 448, 0.7671251444), (15, 560, 0.5025563757), (15, 672, 0.2368986290),
            (15, 784, 0.0703811491), (15, 896, 0.0102105849), (15, 1008, 0.0002730730),
            (16, 136, 0.9998628652), (16, 272, 0.9923197688), (16, 408, 0.9385376294),
            (16, 544, 0.7751755071), (16, 680, 0.5021853692), (16, 816, 0.2281956233),
            (16, 952, 0.0629392681), (16, 1088, 0.0079850542), (16, 1224, 0.0001522806),
            (17, 164, 0.9999206522), (17, 326, 0.9939976564), (17, 490, 0.9445643286),
            (17, 652, 0.7839687118), (17, 816, 0.5018855548), (17, 980, 0.2188738665),
            (17, 1142, 0.0566098033), (17, 1306, 0.0062141448), (17, 1468, 0.0000875307),
            (18, 194, 0.9999575110), (18, 388, 0.9952084525), (18, 582, 0.9500933859),
            (18, 776, 0.7891576578), (18, 968, 0.5032805607), (18, 1162, 0.2132785876),
            (18, 1356, 0.0508458390), (18, 1550, 0.0049422834), (18, 1744, 0.0000467121),
            (19, 228, 0.9999767554), (19, 456, 0.9962447189), (19, 684, 0.9553465904),
            (19, 912, 0.7970821159), (19, 1140, 0.5014374607), (19, 1368, 0.2050049122),
            (19, 1596, 0.0454062932), (19, 1824, 0.0038616513), (19, 2052, 0.0000254457),
            (20, 266, 0.9999869859), (20, 532, 0.9970357829), (20, 798, 0.9597899086),
            (20, 1064, 0.8037198781), (20, 1330, 0.5012680696), (20, 1596, 0.1980843517),
            (20, 1862, 0.0408200923), (20, 2128, 0.0030401368), (20, 2394, 0.0000141631),
        ];

        [Theory]
        [MemberData(nameof(RValues))]
        public void Edgeworth_branch_matches_R_at_n_10_to_20(int n, int statistic, double r)
        {
            Assert.Equal(r, RankCorrelation.SpearmanUpperTail(n, statistic), 1e-9);
        }

        [Fact]
        public void Edgeworth_agrees_with_exact_enumeration_near_the_switch()
        {
            // At n = 9 both are available: the series is an approximation, good to about 0.01 in the tail.
            for (var s = 20; s <= 120; s += 10)
            {
                var exact = RankCorrelation.SpearmanUpperTail(9, s);
                Assert.InRange(Math.Abs(exact - EdgeworthAt9(s)), 0, 0.02);
            }
        }

        [Fact]
        public void Two_sided_is_twice_the_smaller_tail()
        {
            double[] x = [1, 2, 3, 4, 5, 6, 7];
            double[] y = [3, 1, 2, 5, 4, 7, 6];
            var greater = RankCorrelation.SpearmanTest(x, y, Alternative.Greater).PValue!.Value;
            var less = RankCorrelation.SpearmanTest(x, y, Alternative.Less).PValue!.Value;
            Assert.Equal(Math.Min(1, 2 * Math.Min(greater, less)), RankCorrelation.SpearmanTest(x, y, Alternative.TwoSided).PValue!.Value, 12);
        }

        private static double EdgeworthAt9(int s)
        {
            // The series of AS 89 evaluated directly for n = 9 (the library switches to exact at n ≤ 9).
            const double c1 = 0.2274, c2 = 0.2531, c3 = 0.1745, c4 = 0.0758, c5 = 0.1033, c6 = 0.3932,
                c7 = 0.0879, c8 = 0.0151, c9 = 0.0072, c10 = 0.0831, c11 = 0.0131, c12 = 4.6e-4;
            var b = 1.0 / 9;
            var x = ((6.0 * (s - 1) * b / ((1 / (b * b)) - 1)) - 1) * Math.Sqrt((1 / b) - 1);
            var y = x * x;
            var u = x * b * (c1 + (b * (c2 + (c3 * b))) + (y * (-c4 + (b * (c5 + (c6 * b)))
                - (y * b * (c7 + (c8 * b) - (y * (c9 - (c10 * b) + (y * b * (c11 - (c12 * y))))))))));
            return (u / Math.Exp(y / 2)) + (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, x));
        }
    }
}
