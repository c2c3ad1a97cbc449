using System.Numerics;

namespace Linchpin.Alignment;

/// <summary>A configuration: the coalition (0, 1, …) of each actor, in the problem's actor order, and its energy.</summary>
/// <param name="Sides">Coalition label of each actor; actor 0 is always in coalition 0 and labels are numbered in order of first appearance.</param>
/// <param name="Energy">E(X) = Σ_{i≠j} s_i s_j p_ij d_ij(X).</param>
public sealed record Configuration(IReadOnlyList<int> Sides, double Energy);

/// <summary>A local minimum of the landscape: no single actor can lower its frustration by switching side.</summary>
/// <param name="Sides">Coalition of each actor (actor 0 in coalition 0).</param>
/// <param name="Energy">Its energy.</param>
/// <param name="BasinSize">The number of the 2^(n−1) configurations whose steepest descent ends here; <c>null</c> when basins were not computed.</param>
public sealed record LocalMinimum(IReadOnlyList<int> Sides, double Energy, long? BasinSize);

/// <summary>The exact solution of a two-coalition landscape.</summary>
/// <param name="GlobalMinimum">The configuration of least energy (ties: the lowest configuration number, actors 1…n−1 as bits).</param>
/// <param name="LocalMinima">Every local minimum (at most <see cref="Landscape.MaxListedMinima"/>), by energy, the global minimum first.</param>
/// <param name="LocalMinimumCount">The number of local minima found (may exceed the list).</param>
/// <param name="Configurations">The number of configurations enumerated, 2^(n−1).</param>
public sealed record LandscapeSolution(Configuration GlobalMinimum, IReadOnlyList<LocalMinimum> LocalMinima, long LocalMinimumCount, long Configurations);

/// <summary>What a heuristic search found.</summary>
/// <param name="Best">The lowest-energy configuration found.</param>
/// <param name="Minima">The distinct local minima reached, by energy, with how many starts reached each (as <see cref="LocalMinimum.BasinSize"/>).</param>
/// <param name="Starts">The number of random starts.</param>
public sealed record LandscapeSearch(Configuration Best, IReadOnlyList<LocalMinimum> Minima, int Starts);

/// <summary>
/// The landscape theory of aggregation (Axelrod and Bennett 1993): energy, frustration, the exact
/// global minimum and every local minimum with its basin of attraction for two coalitions, and a
/// seeded multi-start descent for many actors or more than two coalitions.
/// </summary>
/// <remarks>
/// <para>Distance d_ij(X) = 1 when i and j are in different coalitions, else 0. Frustration
/// F_i(X) = Σ_{j≠i} s_j p_ij d_ij(X); energy E(X) = Σ_i s_i F_i(X) = Σ_{i≠j} s_i s_j p_ij d_ij(X),
/// an ordered-pair sum (each pair counts twice), as in the published replication code.</para>
/// <para>A switch by actor k changes E by 2 s_k ΔF_k, so E is a potential of the myopic dynamics
/// (footnote 2 of the article). A local minimum is a configuration where no single switch lowers E
/// (E(flip_k X) ≥ E(X) for every k, the ≥ rule of the replication code, within a tolerance of
/// 10⁻⁹ Σ|s_i s_j p_ij| for rounding). Basins follow steepest descent: the switch with the largest
/// drop, ties to the lowest actor index.</para>
/// <para>The exact search fixes actor 0 in coalition 0 and enumerates the other 2^(n−1) − 1
/// configurations in Gray-code order: with spins σ = ±1 and fields h_i = Σ_j W_ij σ_j
/// (W_ij = s_i s_j p_ij), flipping k changes E by 2 σ_k h_k and the fields by O(n). The
/// enumeration is cut into a fixed number of blocks run in parallel, so the result does not depend
/// on the thread count.</para>
/// </remarks>
public static class Landscape
{
    /// <summary>The most actors the exact search accepts (2^31 configurations).</summary>
    public const int MaxExactActors = 32;

    /// <summary>The most actors for which basins of attraction are computed (one integer per configuration).</summary>
    public const int MaxBasinActors = 24;

    /// <summary>The most local minima listed by the exact search.</summary>
    public const int MaxListedMinima = 10_000;

    private const int BlockBits = 8;

