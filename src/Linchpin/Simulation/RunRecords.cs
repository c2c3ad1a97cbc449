using System.Buffers.Binary;

namespace Linchpin.Simulation;

/// <summary>
/// What the per-run files keep of one run, as a run recorder sees it: every ally-year's values in
/// single precision (as <c>trajectories.parquet</c> stores them), statuses and events.
/// </summary>
/// <param name="Run">The run index.</param>
/// <param name="Values">Values, <c>[(year · allies + ally) · variables + variable]</c>, in single precision.</param>
/// <param name="Status">Statuses, <c>[year · allies + ally]</c>.</param>
/// <param name="Events">The run's events, in the order the run made them.</param>
public sealed record RunRecord(long Run, float[] Values, AllyStatus[] Status, SimulationEvent[] Events)
{
    /// <summary>The record of run <paramref name="run"/> from the buffer it was made in.</summary>
    public static RunRecord From(long run, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var values = new float[buffer.Values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = (float)buffer.Values[k];
        }

        return new RunRecord(run, values, [.. buffer.StatusByYear], [.. buffer.Events]);
    }
}

/// <summary>
/// Byte forms of runs' records, for ensembles whose runs are made in one process and written to
/// files in another: <see cref="RunRecordCapture"/> packs the runs of a range into chunks under a
/// byte budget, <see cref="Read"/> unpacks them. Reading back gives the same values bit for bit.
/// </summary>
/// <remarks>
/// Little-endian, tagged; per chunk: tag, first run, run count, then per run the values (float32),
/// statuses (one byte each), the event count and each event (year, ally, kind, value, shock).
/// Meant for processes of the same Linchpin version, not for storage.
/// </remarks>
public static class RunRecordWire
{
    private const int Tag = 0x4C50_5831; // "LPX1"
    private const int HeaderBytes = 4 + 8 + 4;
    private const int EventBytes = 4 + 4 + 1 + 8 + 4;

    /// <summary>Bytes of one run's record without its events (the part every run has).</summary>
    public static int FixedRunBytes(SimulationEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var cells = engine.RecordedYears * engine.AllyCount;
        return (cells * SimulationEngine.VariableCount * sizeof(float)) + cells + sizeof(int);
    }

    /// <summary>The first run and the run count of a chunk.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a chunk of run records.</exception>
    public static (long FirstRun, int Count) Range(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderBytes || BinaryPrimitives.ReadInt32LittleEndian(chunk) != Tag)
        {
            throw new InvalidDataException("the bytes are not run records of this version");
        }

