using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>The sensitivity estimators against closed forms: Ishigami, Sobol G, and a linear function for Morris.</summary>
public static class SensitivityEstimatorTests
{
    private static double[] Evaluate(SaltelliDesign design, Func<double[], double> f) =>
        [.. Enumerable.Range(0, design.Count).Select(k => f(design.Point(k)))];

    public class LatinHypercubeSample
    {
        [Fact]
        public void Every_column_has_exactly_one_point_per_stratum()
        {
            const int n = 257;
            var rows = LatinHypercube.Sample(n, 5, new Random(3));
            for (var d = 0; d < 5; d++)
            {
                var strata = rows.Select(r => (int)Math.Floor(r[d] * n)).Order().ToArray();
                Assert.Equal(Enumerable.Range(0, n), strata);
            }
        }

        [Fact]
        public void The_same_seed_gives_the_same_sample() =>
            Assert.Equal(LatinHypercube.Sample(16, 3, new Random(9)), LatinHypercube.Sample(16, 3, new Random(9)));
    }

    public class Ishigami
    {
        [Fact]
        public void The_closed_form_gives_the_published_indices()
        {
            var exact = TestFunctions.IshigamiIndices();
            Assert.Equal([0.3139, 0.4424, 0], exact.FirstOrder.Select(v => Math.Round(v, 4)));
            Assert.Equal([0.5576, 0.4424, 0.2437], exact.Total.Select(v => Math.Round(v, 4)));
        }

        [Fact]
        public void Saltelli_and_Jansen_estimates_at_N_2_pow_14_are_within_0_05_of_the_published_indices()
        {
            // N = 2^14 rows: 81,920 evaluations. Published values (model 11 §11.4) as literals.
            var design = SobolAnalysis.Design(1 << 14, 3, new Random(42));
            var y = Evaluate(design, x => TestFunctions.Ishigami([.. x.Select(u => Math.PI * ((2 * u) - 1))]));
            var result = SobolAnalysis.Analyze(design, y, new Random(1), resamples: 50);
            double[] s1 = [0.3139, 0.4424, 0];
            double[] st = [0.5576, 0.4424, 0.2437];
            for (var i = 0; i < 3; i++)
            {
                Assert.InRange(result.Indices[i].FirstOrder, s1[i] - 0.05, s1[i] + 0.05);
                Assert.InRange(result.Indices[i].Total, st[i] - 0.05, st[i] + 0.05);
            }

            Assert.Equal(13.8446, result.Variance, 0.5);
        }

        [Fact]
        public void Bootstrap_intervals_contain_the_estimate_and_narrow_as_N_grows()
        {
            double Width(int n)
            {
                var design = SobolAnalysis.Design(n, 3, new Random(5));
                var y = Evaluate(design, x => TestFunctions.Ishigami([.. x.Select(u => Math.PI * ((2 * u) - 1))]));
                var index = SobolAnalysis.Analyze(design, y, new Random(2), resamples: 100).Indices[0];
                Assert.InRange(index.FirstOrder, index.FirstOrderLow, index.FirstOrderHigh);
                Assert.InRange(index.Total, index.TotalLow, index.TotalHigh);
                return index.TotalHigh - index.TotalLow;
            }

            // The interval's width falls like 1/√N: a 16-fold N should give about a quarter.
            Assert.InRange(Width(4096) / Width(256), 0.1, 0.5);
        }
    }

