namespace Linchpin.Simulation;

/// <summary>
/// Exact type-7 quantiles of many series of values in bounded memory, by passes over the values
/// (an ensemble can run its deterministic runs again: the same seed gives the same values).
/// </summary>
/// <remarks>
/// A pass watches, per series, a few intervals of the values' order (as 64-bit sortable keys).
/// A watched interval either keeps every value that falls in it, when the kept values of all
/// intervals fit in the plan's budget, or counts them in bins. After a pass, each rank the
/// quantiles need is found: in a kept interval it is read off the sorted values; in a counted one,
/// the bin holding it becomes the next pass's interval (a bin of one key is the value itself).
/// The first pass keeps everything when it fits, and otherwise counts in bins whose edges are the
/// order statistics of a pilot (the first runs), so that each bin holds about
/// 1/<see cref="Bins"/> of the values and the second pass can keep the few in the target bins.
/// Counts add and kept values are sorted before use, so accumulators merge in any order to the
/// same result. Probabilities are those of the ensemble summary: 5 %, 50 %, 95 %.
/// </remarks>
internal static class ExactQuantiles
{
    /// <summary>The quantile probabilities, in the order <see cref="QuantilePlan.Values"/> returns them.</summary>
    public static readonly double[] Probabilities = [0.5, 0.05, 0.95];

    /// <summary>Bins of a counted interval.</summary>
    public const int Bins = 2048;

    /// <summary>The ranks (0-based) and interpolation weight of the type-7 quantile of <paramref name="count"/> sorted values.</summary>
    public static (long Low, long High, double Weight) Type7(long count, double probability)
    {
        var h = (count - 1) * probability;
        var lo = (long)Math.Floor(h);
        return (lo, Math.Min(lo + 1, count - 1), h - lo);
    }

    /// <summary>A key that orders doubles as <see cref="double.CompareTo(double)"/> does (NaN first; −0 as +0).</summary>
    public static ulong Key(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>The double of a key.</summary>
    public static double FromKey(ulong key) =>
        key == 0 ? double.NaN : BitConverter.Int64BitsToDouble((long)((key & SignBit) != 0 ? key & ~SignBit : ~key));

    private const ulong SignBit = 1UL << 63;

    /// <summary>The plan of a first pass over <paramref name="series"/> series of (at most) <paramref name="valuesPerSeries"/> values each, or <c>null</c> when it needs a pilot.</summary>
    public static QuantilePlan? KeepAll(int series, long valuesPerSeries, long keepValues) =>
        (long)series * valuesPerSeries <= keepValues ? QuantilePlan.Whole(series, keepValues) : null;

    /// <summary>The plan of a first pass with bins cut at the order statistics of the pilot's kept values.</summary>
    public static QuantilePlan FromPilot(QuantileAccumulator pilot, long keepValues)
    {
        var series = new SeriesPlan[pilot.Plan.Series.Length];
        for (var s = 0; s < series.Length; s++)
        {
            var sorted = pilot.Sorted(s, 0);
            var starts = new List<ulong> { 0 };
            for (var b = 1; b < Bins && sorted.Length > 0; b++)
            {
                var key = Key(sorted[(int)((long)b * sorted.Length / Bins)]);
                if (key > starts[^1])
                {
                    starts.Add(key);
                }
            }

            series[s] = new SeriesPlan(-1, [new Watch(0, ulong.MaxValue, 0, -1, [.. starts])], new Dictionary<long, double>());
        }

        return new QuantilePlan(series, keepValues);
    }
}

/// <summary>One watched interval of keys [<paramref name="Low"/>, <paramref name="High"/>], with the number of values below it and in it (−1 until counted).</summary>
/// <param name="Low">Lowest key.</param>
/// <param name="High">Highest key.</param>
/// <param name="Below">Values with a smaller key.</param>
/// <param name="Count">Values in it, or −1 when not yet known.</param>
/// <param name="Starts">The first key of each bin, ascending from <paramref name="Low"/>; <c>null</c> to keep every value.</param>
internal sealed record Watch(ulong Low, ulong High, long Below, long Count, ulong[]? Starts);

/// <summary>A series' state: its number of values (−1 until known), the watched intervals in key order, the ranks resolved so far.</summary>
internal sealed record SeriesPlan(long Count, Watch[] Watches, IReadOnlyDictionary<long, double> Resolved);

/// <summary>What one pass watches, for every series.</summary>
internal sealed partial class QuantilePlan(SeriesPlan[] series, long keepValues)
{
    public SeriesPlan[] Series { get; } = series;