        return (BinaryPrimitives.ReadInt64LittleEndian(chunk[4..]), BinaryPrimitives.ReadInt32LittleEndian(chunk[12..]));
    }

    /// <summary>The runs of a chunk over <paramref name="engine"/> (built from the setup the runs were made with), in run order.</summary>
    /// <exception cref="InvalidDataException">The bytes are not run records of this engine's shape.</exception>
    public static IReadOnlyList<RunRecord> Read(SimulationEngine engine, ReadOnlySpan<byte> chunk)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var (first, count) = Range(chunk);
        var cells = engine.RecordedYears * engine.AllyCount;
        var values = cells * SimulationEngine.VariableCount;
        var runs = new List<RunRecord>(count);
        var at = HeaderBytes;
        try
        {
            for (var r = 0; r < count; r++)
            {
                var v = new float[values];
                for (var k = 0; k < values; k++, at += 4)
                {
                    v[k] = BinaryPrimitives.ReadSingleLittleEndian(chunk[at..]);
                }

                var status = new AllyStatus[cells];
                for (var k = 0; k < cells; k++, at++)
                {
                    status[k] = (AllyStatus)chunk[at];
                }

                var events = new SimulationEvent[BinaryPrimitives.ReadInt32LittleEndian(chunk[at..])];
                at += 4;
                for (var e = 0; e < events.Length; e++, at += EventBytes)
                {
                    var bytes = chunk[at..];
                    events[e] = new SimulationEvent(BinaryPrimitives.ReadInt32LittleEndian(bytes), BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
                        (SimulationEventKind)bytes[8], BinaryPrimitives.ReadDoubleLittleEndian(bytes[9..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[17..]));
                }

                runs.Add(new RunRecord(first + r, v, status, events));
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidDataException($"the run records of runs {first}-{first + count - 1} end early", ex);
        }

        return at == chunk.Length ? runs : throw new InvalidDataException($"the run records of runs {first}-{first + count - 1} are followed by {chunk.Length - at} bytes");
    }

    internal static byte[] Write(long firstRun, IReadOnlyList<RunRecord> runs)
    {
        var size = HeaderBytes + runs.Sum(r => (r.Values.Length * 4) + r.Status.Length + 4 + (r.Events.Length * EventBytes));
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Tag);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], firstRun);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], runs.Count);
        var at = HeaderBytes;
        foreach (var run in runs)
        {
            foreach (var v in run.Values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], v);
                at += 4;
            }

            foreach (var s in run.Status)
            {
                span[at++] = (byte)s;
            }

            BinaryPrimitives.WriteInt32LittleEndian(span[at..], run.Events.Length);
            at += 4;
            foreach (var e in run.Events)
            {
                var target = span[at..];
                BinaryPrimitives.WriteInt32LittleEndian(target, e.Year);
                BinaryPrimitives.WriteInt32LittleEndian(target[4..], e.Ally);
                target[8] = (byte)e.Kind;
                BinaryPrimitives.WriteDoubleLittleEndian(target[9..], e.Value);
                BinaryPrimitives.WriteInt32LittleEndian(target[17..], e.Shock);
                at += EventBytes;
            }
        }

        return bytes;
    }

    internal static int Bytes(RunRecord run) => (run.Values.Length * 4) + run.Status.Length + 4 + (run.Events.Length * EventBytes);

    internal static int ChunkHeaderBytes => HeaderBytes;
}

/// <summary>
/// A run recorder that keeps the runs of a range as chunks of <see cref="RunRecordWire"/> bytes,
/// in run order, each at most <c>budget</c> bytes (a single run larger than the budget makes a
/// chunk of its own), e.g. for a worker that sends them to the process writing the files.
/// </summary>
/// <param name="budget">Bytes per chunk at most, ≥ 1.</param>
public sealed class RunRecordCapture(int budget) : IRunRecorder
{
    private const int Slots = 64;
    private readonly int _budget = budget >= 1 ? budget : throw new ArgumentOutOfRangeException(nameof(budget), budget, "a chunk needs at least one byte");
    private readonly RunRecord?[] _slots = new RunRecord?[Slots];
    private readonly List<byte[]> _chunks = [];
    private readonly List<RunRecord> _pending = [];
    private long _pendingFirst;
    private int _pendingBytes;

    /// <inheritdoc/>
    public int BatchRuns => Slots;

    /// <summary>The chunks so far, in run order (complete after <see cref="Finish"/>).</summary>
    public IReadOnlyList<byte[]> Chunks => _chunks;

    /// <inheritdoc/>
    public void Record(int slot, long run, RunBuffer buffer) => _slots[slot] = RunRecord.From(run, buffer);

    /// <inheritdoc/>
    public void Flush(long firstRun, int count)
    {
        for (var slot = 0; slot < count; slot++)
        {
            var run = _slots[slot] ?? throw new InvalidOperationException($"run {firstRun + slot} was not recorded");
            _slots[slot] = null;
            var bytes = RunRecordWire.Bytes(run);
            if (_pending.Count > 0 && RunRecordWire.ChunkHeaderBytes + _pendingBytes + bytes > _budget)
            {
                Finish();
            }

            if (_pending.Count == 0)
            {
                _pendingFirst = run.Run;
            }

            _pending.Add(run);
            _pendingBytes += bytes;
        }
    }

    /// <summary>Closes the last chunk.</summary>
    public void Finish()
    {
        if (_pending.Count > 0)
        {
            _chunks.Add(RunRecordWire.Write(_pendingFirst, _pending));
            _pending.Clear();
            _pendingBytes = 0;
        }
    }
}