    public class SobolG
    {
        [Theory]
        [InlineData(new[] { 0, 1, 4.5, 9, 99, 99, 99, 99 }, new[] { 0.7165, 0.1791, 0.0237, 0.0072 })]
        public void The_closed_form_gives_the_reference_first_order_indices(double[] a, double[] expected)
        {
            // The reference notes give these as "≈"; the closed form by hand is V = 0.465425,
            // S1 = (1/3)/V = 0.71619, so the notes' 0.7165 is within their rounding of 0.0005.
            var exact = TestFunctions.SobolGIndices(a);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], exact.FirstOrder[i], 0.0005);
            }

            Assert.Equal(0.71619, exact.FirstOrder[0], 0.00001);
        }

        [Fact]
        public void The_closed_form_matches_a_direct_integration_for_two_inputs()
        {
            // V_i = ∫(g_i − 1)² = 1/(3(1 + a_i)²); for D = 2 and a = (0, 1): V1 = 1/3, V2 = 1/12,
            // V = (4/3)(13/12) − 1 = 4/9, S = (3/4, 3/16), ST1 = (1/3)(13/12)/(4/9) = 13/16.
            var exact = TestFunctions.SobolGIndices([0, 1]);
            Assert.Equal(0.75, exact.FirstOrder[0], 12);
            Assert.Equal(3.0 / 16, exact.FirstOrder[1], 12);
            Assert.Equal(13.0 / 16, exact.Total[0], 12);
            Assert.Equal((1.0 / 12) * (4.0 / 3) / (4.0 / 9), exact.Total[1], 12);
        }

        [Theory]
        [InlineData(new[] { 0, 1, 4.5, 9, 99, 99, 99, 99 })]
        [InlineData(new[] { 0, 0, 3.0, 3, 9, 9 })]
        [InlineData(new[] { 2, 0.5, 20 })]
        public void Estimates_at_N_4096_are_within_0_04_of_the_closed_form(double[] a)
        {
            // The G function's estimator errors at N = 4096 were under 0.02 over several seeds; 0.04 leaves room.
            var exact = TestFunctions.SobolGIndices(a);
            var design = SobolAnalysis.Design(4096, a.Length, new Random(11));
            var y = Evaluate(design, x => TestFunctions.SobolG(x, a));
            var result = SobolAnalysis.Analyze(design, y, new Random(1), resamples: 0);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.InRange(result.Indices[i].FirstOrder, exact.FirstOrder[i] - 0.04, exact.FirstOrder[i] + 0.04);
                Assert.InRange(result.Indices[i].Total, exact.Total[i] - 0.04, exact.Total[i] + 0.04);
            }
        }

        [Fact]
        public void Outputs_out_of_design_order_are_caught_by_the_indices_not_silently_accepted()
        {
            // SALib #218: shuffled outputs give indices near 0 for the dominant input.
            var a = new double[] { 0, 1, 9 };
            var design = SobolAnalysis.Design(2048, 3, new Random(4));
            var y = Evaluate(design, x => TestFunctions.SobolG(x, a));
            new Random(8).Shuffle(y);
            var result = SobolAnalysis.Analyze(design, y, new Random(1), resamples: 0);
            Assert.True(result.Indices[0].FirstOrder < 0.3, $"{result.Indices[0].FirstOrder}");
        }
    }

    public class Morris
    {
        [Fact]
        public void A_linear_function_has_exact_effects_and_no_spread()
        {
            double[] b = [3, -2, 0.5, 0, 10];
            var design = MorrisScreening.Design(b.Length, 20, 4, new Random(6));
            var y = design.Points.Select(x => x.Select((v, i) => b[i] * v).Sum()).ToArray();
            var result = MorrisScreening.Analyze(design, y, new Random(1));
            for (var i = 0; i < b.Length; i++)
            {
                Assert.Equal(b[i], result[i].Mu, 10);
                Assert.Equal(Math.Abs(b[i]), result[i].MuStar, 10);
                Assert.Equal(0, result[i].Sigma, 10);
            }
        }

        [Fact]
        public void Every_step_changes_one_factor_by_delta_and_stays_in_the_unit_cube()
        {
            var design = MorrisScreening.Design(4, 10, 4, new Random(2));
            Assert.Equal(2.0 / 3, design.Delta, 12);
            Assert.All(design.Points, p => Assert.All(p, v => Assert.InRange(v, 0, 1)));
            for (var t = 0; t < design.Trajectories; t++)
            {
                for (var k = 0; k < 4; k++)
                {
                    var before = design.Points[(t * 5) + k];
                    var after = design.Points[(t * 5) + k + 1];
                    var changed = Enumerable.Range(0, 4).Where(i => before[i] != after[i]).ToList();
                    Assert.Equal([design.Factors[t][k]], changed);
                    Assert.Equal(design.Delta, Math.Abs(after[changed[0]] - before[changed[0]]), 12);
                }
            }
        }

        [Fact]
        public void Effects_of_opposite_signs_give_a_low_mu_and_a_high_mu_star()
        {
            // f = (x1 − ½)²·4 + x2: x1's effects are ±, x2's are all 1.
            var design = MorrisScreening.Design(2, 40, 4, new Random(3));
            var y = design.Points.Select(x => (4 * (x[0] - 0.5) * (x[0] - 0.5)) + x[1]).ToArray();
            var result = MorrisScreening.Analyze(design, y, new Random(1));
            Assert.True(Math.Abs(result[0].Mu) < 0.5 * result[0].MuStar, $"{result[0].Mu} vs {result[0].MuStar}");
            Assert.True(result[0].Sigma > 0.1);
            Assert.Equal(1, result[1].MuStar, 10);
        }
    }
}