    /// <summary>Values a pass may keep over all series (8 bytes each).</summary>
    public long KeepValues { get; } = keepValues;

    /// <summary>Whether every rank is resolved (no pass needed).</summary>
    public bool Complete => Series.All(s => s.Watches.Length == 0);

    public static QuantilePlan Whole(int series, long keepValues) =>
        new([.. Enumerable.Range(0, series).Select(_ => new SeriesPlan(-1, [new Watch(0, ulong.MaxValue, 0, -1, null)], new Dictionary<long, double>()))], keepValues);

    /// <summary>The quantiles (<see cref="ExactQuantiles.Probabilities"/> order) of a series, once complete; NaN for a series without values.</summary>
    public double[] Values(int series)
    {
        var plan = Series[series];
        return [.. ExactQuantiles.Probabilities.Select(p =>
        {
            if (plan.Count <= 0)
            {
                return double.NaN;
            }

            var (lo, hi, weight) = ExactQuantiles.Type7(plan.Count, p);
            var low = plan.Resolved[lo];
            return low + (weight * (plan.Resolved[hi] - low));
        })];
    }
}

/// <summary>The values one pass (or one part of it) has seen: bin counts and kept values per watched interval.</summary>
internal sealed partial class QuantileAccumulator
{
    private readonly long[]?[][] _counts;
    private readonly List<double>?[][] _kept;

    public QuantileAccumulator(QuantilePlan plan)
    {
        Plan = plan;
        _counts = new long[]?[plan.Series.Length][];
        _kept = new List<double>?[plan.Series.Length][];
        for (var s = 0; s < plan.Series.Length; s++)
        {
            var watches = plan.Series[s].Watches;
            _counts[s] = [.. watches.Select(w => w.Starts is { } starts ? new long[starts.Length] : null)];
            _kept[s] = [.. watches.Select(w => w.Starts is null ? new List<double>() : null)];
        }
    }

    public QuantilePlan Plan { get; }

    /// <summary>Sees one value of a series.</summary>
    public void Add(int series, double value)
    {
        var watches = Plan.Series[series].Watches;
        if (watches.Length == 0)
        {
            return;
        }

        var key = ExactQuantiles.Key(value);
        for (var w = 0; w < watches.Length; w++)
        {
            var watch = watches[w];
            if (key < watch.Low)
            {
                return;
            }

            if (key > watch.High)
            {
                continue;
            }

            if (watch.Starts is { } starts)
            {
                var bin = Array.BinarySearch(starts, key);
                _counts[series][w]![bin >= 0 ? bin : ~bin - 1]++;
            }
            else
            {
                _kept[series][w]!.Add(value);
            }

            return;
        }
    }

    /// <summary>Adds what another accumulator of the same plan has seen.</summary>
    public void Merge(QuantileAccumulator other)
    {
        if (!ReferenceEquals(other.Plan, Plan))
        {
            throw new ArgumentException("accumulators of different passes cannot be merged", nameof(other));
        }

        for (var s = 0; s < _counts.Length; s++)
        {
            for (var w = 0; w < _counts[s].Length; w++)
            {
                if (_counts[s][w] is { } counts)
                {
                    var theirs = other._counts[s][w]!;
                    for (var b = 0; b < counts.Length; b++)
                    {
                        counts[b] += theirs[b];
                    }
                }
                else
                {
                    _kept[s][w]!.AddRange(other._kept[s][w]!);
                }
            }
        }
    }

    /// <summary>The kept values of a watched interval, sorted.</summary>
    public double[] Sorted(int series, int watch)
    {
        var values = _kept[series][watch]!.ToArray();
        Array.Sort(values);
        return values;
    }

    /// <summary>The next pass: what the ranks still unresolved need, once this accumulator has seen every value of the pass.</summary>
    public QuantilePlan Next() => _next ??= Refine();

