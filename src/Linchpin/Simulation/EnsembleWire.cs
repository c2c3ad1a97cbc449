using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linchpin.Simulation;

/// <summary>
/// Byte forms of what an ensemble split over several processes exchanges: the setup (to build the
/// same engine elsewhere), a pass (what its runs collect), a partial summary of some runs of a
/// pass, and the finished result. Reading back what was written gives the same values bit for bit,
/// so a summary merged from partial summaries made anywhere equals the one made in one process.
/// </summary>
/// <remarks>
/// The formats are little-endian binary (JSON for the setup), versioned by a leading tag; they are
/// meant for processes of the same Linchpin version, not for storage.
/// </remarks>
public static class EnsembleWire
{
    private const int SummaryTag = 0x4C50_5331; // "LPS1"
    private const int PassTag = 0x4C50_5031;
    private const int ResultTag = 0x4C50_5231;

    private static readonly JsonSerializerOptions SetupJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>The setup as JSON (every double round-trips exactly).</summary>
    public static string WriteSetup(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return JsonSerializer.Serialize(setup, SetupJson);
    }

    /// <summary>The setup written by <see cref="WriteSetup"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a setup.</exception>
    public static SimulationSetup ReadSetup(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<SimulationSetup>(json, SetupJson) ?? throw new InvalidDataException("the setup is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not a simulation setup: {ex.Message}", ex);
        }
    }

    /// <summary>What a pass collects: its number, runs and plan.</summary>
    public static byte[] WritePass(EnsemblePass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return Write(PassTag, w =>
        {
            w.Write(pass.Number);
            w.Write(pass.Runs);
            w.Write(pass.CountsOutcomes);
            w.Write(EnsemblePass.SeriesCount(pass.Engine));
            pass.Plan.Write(w);
        });
    }

    /// <summary>
    /// A copy of a pass written by <see cref="WritePass"/>, over <paramref name="engine"/> (built from
    /// the same setup): its summaries are read back into the original pass with <see cref="ReadSummary"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a pass of this engine.</exception>
    public static EnsemblePass ReadPass(SimulationEngine engine, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Read(PassTag, bytes, r =>
        {
            var number = r.ReadInt32();
            var runs = r.ReadInt64();
            var counts = r.ReadBoolean();
            CheckSeries(engine, r.ReadInt32());
            return EnsemblePass.Copy(engine, runs, number, QuantilePlan.Read(r), counts);
        });
    }

    /// <summary>A partial summary (some runs of one pass).</summary>
    public static byte[] WriteSummary(EnsembleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Write(SummaryTag, w =>
        {
            w.Write(summary.Pass.Number);
            w.Write(summary.Pass.Runs);
            w.Write(EnsemblePass.SeriesCount(summary.Pass.Engine));
            summary.Write(w);
        });
    }

    /// <summary>A partial summary written by <see cref="WriteSummary"/> (from a copy of <paramref name="pass"/> or the pass itself), as an accumulator of <paramref name="pass"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a summary of this pass.</exception>
    public static EnsembleSummary ReadSummary(EnsemblePass pass, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return Read(SummaryTag, bytes, r =>
        {
            var number = r.ReadInt32();
            var runs = r.ReadInt64();
            if (number != pass.Number || runs != pass.Runs)
            {
                throw new InvalidDataException($"a summary of pass {number} over {runs} runs, not of pass {pass.Number} over {pass.Runs}");
            }

            CheckSeries(pass.Engine, r.ReadInt32());
            var summary = new EnsembleSummary(pass);
            summary.Read(r);
            return summary;
        });
    }

    /// <summary>A finished result: bands, outcomes and (when kept) the settlements.</summary>
    public static byte[] WriteResult(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(ResultTag, result.Write);
    }

    /// <summary>A result written by <see cref="WriteResult"/>, over <paramref name="engine"/> (built from the same setup).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a result of this engine.</exception>
    public static EnsembleResult ReadResult(SimulationEngine engine, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Read(ResultTag, bytes, r => EnsembleResult.Read(engine, r));
    }

    private static void CheckSeries(SimulationEngine engine, int series)
    {
        if (series != EnsemblePass.SeriesCount(engine))
        {
            throw new InvalidDataException($"written for {series} series, the engine has {EnsemblePass.SeriesCount(engine)}");
        }
    }

    private static byte[] Write(int tag, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(tag);
            body(writer);
        }

        return stream.ToArray();
    }

    private static T Read<T>(int tag, byte[] bytes, Func<BinaryReader, T> body)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        try
        {
            if (reader.ReadInt32() != tag)
            {
                throw new InvalidDataException("the bytes are of another kind or version");
            }

            var value = body(reader);
            if (reader.BaseStream.Position != bytes.Length)
            {
                throw new InvalidDataException($"{bytes.Length - reader.BaseStream.Position} bytes left over");
            }

            return value;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the bytes end early", ex);
        }
    }
}

