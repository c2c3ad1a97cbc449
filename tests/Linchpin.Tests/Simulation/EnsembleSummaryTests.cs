using System.Globalization;
using System.Numerics;
using FsCheck.Xunit;
using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

public class EnsembleSummaryTests
{
    private static readonly Lazy<SimulationEngine> Engine = new(() =>
    {
        var deal = new CostSharingSetup("KRW bn", 1038.9, 2015, 5, 3000, 2000, 2000, 1500, 1000, 2500, 5800);
        return new SimulationEngine(SimulationEngineTests.Setup(new SimulationParameters(BaseHazard: 0.15), new Doctrine(0.8, 2, true),
            [new ShockSetup(ShockKind.MaritimeIncident, null, 0.4, ["korea"], 0.08, 1, 0.1, "incident")], years: 6, deal: deal));
    });

    /// <summary>Today's method, kept as the oracle: every value in single precision, sorted, type-7 quantiles, the sum in run order.</summary>
    private static (List<string> Rows, List<double>[] Settlements) Reference(SimulationEngine engine, int runs, ulong seed)
    {
        var n = engine.AllyCount;
        var years = engine.RecordedYears;
        var variables = Enum.GetValues<TrajectoryVariable>();
        var values = new float[runs, n, variables.Length, years];
        var settlements = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
        var buffer = engine.NewBuffer();
        for (var r = 0; r < runs; r++)
        {
            engine.Run(seed, r, buffer);
            for (var i = 0; i < n; i++)
            {
                foreach (var v in variables)
                {
                    for (var t = 0; t < years; t++)
                    {
                        values[r, i, (int)v, t] = (float)buffer.Value(t, i, v);
                    }
                }

                if (buffer.Settled[i])
                {
                    settlements[i].Add(buffer.FirstSettlement[i]);
                }
            }
        }

        var rows = new List<string>();
        for (var i = 0; i < n; i++)
        {
            foreach (var v in variables)
            {
                for (var t = 0; t < years; t++)
                {
                    var column = new double[runs];
                    double sum = 0;
                    for (var r = 0; r < runs; r++)
                    {
                        column[r] = values[r, i, (int)v, t];
                        sum += column[r];
                    }

                    Array.Sort(column);
                    rows.Add(Text(new SummaryRow(engine.Setup.Allies[i].Iso3, v, engine.Setup.StartYear + t,
                        EnsembleResult.Quantile(column, 0.5), EnsembleResult.Quantile(column, 0.05), EnsembleResult.Quantile(column, 0.95), sum / runs)));
                }
            }
        }

        return (rows, settlements);
    }

    private static string Text(SummaryRow r) =>
        string.Join(",", r.Iso3, r.Variable, r.Year, Bits(r.Median), Bits(r.Low), Bits(r.High), Bits(r.Mean));

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    private static string Csv(EnsembleResult result) =>
        string.Join("\n", SimulationOutput.SummaryRows(result).Select(row => string.Join(",", row.Select(v => v is double d ? Bits(d) : v?.ToString()))));

    public class Against_sorting_every_value
    {
        [Theory]
        [InlineData(16L << 20, 4096)] // every value kept: one pass
        [InlineData(400, 50)]         // a pilot of 50 runs, then passes that keep at most 400 values
        [InlineData(1, 7)]            // a pilot of 7 runs, then passes that narrow each bin by key until one key is left
        public void Bands_and_means_are_bit_for_bit_those_of_a_full_sort(long keep, int pilot)
        {
            var engine = Engine.Value;
            var (expected, settlements) = Reference(engine, 300, 9);
            var result = Ensemble.Run(engine, 300, 9, threads: 2, limits: new EnsembleLimits(keep, pilot), cancellation: TestContext.Current.CancellationToken);

            Assert.Equal(expected, result.Summary().Select(Text).ToList());
            var korea = result.Outcomes().Single(o => o.Iso3 == "KOR");
            var sorted = settlements[2].Order().ToArray();
            Assert.True(sorted.Length > 20, "the test needs settlements");
            Assert.Equal(EnsembleResult.Quantile(sorted, 0.5), korea.SettlementMedian);
            Assert.Equal(EnsembleResult.Quantile(sorted, 0.05), korea.SettlementLow);
            Assert.Equal(EnsembleResult.Quantile(sorted, 0.95), korea.SettlementHigh);
            Assert.Equal((double)sorted.Length / 300, korea.Settlement);
        }

        [Fact]
        public void A_small_ensemble_keeps_its_settlements_and_a_large_one_says_it_did_not()
        {
            var engine = Engine.Value;
            var small = Ensemble.Run(engine, 200, 9, cancellation: TestContext.Current.CancellationToken);
            Assert.Equal(Reference(engine, 200, 9).Settlements[2].Order(), small.FirstSettlements(2));
            var large = Ensemble.Run(engine, 200, 9, limits: new EnsembleLimits(100, 20), cancellation: TestContext.Current.CancellationToken);
            Assert.False(large.KeptSettlements);
            Assert.Throws<InvalidOperationException>(() => large.FirstSettlements(2));
        }
    }

