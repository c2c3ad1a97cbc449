using System.Globalization;
using FsCheck.Xunit;
using Linchpin.Alignment;

namespace Linchpin.Tests.Alignment;

/// <summary>Oracles: Signorino &amp; Ritter (1999) Table 6 as fpsim prints it, and the hand-checked example of model 07 §7.4.</summary>
public static class PortfolioSimilarityTests
{
    private static readonly SimilarityOptions Standard = SimilarityOptions.For(PortfolioCoding.Standard);

    internal static (int[] Germany, int[] Russia, double[] Syscap) Table6()
    {
        using var stream = typeof(PortfolioSimilarityTests).Assembly.GetManifestResourceStream("Fixtures.signorino_ritter_1999_table6.csv")!;
        using var reader = new StreamReader(stream);
        var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Trim().Split(',')).ToArray();
        return (
            [.. rows.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture))],
            [.. rows.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture))],
            [.. rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture))]);
    }

    /// <summary>A random pair of portfolios over 1–40 targets with values 0–3, some missing (−1), and weights.</summary>
    internal static (int[] X, int[] Y, double[] W) RandomPair(int seed, bool missing = true)
    {
        var random = new Random(seed);
        var k = random.Next(1, 41);
        int Value() => missing && random.Next(12) == 0 ? -1 : random.Next(4);
        return ([.. Enumerable.Range(0, k).Select(_ => Value())], [.. Enumerable.Range(0, k).Select(_ => Value())], [.. Enumerable.Range(0, k).Select(_ => random.NextDouble())]);
    }

    private static bool Same(double? a, double? b) => (a is null && b is null) || (a is { } p && b is { } q && Math.Abs(p - q) < 1e-12);

    public sealed class Compare
    {
        [Fact]
        public void Germany_and_Russia_1914_match_Signorino_and_Ritter_and_fpsim()
        {
            var (gmy, rus, syscap) = Table6();

            var scores = PortfolioSimilarity.Compare(gmy, rus, Standard, syscap);

            Assert.Equal(20, scores.States);
            Assert.Equal(0.03031695, scores.TauB!.Value, 8); // S&R report ≈ .03
            Assert.Equal(0.4, scores.S!.Value, 12);
            Assert.Equal(-0.46, scores.SWeighted!.Value, 12);
            Assert.Equal(-0.07758621, scores.Kappa!.Value, 8);
            Assert.Equal(-0.04477612, scores.Pi!.Value, 8);
        }

        [Fact]
        public void Germany_and_Russia_1914_variants_match_model_07()
        {
            var (gmy, rus, _) = Table6();

            var squared = PortfolioSimilarity.Compare(gmy, rus, Standard with { Distance = DistanceMetric.Squared });
            var linear = PortfolioSimilarity.Compare(gmy, rus, Standard with { KappaWeights = AgreementWeights.Linear, PiWeights = AgreementWeights.Linear });
            var quadraticPi = PortfolioSimilarity.Compare(gmy, rus, Standard with { PiWeights = AgreementWeights.Quadratic });

            Assert.Equal(0.444444, squared.S!.Value, 6);
            Assert.Equal(-0.0714286, linear.Kappa!.Value, 7);
            Assert.Equal(-0.0843373, linear.Pi!.Value, 7);
            Assert.Equal(-0.0869565, quadraticPi.Pi!.Value, 7);
        }

        [Fact]
        public void Germany_and_Russia_1914_binary_coding_matches_model_07()
        {
            var (gmy, rus, _) = Table6();
            int[] Binary(int[] v) => [.. v.Select(x => x > 0 ? 1 : 0)];

            var scores = PortfolioSimilarity.Compare(Binary(gmy), Binary(rus), SimilarityOptions.For(PortfolioCoding.Binary));

            Assert.Equal(0.4, scores.S!.Value, 12);
            Assert.Equal(0.0625, scores.Kappa!.Value, 12);
            Assert.Equal(0.0625, scores.Pi!.Value, 12);
        }

        [Fact]
        public void Worked_example_of_model_07_is_reproduced()
        {
            int[] x = [3, 3, 0, 1, 0];
            int[] y = [3, 1, 3, 0, 0];
            double[] w = [0.4, 0.3, 0.2, 0.05, 0.05];

            var scores = PortfolioSimilarity.Compare(x, y, Standard, w);
            var linear = PortfolioSimilarity.Compare(x, y, Standard with { KappaWeights = AgreementWeights.Linear });

            Assert.Equal(0.2, scores.S!.Value, 12);
            Assert.Equal(0.166667, scores.SWeighted!.Value, 6);
            Assert.Equal(0.25, scores.TauB!.Value, 12);
            Assert.Equal(0.239130, scores.Kappa!.Value, 6);
            Assert.Equal(0.0625, scores.Pi!.Value, 12); // nominal π
            Assert.Equal(0.166667, linear.Kappa!.Value, 6);
            Assert.Equal(0.377778, PortfolioSimilarity.Compare(x, y, Standard with { Distance = DistanceMetric.Squared }).S!.Value, 6);
        }

        [Fact]
        public void Constant_portfolios_leave_tau_b_and_kappa_undefined_but_S_defined()
        {
            var scores = PortfolioSimilarity.Compare([0, 0, 0], [0, 0, 0], Standard);

            Assert.Null(scores.TauB);
            Assert.Null(scores.Kappa);
            Assert.Null(scores.Pi);
            Assert.Equal(1, scores.S!.Value, 12);
        }

        [Fact]
        public void Missing_values_drop_the_target_from_both_portfolios()
        {
            var scores = PortfolioSimilarity.Compare([3, -1, 0, 1], [3, 2, 1, -1], Standard);

            Assert.Equal(2, scores.States);
            Assert.Equal(1 - (2 * 1 / (2 * 3.0)), scores.S!.Value, 12);
        }

        [Fact]
        public void A_value_beyond_the_levels_is_rejected()
        {
            Assert.Throws<ArgumentException>(() => PortfolioSimilarity.Compare([4], [0], Standard));
        }

        [Property(MaxTest = 300)]
        public bool Is_symmetric_in_the_two_portfolios(int seed)
        {
            var (x, y, w) = RandomPair(seed);
            var (a, b) = (PortfolioSimilarity.Compare(x, y, Standard, w), PortfolioSimilarity.Compare(y, x, Standard, w));
            return a.States == b.States && Enum.GetValues<SimilarityMeasure>().All(m => Same(a.Get(m), b.Get(m)));
        }

        [Property(MaxTest = 300)]
        public bool Identical_portfolios_have_S_of_one(int seed)
        {
            var (x, _, w) = RandomPair(seed);
            var scores = PortfolioSimilarity.Compare(x, x, Standard, w);
            return scores.S is not { } s || Math.Abs(s - 1) < 1e-12;
        }

        [Property(MaxTest = 300)]
        public bool Every_measure_stays_in_range(int seed)
        {
            var (x, y, w) = RandomPair(seed);
            var s = PortfolioSimilarity.Compare(x, y, Standard, w);
            static bool In(double? v, double low) => v is not { } d || (d >= low - 1e-12 && d <= 1 + 1e-12);
            return In(s.TauB, -1) && In(s.S, -1) && In(s.SWeighted, -1) && In(s.Kappa, double.NegativeInfinity) && In(s.Pi, double.NegativeInfinity);
        }

        [Property(MaxTest = 300)]
        public bool Tabulated_measures_equal_their_definitions(int seed)
        {
            var (x, y, w) = RandomPair(seed, missing: false);
            var scores = PortfolioSimilarity.Compare(x, y, Standard, w);
            var dx = x.Select(v => (double)v).ToArray();
            var dy = y.Select(v => (double)v).ToArray();
            return Same(scores.TauB, PortfolioSimilarity.TauB(dx, dy))
                && Same(scores.S, PortfolioSimilarity.S(dx, dy, 3))
                && Same(scores.SWeighted, PortfolioSimilarity.S(dx, dy, 3, DistanceMetric.Absolute, w));
        }
    }
}
