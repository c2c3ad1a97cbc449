using BenchmarkDotNet.Attributes;
using Linchpin.Alignment;
using Linchpin.Data;

namespace Linchpin.Bench;

/// <summary>Exact two-coalition landscape: 17 actors (Axelrod and Bennett's 1936 Europe size) and 28 actors.</summary>
[MemoryDiagnoser]
public class LandscapeBenchmarks
{
    private LandscapeProblem _problem = null!;

    [Params(17, 28)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var n = Actors;
        var p = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                p[(i * n) + j] = p[(j * n) + i] = (2 * random.NextDouble()) - 1;
            }
        }

        _problem = LandscapeProblem.Create([.. Enumerable.Range(0, n).Select(i => $"A{i}")], [.. Enumerable.Range(0, n).Select(_ => 0.01 + random.NextDouble())], p);

        // The heuristic's optimality gap where the exact answer is known (printed once, not timed).
        if (n <= 20)
        {
            var exact = Landscape.SolveExact(_problem, basins: false).GlobalMinimum.Energy;
            foreach (var starts in new[] { 1, 10, 100 })
            {
                var gaps = Enumerable.Range(0, 100).Select(seed => Landscape.Search(_problem, 2, starts, new Random(seed)).Best.Energy - exact).ToArray();
                Console.WriteLine($"// search gap, {n} actors, {starts} starts: mean {gaps.Average():G4}, max {gaps.Max():G4}, optimal in {gaps.Count(g => g <= 1e-9)}/100 seeds (|E_min| = {Math.Abs(exact):G6})");
            }
        }
    }

    /// <summary>Global minimum and every local minimum (basins up to 24 actors).</summary>
    [Benchmark]
    public LandscapeSolution Exact() => Landscape.SolveExact(_problem, basins: Actors <= Landscape.MaxBasinActors);

    /// <summary>Multi-start descent, 100 starts.</summary>
    [Benchmark]
    public LandscapeSearch Search100Starts() => Landscape.Search(_problem, 2, 100, new Random(1));
}

/// <summary>Similarity of every undirected dyad-year 1816–2016, one measure: from the shipped files to a Parquet file.</summary>
[MemoryDiagnoser]
public class SimilarityBenchmarks
{
    private readonly SimilarityOptions _options = SimilarityOptions.For(PortfolioCoding.Standard);
    private AlliancePortfolios _portfolios = null!;
    private DyadFrame _keys = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _portfolios = Portfolios();
        _keys = DyadYears.Build(ShippedDyadData.Load(DyadJoins.None), new DyadYearRequest(1816, 2016, Directed: false, DyadJoins.None));
        _path = Path.Combine(Path.GetTempPath(), $"linchpin-bench-{Guid.NewGuid():N}.parquet");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>S for the 956,145 dyad-years, portfolios and keys prepared.</summary>
    [Benchmark]
    public int ComputeS() => _portfolios.Compute(_keys.Ccode1.ToArray(), _keys.Ccode2.ToArray(), _keys.Year.ToArray(), SimilarityMeasure.S, _options).Values.Length;

    /// <summary>τb for the same dyad-years.</summary>
    [Benchmark]
    public int ComputeTauB() => _portfolios.Compute(_keys.Ccode1.ToArray(), _keys.Ccode2.ToArray(), _keys.Year.ToArray(), SimilarityMeasure.TauB, _options).Values.Length;

    /// <summary>Everything <c>linchpin similarity --all --out FILE.parquet</c> does: read the data, code portfolios, build keys, compute S, write.</summary>
    [Benchmark]
    public long EndToEndToParquet()
    {
        var portfolios = Portfolios();
        var keys = DyadYears.Build(ShippedDyadData.Load(DyadJoins.None), new DyadYearRequest(1816, 2016, Directed: false, DyadJoins.None));
        var (values, present) = portfolios.Compute(keys.Ccode1.ToArray(), keys.Ccode2.ToArray(), keys.Year.ToArray(), SimilarityMeasure.S, _options);
        return DyadFrameFile.Write(keys.WithColumn("s", values, present), _path);
    }

    private static AlliancePortfolios Portfolios() =>
        AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), AlliancePledges.Atop().Pledges, PortfolioCoding.Standard, AlliancePledges.Capabilities(), 1816, 2016, "atop_ddy 5.1");
}