/// <content>The byte form of a sum.</content>
internal sealed partial class ExactFloatSum
{
    internal void Write(BinaryWriter w)
    {
        w.Write(_nan);
        w.Write(_positiveInfinity);
        w.Write(_negativeInfinity);
        w.Write((short)_mantissas.Count(m => m != 0));
        for (var e = 0; e < Exponents; e++)
        {
            if (_mantissas[e] != 0)
            {
                w.Write((byte)e);
                w.Write(_mantissas[e]);
            }
        }
    }

    // Into an empty sum.
    internal void Read(BinaryReader r)
    {
        _nan = r.ReadInt64();
        _positiveInfinity = r.ReadInt64();
        _negativeInfinity = r.ReadInt64();
        var count = r.ReadInt16();
        for (var k = 0; k < count; k++)
        {
            _mantissas[r.ReadByte()] = r.ReadInt64();
        }
    }
}

/// <content>The byte form of a plan.</content>
internal sealed partial class QuantilePlan
{
    internal void Write(BinaryWriter w)
    {
        w.Write(KeepValues);
        w.Write(Series.Length);
        foreach (var s in Series)
        {
            w.Write(s.Count);
            w.Write(s.Resolved.Count);
            foreach (var (rank, value) in s.Resolved.OrderBy(p => p.Key))
            {
                w.Write(rank);
                w.Write(value);
            }

            w.Write(s.Watches.Length);
            foreach (var watch in s.Watches)
            {
                w.Write(watch.Low);
                w.Write(watch.High);
                w.Write(watch.Below);
                w.Write(watch.Count);
                w.Write(watch.Starts?.Length ?? -1);
                foreach (var start in watch.Starts ?? [])
                {
                    w.Write(start);
                }
            }
        }
    }

    internal static QuantilePlan Read(BinaryReader r)
    {
        var keep = r.ReadInt64();
        var series = new SeriesPlan[r.ReadInt32()];
        for (var s = 0; s < series.Length; s++)
        {
            var count = r.ReadInt64();
            var resolved = new Dictionary<long, double>();
            for (var k = r.ReadInt32(); k > 0; k--)
            {
                resolved[r.ReadInt64()] = r.ReadDouble();
            }

            var watches = new Watch[r.ReadInt32()];
            for (var k = 0; k < watches.Length; k++)
            {
                var (low, high, below, size, starts) = (r.ReadUInt64(), r.ReadUInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32());
                watches[k] = new Watch(low, high, below, size, starts < 0 ? null : [.. Enumerable.Range(0, starts).Select(_ => r.ReadUInt64())]);
            }

            series[s] = new SeriesPlan(count, watches, resolved);
        }

        return new QuantilePlan(series, keep);
    }
}

/// <content>The byte form of an accumulator (its plan is written apart).</content>
internal sealed partial class QuantileAccumulator
{
    internal void Write(BinaryWriter w)
    {
        for (var s = 0; s < _counts.Length; s++)
        {
            for (var k = 0; k < _counts[s].Length; k++)
            {
                if (_counts[s][k] is { } counts)
                {
                    // A part of a pass fills few of the bins: only the others are written, as gaps and counts.
                    w.Write7BitEncodedInt(counts.Count(c => c != 0));
                    var last = -1;
                    for (var b = 0; b < counts.Length; b++)
                    {
                        if (counts[b] != 0)
                        {
                            w.Write7BitEncodedInt(b - last);
                            w.Write7BitEncodedInt64(counts[b]);
                            last = b;
                        }
                    }
                }
                else
                {
                    var kept = _kept[s][k]!;
                    w.Write(kept.Count);
                    foreach (var v in kept)
                    {
                        w.Write(v);
                    }
                }
            }
        }
    }

    // Into an empty accumulator of the same plan.
    internal void Read(BinaryReader r)
    {
        for (var s = 0; s < _counts.Length; s++)
        {
            for (var k = 0; k < _counts[s].Length; k++)
            {
                if (_counts[s][k] is { } counts)
                {
                    var b = -1;
                    for (var n = r.Read7BitEncodedInt(); n > 0; n--)
                    {
                        b += r.Read7BitEncodedInt();
                        counts[b] = r.Read7BitEncodedInt64();
                    }
                }
                else
                {
                    var kept = _kept[s][k]!;
                    var n = r.ReadInt32();
                    kept.Capacity = n;
                    for (var v = 0; v < n; v++)
                    {
                        kept.Add(r.ReadDouble());
                    }
                }
            }
        }
    }
}