    private QuantilePlan? _next;

    private QuantilePlan Refine()
    {
        var candidates = new List<(int Series, ulong Low, ulong High, long Below, long Count)>();
        var resolved = new Dictionary<long, double>[Plan.Series.Length];
        var counts = new long[Plan.Series.Length];
        for (var s = 0; s < Plan.Series.Length; s++)
        {
            var plan = Plan.Series[s];
            resolved[s] = new Dictionary<long, double>(plan.Resolved);
            var watches = plan.Watches;
            var sizes = new long[watches.Length];
            for (var w = 0; w < watches.Length; w++)
            {
                sizes[w] = _counts[s][w] is { } c ? c.Sum() : _kept[s][w]!.Count;
            }

            // Only a first pass, which watches everything, learns the number of values.
            counts[s] = plan.Count >= 0 ? plan.Count : sizes.Sum();
            if (watches.Length == 0 || counts[s] == 0)
            {
                continue;
            }

            var sorted = new double[]?[watches.Length];
            var added = new HashSet<ulong>();
            foreach (var rank in Ranks(counts[s]).Where(r => !resolved[s].ContainsKey(r)))
            {
                var w = 0;
                var below = watches[0].Below;
                while (w < watches.Length && !(rank >= below && rank < below + sizes[w]))
                {
                    w++;
                    below = w < watches.Length ? watches[w].Below : below;
                }

                if (w == watches.Length)
                {
                    throw new InvalidOperationException($"rank {rank} of series {s} is in no watched interval: the pass saw other values than the last one");
                }

                var watch = watches[w];
                if (watch.Starts is not { } starts)
                {
                    sorted[w] ??= Sorted(s, w);
                    resolved[s][rank] = sorted[w]![rank - below];
                    continue;
                }

                var bins = _counts[s][w]!;
                var at = below;
                var b = 0;
                while (rank >= at + bins[b])
                {
                    at += bins[b];
                    b++;
                }

                var low = starts[b];
                var high = b + 1 < starts.Length ? starts[b + 1] - 1 : watch.High;
                if (low == high)
                {
                    resolved[s][rank] = ExactQuantiles.FromKey(low);
                }
                else if (added.Add(low))
                {
                    candidates.Add((s, low, high, at, bins[b]));
                }
            }
        }

        // Keep the values of the smallest intervals while they fit the budget; count the rest in finer bins.
        var keep = new HashSet<(int, ulong)>();
        long kept = 0;
        foreach (var c in candidates.OrderBy(c => c.Count).ThenBy(c => c.Series).ThenBy(c => c.Low))
        {
            if (kept + c.Count > Plan.KeepValues)
            {
                break;
            }

            kept += c.Count;
            keep.Add((c.Series, c.Low));
        }

        var next = new SeriesPlan[Plan.Series.Length];
        var bySeries = candidates.ToLookup(c => c.Series);
        for (var s = 0; s < next.Length; s++)
        {
            var watches = bySeries[s].OrderBy(c => c.Low)
                .Select(c => new Watch(c.Low, c.High, c.Below, c.Count, keep.Contains((s, c.Low)) ? null : Split(c.Low, c.High)))
                .ToArray();
            next[s] = new SeriesPlan(counts[s], watches, resolved[s]);
        }

        return new QuantilePlan(next, Plan.KeepValues);
    }

    private static IEnumerable<long> Ranks(long count) =>
        ExactQuantiles.Probabilities.SelectMany(p =>
        {
            var (lo, hi, _) = ExactQuantiles.Type7(count, p);
            return new[] { lo, hi };
        }).Distinct();

    // Bins of equal width in key space: each pass narrows an interval by a factor of Bins.
    private static ulong[] Split(ulong low, ulong high)
    {
        var width = (UInt128)high - low + 1;
        var starts = new List<ulong>(ExactQuantiles.Bins);
        for (var b = 0; b < ExactQuantiles.Bins; b++)
        {
            var start = low + (ulong)(width * (uint)b / ExactQuantiles.Bins);
            if (starts.Count == 0 || start > starts[^1])
            {
                starts.Add(start);
            }
        }

        return [.. starts];
    }
}
