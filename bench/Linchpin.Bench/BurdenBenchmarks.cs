using BenchmarkDotNet.Attributes;
using Linchpin.Analysis;

namespace Linchpin.Bench;

/// <summary>
/// The exploitation test on a NATO-sized alliance (32 allies, no ties) against its parts: the Edgeworth
/// p-value (AS 89), the exact Kendall distribution, and the exact permutation p-value at n = 9 (9! orderings).
/// </summary>
[MemoryDiagnoser]
public class BurdenBenchmarks
{
    private MemberSpending[] _members = [];
    private double[] _x9 = [];
    private double[] _y9 = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _members = [.. Enumerable.Range(0, 32).Select(i =>
        {
            var gdp = Math.Exp(8 + (6 * random.NextDouble()));
            var pct = 1 + (2.5 * random.NextDouble());
            return new MemberSpending($"A{i:00}", $"Ally {i}", pct, false, pct / 100 * gdp, gdp, 2024, null, null);
        })];
        _x9 = [.. Enumerable.Range(0, 9).Select(_ => random.NextDouble())];
        _y9 = [.. Enumerable.Range(0, 9).Select(_ => random.NextDouble())];
    }

    [Benchmark(Baseline = true)]
    public ExploitationResult ExploitationTest32() => ExploitationTest.Run(_members);

    [Benchmark]
    public AllianceBurden Indicators32() => BurdenIndicators.Compute(new AllianceSpending("A", 2024, "bench", null, _members, null, []));

    [Benchmark]
    public RankCorrelationResult SpearmanExactPermutation9() => RankCorrelation.SpearmanTest(_x9, _y9, Alternative.Greater);

    [Benchmark]
    public RankCorrelationResult KendallExactPermutation9() => RankCorrelation.KendallTest(_x9, _y9, Alternative.Greater);
}