/// <content>A pass rebuilt from its byte form.</content>
public sealed partial class EnsemblePass
{
    private EnsemblePass(SimulationEngine engine, long runs, int number, QuantilePlan plan, bool countsOutcomes)
    {
        Engine = engine;
        Runs = runs;
        Number = number;
        Plan = plan;
        CountsOutcomes = countsOutcomes;
    }

    internal static EnsemblePass Copy(SimulationEngine engine, long runs, int number, QuantilePlan plan, bool countsOutcomes)
    {
        if (plan.Series.Length != SeriesCount(engine))
        {
            throw new InvalidDataException($"a plan of {plan.Series.Length} series for an engine of {SeriesCount(engine)}");
        }

        return new(engine, runs, number, plan, countsOutcomes);
    }
}

/// <content>The byte form of a partial summary.</content>
public sealed partial class EnsembleSummary
{
    internal void Write(BinaryWriter w)
    {
        w.Write(RunsAdded);
        w.Write(_sums is not null);
        if (_sums is not null)
        {
            foreach (var sum in _sums)
            {
                sum.Write(w);
            }

            foreach (var count in _outcomes!)
            {
                w.Write(count);
            }

            foreach (var count in _demandChoices!)
            {
                w.Write(count);
            }
        }

        Quantiles.Write(w);
    }

    // Into an empty accumulator.
    internal void Read(BinaryReader r)
    {
        RunsAdded = r.ReadInt64();
        if (r.ReadBoolean() != (_sums is not null))
        {
            throw new InvalidDataException("the summary does not count outcomes as its pass does");
        }

        if (_sums is not null)
        {
            foreach (var sum in _sums)
            {
                sum.Read(r);
            }

            for (var k = 0; k < _outcomes!.Length; k++)
            {
                _outcomes[k] = r.ReadInt64();
            }

            for (var k = 0; k < _demandChoices!.Length; k++)
            {
                _demandChoices[k] = r.ReadInt64();
            }
        }

        Quantiles.Read(r);
    }
}

/// <content>The byte form of a result.</content>
public sealed partial class EnsembleResult
{
    internal void Write(BinaryWriter w)
    {
        w.Write(Runs);
        w.Write(Seed);
        w.Write(_rows.Count);
        foreach (var row in _rows)
        {
            w.Write(row.Iso3);
            w.Write((int)row.Variable);
            w.Write(row.Year);
            w.Write(row.Median);
            w.Write(row.Low);
            w.Write(row.High);
            w.Write(row.Mean);
        }

        w.Write(_outcomes.Count);
        foreach (var o in _outcomes)
        {
            w.Write(o.Iso3);
            w.Write(o.Definition.Name);
            w.Write(o.Applies);
            w.Write(o.Probability);
            w.Write(o.Median);
            w.Write(o.Low);
            w.Write(o.High);
        }

        w.Write(_settlements is not null);
        foreach (var values in _settlements ?? [])
        {
            w.Write(values.Count);
            foreach (var v in values)
            {
                w.Write(v);
            }
        }

        w.Write(_demands.Count);
        foreach (var d in _demands)
        {
            w.Write(d.Id);
            w.Write(d.Iso3);
            w.Write(d.Accept);
            w.Write(d.Partial);
            w.Write(d.Refuse);
        }
    }

    internal static EnsembleResult Read(SimulationEngine engine, BinaryReader r)
    {
        var runs = r.ReadInt32();
        var seed = r.ReadUInt64();
        var rows = new SummaryRow[r.ReadInt32()];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = new SummaryRow(r.ReadString(), (TrajectoryVariable)r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        }

        var outcomes = new AllyOutcomeSummary[r.ReadInt32()];
        for (var k = 0; k < outcomes.Length; k++)
        {
            var iso3 = r.ReadString();
            var name = r.ReadString();
            var definition = AllyOutcomeDefinition.All.FirstOrDefault(d => d.Name == name) ?? throw new InvalidDataException($"unknown outcome '{name}'");
            outcomes[k] = new AllyOutcomeSummary(iso3, definition, r.ReadBoolean(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        }

        IReadOnlyList<double>[]? settlements = null;
        if (r.ReadBoolean())
        {
            settlements = new IReadOnlyList<double>[engine.AllyCount];
            for (var i = 0; i < settlements.Length; i++)
            {
                settlements[i] = [.. Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadDouble())];
            }
        }

        var demands = new DemandOutcome[r.ReadInt32()];
        for (var k = 0; k < demands.Length; k++)
        {
            demands[k] = new DemandOutcome(r.ReadString(), r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        }

        return new EnsembleResult(engine, runs, seed, rows, outcomes, settlements, demands);
    }
}