    /// <summary>E(X) computed directly in O(n²).</summary>
    /// <exception cref="ArgumentException">Not one side per actor.</exception>
    public static double Energy(LandscapeProblem problem, IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckSides(problem, sides);
        var n = problem.Count;
        var w = problem.Weights;
        var energy = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (sides[i] != sides[j])
                {
                    energy += w[(i * n) + j];
                }
            }
        }

        return energy;
    }

    /// <summary>Each actor's weighted frustration s_i F_i(X) (their sum is E(X)).</summary>
    public static IReadOnlyList<double> WeightedFrustration(LandscapeProblem problem, IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckSides(problem, sides);
        var n = problem.Count;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (sides[i] != sides[j])
                {
                    result[i] += problem.Weights[(i * n) + j];
                }
            }
        }

        return result;
    }

    /// <summary>Whether no single actor can lower E by moving to another of the <paramref name="coalitions"/> coalitions.</summary>
    public static bool IsLocalMinimum(LandscapeProblem problem, IReadOnlyList<int> sides, int coalitions = 2)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckSides(problem, sides);
        var tolerance = Tolerance(problem);
        var attraction = Attraction(problem, sides, coalitions);
        for (var i = 0; i < problem.Count; i++)
        {
            for (var c = 0; c < coalitions; c++)
            {
                if (2 * (attraction[(i * coalitions) + c] - attraction[(i * coalitions) + sides[i]]) > tolerance)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The exact two-coalition solution: the global minimum and every local minimum, with basin sizes
    /// when <paramref name="basins"/> is set (at most <see cref="MaxBasinActors"/> actors).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxExactActors"/> actors, or basins asked for more than <see cref="MaxBasinActors"/>.</exception>
    public static LandscapeSolution SolveExact(LandscapeProblem problem, bool basins = true) => SolveExact(problem, basins, BlockBits);

    /// <summary>The exact search cut into 2^<paramref name="blockBits"/> blocks (fewer when there are fewer free actors); the answer must not depend on it.</summary>
    internal static LandscapeSolution SolveExact(LandscapeProblem problem, bool basins, int blockBits)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(blockBits);
        var n = problem.Count;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxExactActors, nameof(problem));
        if (basins && n > MaxBasinActors)
        {
            throw new ArgumentOutOfRangeException(nameof(basins), n, $"basins of attraction are computed for at most {MaxBasinActors} actors");
        }

        var free = n - 1;
        var total = 1L << free;
        blockBits = Math.Min(free, blockBits);
        var blocks = 1 << blockBits;
        var lowBits = free - blockBits;
        var tolerance = Tolerance(problem);
        var width = Vector<double>.Count;
        var padded = (n + width - 1) / width * width;
        var weights = new double[n * padded];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(problem.Weights, i * n, weights, i * padded, n);
        }

        var constant = problem.Weights.Sum();
        var next = basins ? new int[total] : null;
        var results = new BlockResult[blocks];
        Parallel.For(0, blocks, block =>
            results[block] = RunBlock(weights, n, padded, constant, (long)block << lowBits, lowBits, tolerance, next));

        // Merge in block order: the lowest energy, ties to the lowest configuration number.
        var best = results[0].Best;
        var bestEnergy = results[0].BestEnergy;
        var minima = new List<long>();
        long count = 0;
        foreach (var result in results)
        {
            if (result.BestEnergy < bestEnergy || (result.BestEnergy == bestEnergy && result.Best < best))
            {
                (best, bestEnergy) = (result.Best, result.BestEnergy);
            }

            count += result.MinimaCount;
            minima.AddRange(result.Minima);
        }

        var basinSizes = next is null ? null : Basins(next);

        var listed = minima
            .Select(c => (Config: c, Sides: Sides(c, n)))
            .Select(m => (m.Config, m.Sides, Energy: Energy(problem, m.Sides)))
            .OrderBy(m => m.Energy).ThenBy(m => m.Config)
            .Take(MaxListedMinima)
            .Select(m => new LocalMinimum(m.Sides, m.Energy, basinSizes?.GetValueOrDefault((int)m.Config)))
            .ToList();
        var bestSides = Sides(best, n);
        return new LandscapeSolution(new Configuration(bestSides, Energy(problem, bestSides)), listed, count, total);
    }

    /// <summary>Steepest descent from <paramref name="sides"/> (two coalitions) to a local minimum: the largest drop each step, ties to the lowest actor index.</summary>
    public static Configuration Descend(LandscapeProblem problem, IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckSides(problem, sides);
        var n = problem.Count;
        var tolerance = Tolerance(problem);
        var current = sides.ToArray();
        var attraction = Attraction(problem, current, 2);
        while (true)
        {
            var bestActor = -1;
            var bestDrop = tolerance;
            for (var i = 0; i < n; i++)
            {
                var drop = 2 * (attraction[(i * 2) + (1 - current[i])] - attraction[(i * 2) + current[i]]);
                if (drop > bestDrop)
                {
                    (bestActor, bestDrop) = (i, drop);
                }
            }

            if (bestActor < 0)
            {
                var canonical = Canonical(current);
                return new Configuration(canonical, Energy(problem, canonical));
            }

            Move(problem, attraction, 2, bestActor, current[bestActor], 1 - current[bestActor]);
            current[bestActor] = 1 - current[bestActor];
        }
    }

    /// <summary>
    /// Multi-start descent for many actors or <paramref name="coalitions"/> &gt; 2: from each of
    /// <paramref name="starts"/> random configurations, actors in random order move to the coalition
    /// that lowers E most, until none can. The random source is the only randomness.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 coalitions or fewer than 1 start.</exception>
    public static LandscapeSearch Search(LandscapeProblem problem, int coalitions, int starts, Random random)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(coalitions, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(starts, 1);
        var n = problem.Count;
        var tolerance = Tolerance(problem);
        var found = new Dictionary<string, (int[] Sides, double Energy, long Hits, int Order)>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, n).ToArray();
        var sides = new int[n];
        for (var s = 0; s < starts; s++)
        {
            for (var i = 0; i < n; i++)
            {
                sides[i] = random.Next(coalitions);
            }

            var attraction = Attraction(problem, sides, coalitions);
            var moved = true;
            while (moved)
            {
                moved = false;
                random.Shuffle(order);
                foreach (var i in order)
                {
                    var target = sides[i];
                    var bestDrop = tolerance;
                    for (var c = 0; c < coalitions; c++)
                    {
                        var drop = 2 * (attraction[(i * coalitions) + c] - attraction[(i * coalitions) + sides[i]]);
                        if (drop > bestDrop)
                        {
                            (target, bestDrop) = (c, drop);
                        }
                    }

                    if (target != sides[i])
                    {
                        Move(problem, attraction, coalitions, i, sides[i], target);
                        sides[i] = target;
                        moved = true;
                    }
                }
            }

            var canonical = Canonical(sides);
            var key = string.Join(',', canonical);
            found[key] = found.TryGetValue(key, out var seen)
                ? seen with { Hits = seen.Hits + 1 }
                : (canonical, Energy(problem, canonical), 1, found.Count);
        }

        var minima = found.Values.OrderBy(m => m.Energy).ThenBy(m => m.Order).Select(m => new LocalMinimum(m.Sides, m.Energy, m.Hits)).ToList();
        return new LandscapeSearch(new Configuration(minima[0].Sides, minima[0].Energy), minima, starts);
    }

    /// <summary>The sides of configuration <paramref name="config"/>: actor 0 on side 0, actor j on bit j − 1.</summary>
    private static int[] Sides(long config, int n)
    {
        var sides = new int[n];
        for (var j = 1; j < n; j++)
        {
            sides[j] = (int)((config >> (j - 1)) & 1);
        }

        return sides;
    }

    /// <summary>Relabels coalitions in order of first appearance (so actor 0 is in coalition 0).</summary>
    private static int[] Canonical(IReadOnlyList<int> sides)
    {
        var map = new Dictionary<int, int>();
        return [.. sides.Select(s => map.TryGetValue(s, out var label) ? label : map[s] = map.Count)];
    }

    /// <summary>A[i, c] = Σ_{j in c, j ≠ i} W_ij; moving i from a to c changes E by 2 (A[i, a] − A[i, c]).</summary>
    private static double[] Attraction(LandscapeProblem problem, IReadOnlyList<int> sides, int coalitions)
    {
        var n = problem.Count;
        var attraction = new double[n * coalitions];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                attraction[(i * coalitions) + sides[j]] += problem.Weights[(i * n) + j];
            }
        }

        return attraction;
    }

    private static void Move(LandscapeProblem problem, double[] attraction, int coalitions, int actor, int from, int to)
    {
        var n = problem.Count;
        for (var j = 0; j < n; j++)
        {
            var w = problem.Weights[(j * n) + actor];
            attraction[(j * coalitions) + from] -= w;
            attraction[(j * coalitions) + to] += w;
        }
    }

    private static double Tolerance(LandscapeProblem problem) => 1e-9 * problem.Weights.Sum(Math.Abs);

    private static void CheckSides(LandscapeProblem problem, IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        if (sides.Count != problem.Count || sides.Any(s => s < 0))
        {
            throw new ArgumentException($"expected a coalition number (0, 1, ...) for each of the {problem.Count} actors", nameof(sides));
        }
    }

    /// <summary>
    /// Sizes of the basins: follows each configuration's steepest-descent successor to its end,
    /// overwriting <paramref name="next"/> with the end reached (path compression in place).
    /// </summary>
    private static Dictionary<int, long> Basins(int[] next)
    {
        var path = new List<int>();
        var sizes = new Dictionary<int, long>();
        for (var c = 0; c < next.Length; c++)
        {
            var at = c;
            path.Clear();
            while (next[at] != at)
            {
                path.Add(at);
                at = next[at];
            }

            foreach (var p in path)
            {
                next[p] = at;
            }

            sizes[at] = sizes.GetValueOrDefault(at) + 1;
        }

        return sizes;
    }

    private sealed record BlockResult(long Best, double BestEnergy, List<long> Minima, long MinimaCount);

    /// <summary>Enumerates the 2^lowBits configurations whose high bits are those of <paramref name="start"/>, in Gray-code order.</summary>
    private static BlockResult RunBlock(double[] weights, int n, int padded, double constant, long start, int lowBits, double tolerance, int[]? next)
    {
        var width = Vector<double>.Count;
        var sigma = new double[padded];
        var h = new double[padded];
        var config = start;
        for (var i = 0; i < padded; i++)
        {
            sigma[i] = i == 0 || i >= n ? 1 : (((config >> (i - 1)) & 1) == 0 ? 1 : -1);
        }

        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += weights[(i * padded) + j] * sigma[j];
            }

            h[i] = sum;
        }

        // E = C/2 − ½ Σ σ_i h_i.
        var energy = constant / 2;
        for (var i = 0; i < n; i++)
        {
            energy -= sigma[i] * h[i] / 2;
        }

        var best = config;
        var bestEnergy = energy;
        var minima = new List<long>();
        long minimaCount = 0;
        var negativeTolerance = new Vector<double>(-tolerance);
        var mask = (1L << (n - 1)) - 1;
        var count = 1L << lowBits;
        var lastDelta = double.NegativeInfinity;
        for (var step = 0L; ; step++)
        {
            // A local minimum only if undoing the last flip does not lower E, then if no flip does.
            var isMinimum = false;
            if (lastDelta <= tolerance)
            {
                isMinimum = true;
                for (var j = 0; j < padded; j += width)
                {
                    if (Vector.LessThanAny(new Vector<double>(sigma, j) * new Vector<double>(h, j), negativeTolerance))
                    {
                        isMinimum = false;
                        break;
                    }
                }
            }

            if (isMinimum)
            {
                minimaCount++;
                if (minima.Count < MaxListedMinima)
                {
                    minima.Add(config);
                }
            }

            if (energy < bestEnergy || (energy == bestEnergy && config < best))
            {
                (best, bestEnergy) = (config, energy);
            }

            if (next is not null)
            {
                // Steepest descent: the flip with the most negative σ_k h_k, ties to the lowest k.
                var bestK = -1;
                var bestValue = -tolerance;
                for (var k = 0; k < n; k++)
                {
                    var value = sigma[k] * h[k];
                    if (value < bestValue)
                    {
                        (bestK, bestValue) = (k, value);
                    }
                }

                next[config] = (int)(bestK < 0 ? config : bestK == 0 ? config ^ mask : config ^ (1L << (bestK - 1)));
            }

            if (step + 1 == count)
            {
                break;
            }

            // Gray code: step s → s+1 flips bit tz(s+1), i.e. actor tz(s+1) + 1.
            var actor = BitOperations.TrailingZeroCount(step + 1) + 1;
            lastDelta = 2 * sigma[actor] * h[actor];
            energy += lastDelta;
            var factor = new Vector<double>(-2 * sigma[actor]);
            sigma[actor] = -sigma[actor];
            var row = actor * padded;
            for (var j = 0; j < padded; j += width)
            {
                (new Vector<double>(h, j) + (factor * new Vector<double>(weights, row + j))).CopyTo(h, j);
            }

            config ^= 1L << (actor - 1);
        }

        return new BlockResult(best, bestEnergy, minima, minimaCount);
    }
}
