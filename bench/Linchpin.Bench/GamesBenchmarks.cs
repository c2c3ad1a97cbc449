using BenchmarkDotNet.Attributes;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.PublicGoods;

namespace Linchpin.Bench;

/// <summary>Shapley value of the 20-player airport game: exact enumeration vs the closed form vs Monte Carlo.</summary>
[MemoryDiagnoser]
public class ShapleyBenchmarks
{
    private readonly AirportGame _airport = new(
        [.. Enumerable.Range(1, 20).Select(i => $"P{i}")],
        [0, 1, 1, 2, 2, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 7, 8, 8]);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<double> ExactEnumeration() => Shapley.Exact(_airport);

    [Benchmark]
    public IReadOnlyList<double> LittlechildOwenClosedForm() => _airport.ShapleyValue();

    [Benchmark]
    public ShapleyEstimate MonteCarlo1000Permutations() => Shapley.MonteCarlo(_airport, 1000, new Random(1));
}

/// <summary>The voluntary-contribution equilibrium for 10,000 allies: the exact breakpoint solve vs bisection.</summary>
[MemoryDiagnoser]
public class PublicGoodBenchmarks
{
    private Ally[] _allies = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _allies = [.. Enumerable.Range(0, 10_000).Select(i => new Ally($"A{i}", 1 + (1000 * random.NextDouble()), new CobbDouglas(0.2 + (0.7 * random.NextDouble())), 0.3 * random.NextDouble()))];
    }

    [Benchmark(Baseline = true)]
    public PublicGoodEquilibrium Exact() => PublicGoodGame.Solve(_allies);

    [Benchmark]
    public PublicGoodEquilibrium Bisection() => PublicGoodGame.SolveByBisection(_allies);
}