    public class Merging
    {
        [Property(MaxTest = 12)]
        public bool Any_split_of_the_runs_merged_in_run_order_gives_the_same_bytes(int splitSeed, bool small)
        {
            const int Runs = 120;
            var engine = Engine.Value;
            var limits = small ? new EnsembleLimits(300, 30) : EnsembleLimits.Default;
            var whole = Csv(Ensemble.Run(engine, Runs, 3, limits: limits));

            var random = new Random(splitSeed);
            var cuts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (long)random.Next(1, Runs)).Append(0).Append(Runs).Distinct().Order().ToArray();
            EnsembleSummary Pass(EnsemblePass pass)
            {
                EnsembleSummary? merged = null;
                for (var k = 0; k + 1 < cuts.Length; k++)
                {
                    var from = Math.Min(cuts[k], pass.Runs);
                    var to = Math.Min(cuts[k + 1], pass.Runs);
                    var part = Ensemble.Summarize(pass, 3, from, to, threads: 1 + (k % 2));
                    if (merged is null)
                    {
                        merged = part;
                    }
                    else
                    {
                        merged.Merge(part);
                    }
                }

                return merged!;
            }

            var pilot = EnsemblePass.NeedsPilot(engine, Runs, limits) ? Pass(EnsemblePass.Pilot(engine, Runs, limits)) : null;
            var summary = Pass(EnsemblePass.Start(engine, Runs, pilot, limits));
            while (summary.Next() is { } next)
            {
                summary = Pass(next);
            }

            return Csv(summary.Result(3)) == whole;
        }

        [Fact]
        public void A_pass_refuses_a_summary_of_another_pass_and_an_unfinished_one()
        {
            var engine = Engine.Value;
            var a = new EnsembleSummary(EnsemblePass.Start(engine, 10));
            var b = new EnsembleSummary(EnsemblePass.Start(engine, 10));
            Assert.Throws<ArgumentException>(() => a.Merge(b));
            Assert.Throws<InvalidOperationException>(() => a.Next());
        }
    }

    public class Keys
    {
        [Property(MaxTest = 300)]
        public bool Keys_order_doubles_as_CompareTo_does_and_invert(double a, double b)
        {
            var (ka, kb) = (ExactQuantiles.Key(a), ExactQuantiles.Key(b));
            var same = ExactQuantiles.FromKey(ka).Equals(a == 0 ? 0.0 : a);
            return same && Math.Sign(ka.CompareTo(kb)) == Math.Sign(a.CompareTo(b));
        }

        [Fact]
        public void Extremes_are_ordered()
        {
            double[] ascending = [double.NaN, double.NegativeInfinity, double.MinValue, -1, -double.Epsilon, 0, double.Epsilon, 1, double.MaxValue, double.PositiveInfinity];
            var keys = ascending.Select(ExactQuantiles.Key).ToArray();
            Assert.Equal(keys.Order(), keys);
            Assert.Equal(keys.Length, keys.Distinct().Count());
        }
    }

    public class Exact_sums
    {
        [Fact]
        public void Cancellation_that_a_running_sum_loses_is_kept()
        {
            var sum = new ExactFloatSum();
            foreach (var v in new[] { 1e30f, 1f, -1e30f, 3e-40f })
            {
                sum.Add(v);
            }

            // In double precision 1e30 + 1 − 1e30 is 0; the exact sum is 1 + 3e-40 (a subnormal float), which rounds to 1.
            Assert.Equal(1.0, sum.ToDouble());
        }

        [Property(MaxTest = 200)]
        public bool The_sum_is_the_correctly_rounded_exact_sum_in_any_order(int seed)
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-140, 120)))).ToArray();
            var forward = new ExactFloatSum();
            var backward = new ExactFloatSum();
            foreach (var v in values)
            {
                forward.Add(v);
            }

            foreach (var v in values.Reverse())
            {
                backward.Add(v);
            }

            // The oracle: the exact sum as an integer count of 2^-160, converted by BigInteger (within an ulp).
            var exact = values.Aggregate(BigInteger.Zero, (s, v) => s + Scaled(v));
            var oracle = (double)exact * Math.Pow(2, -160);
            return forward.ToDouble() == backward.ToDouble() && Math.Abs(forward.ToDouble() - oracle) <= Math.Abs(oracle) * 2.3e-16;
        }

        [Fact]
        public void Rounding_is_to_nearest_with_ties_to_even()
        {
            var two53 = BigInteger.One << 53;
            Assert.Equal(9007199254740992.0, ExactFloatSum.RoundToDouble(two53 + 1, 0));
            Assert.Equal(9007199254740996.0, ExactFloatSum.RoundToDouble(two53 + 3, 0));
            Assert.Equal(9007199254740994.0, ExactFloatSum.RoundToDouble((two53 << 4) + 17, -4));
            Assert.Equal(-0.75, ExactFloatSum.RoundToDouble(-3, -2));
        }

        [Fact]
        public void Non_finite_values_follow_IEEE_rules()
        {
            Assert.True(double.IsNaN(Sum(float.PositiveInfinity, float.NegativeInfinity)));
            Assert.True(double.IsNaN(Sum(1, float.NaN)));
            Assert.Equal(double.NegativeInfinity, Sum(1, float.NegativeInfinity));
            Assert.Equal(0.0, Sum());
        }

        private static double Sum(params float[] values)
        {
            var sum = new ExactFloatSum();
            foreach (var v in values)
            {
                sum.Add(v);
            }

            return sum.ToDouble();
        }

        // v · 2^160 as an integer (every float is a multiple of 2^-149).
        private static BigInteger Scaled(float v)
        {
            var bits = BitConverter.SingleToInt32Bits(v);
            var exponent = (bits >> 23) & 0xFF;
            var mantissa = bits & 0x7FFFFF;
            var m = new BigInteger(exponent == 0 ? mantissa : mantissa | (1 << 23)) << (Math.Max(exponent - 1, 0) + 11);
            return bits < 0 ? -m : m;
        }
    }
}
