using Linchpin.Simulation;
using Orleans.Runtime.Placement;

namespace Linchpin.Cluster;

/// <summary>
/// The coordinator of one job. It makes the passes an ensemble needs (a pilot when the values do
/// not fit in memory, the first pass, the passes that pin the quantiles down) as batches of runs
/// handed to workers on every active silo (as many at a time as the silo has cores), and merges
/// their partial summaries in run-index order. A batch whose call fails or times out (its silo
/// died or left) is handed out again; summaries are exact, so the result does not depend on
/// which worker made which batch, or on how the runs were split. A job that records its runs holds
/// the first pass's run records until its client has fetched them, in run order; past a bound of
/// bytes held it hands out only the batches the client needs next, so memory stays bounded.
/// </summary>
internal sealed class JobGrain : Grain, IJobGrain, IDisposable
{
    // How often the list of silos is refreshed while batches are out.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KeepResult = TimeSpan.FromDays(1);

    private readonly Dictionary<int, byte[]> _plans = [];
    private JobDefinition? _definition;
    private JobState _state = JobState.Unknown;
    private int _pass;
    private long _runsDone;
    private long _batchesDone;
    private long _reissued;
    private string? _error;
    private byte[]? _result;
    private CancellationTokenSource? _cancel;

    // Run records of the first pass not yet acknowledged by the client, by first run; which batches of the first pass have been made.
    private readonly SortedDictionary<long, byte[]> _records = [];
    private long _recordBytes;
    private bool[] _recordBatchesMade = [];
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Which submission the running loop belongs to: a loop cancelled before a resubmission must not touch the new one's state.
    private int _generation;

    public async Task<JobStatus> Submit(JobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"job {this.GetPrimaryKeyString()} cannot run the definition of job {definition.Id}", nameof(definition));
        }

        if (_state is JobState.Running or JobState.Done)
        {
            return Status(definition);
        }

        _definition = definition;
        _state = JobState.Running;
        (_pass, _runsDone, _batchesDone, _reissued, _error, _result) = (0, 0, 0, 0, null, null);
        _plans.Clear();
        ForgetRecords();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        DelayDeactivation(KeepResult);
        await GrainFactory.GetGrain<IJobListGrain>(0).Add(definition.Id);

        // Runs on this activation's scheduler, between the calls the grain serves (status, plans, cancel).
        _ = RunAsync(definition, ++_generation, _cancel.Token);
        return Status(definition);
    }

    public Task<JobStatus> Status() => Task.FromResult(Status(_definition));

    public Task<byte[]?> Result() => Task.FromResult(_state == JobState.Done ? _result : null);

    public Task<byte[]> PassPlan(int pass) =>
        _plans.TryGetValue(pass, out var plan) ? Task.FromResult(plan) : throw new ArgumentException($"job {this.GetPrimaryKeyString()} has no pass {pass} (yet)", nameof(pass));

    public async Task<byte[]?> Records(long fromRun)
    {
        var definition = _definition;
        if (definition is null || _state is not (JobState.Running or JobState.Done))
        {
            // Unknown: a new activation (the client submits again); cancelled or failed: the status says so.
            return null;
        }

        if (!definition.RecordRuns)
        {
            throw new ArgumentException($"job {definition.Id} records no runs", nameof(fromRun));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(fromRun);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fromRun, definition.Runs);
        foreach (var delivered in _records.Keys.TakeWhile(k => k < fromRun).ToList())
        {
            _recordBytes -= _records[delivered].Length;
            _records.Remove(delivered);
            _drained.TrySetResult();
        }

        if (_records.TryGetValue(fromRun, out var held))
        {
            return held;
        }

        var batch = fromRun / definition.BatchRuns;
        var made = _state == JobState.Done || _pass > 1 || (_pass == 1 && batch < _recordBatchesMade.Length && _recordBatchesMade[batch]);
        if (!made)
        {
            return null;
        }

        // Made and let go (another client fetched them): the same runs are made again, with the same bytes.
        var to = Math.Min(Math.Min(definition.Runs, fromRun + definition.BatchRuns), _records.Count > 0 ? _records.Keys.First() : long.MaxValue);
        var worker = GrainFactory.GetGrain<IBatchGrain>($"{definition.Id}/records/{Guid.NewGuid():N}");
        var again = await RunBatchAsync(worker, new BatchTicket(definition.Id, definition, 1, fromRun, to));
        if (_definition != definition || again.Records.Count == 0)
        {
            return null;
        }

        if (_state is JobState.Running or JobState.Done)
        {
            Hold(again.Records);
        }

        return again.Records[0];
    }

    public async Task<JobStatus> Cancel()
    {
        if (_state == JobState.Running && _cancel is not null)
        {
            await _cancel.CancelAsync();
            _state = JobState.Cancelled;
            ForgetRecords();
        }

        return Status(_definition);
    }

    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);

    public void Dispose() => _cancel?.Dispose();

    private JobStatus Status(JobDefinition? definition) =>
        new(this.GetPrimaryKeyString(), _state, definition?.Runs ?? 0, _pass, _runsDone, _batchesDone, _reissued, _error);

    private async Task RunAsync(JobDefinition definition, int generation, CancellationToken cancellation)
    {
        try
        {
            var engine = await Task.Run(() => new SimulationEngine(EnsembleWire.ReadSetup(definition.SetupJson)), cancellation);
            var limits = new EnsembleLimits(definition.KeepValues, definition.PilotRuns);
            EnsembleSummary? pilot = null;
            if (EnsemblePass.NeedsPilot(engine, definition.Runs, limits))
            {
                pilot = await PassAsync(definition, EnsemblePass.Pilot(engine, definition.Runs, limits), cancellation);
            }

            // Planning a pass sorts every kept value: off the grain's turn, as the runs are.
            var start = await Task.Run(() => EnsemblePass.Start(engine, definition.Runs, pilot, limits), cancellation);
            var summary = await PassAsync(definition, start, cancellation);
            while (await Task.Run(summary.Next, cancellation) is { } next)
            {
                _plans[next.Number] = await Task.Run(() => EnsembleWire.WritePass(next), cancellation);
                summary = await PassAsync(definition, next, cancellation);
            }

            var done = summary;
            var result = await Task.Run(() => EnsembleWire.WriteResult(done.Result(definition.Seed)), cancellation);
            if (generation == _generation && !cancellation.IsCancellationRequested)
            {
                (_result, _state) = (result, JobState.Done);
                _plans.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Cancel() has set the state; a resubmission has its own.
        }
#pragma warning disable CA1031 // The job's error is its status: the caller reads it, nothing else would.
        catch (Exception ex) when (generation == _generation)
#pragma warning restore CA1031
        {
            _error = $"{ex.GetType().Name}: {ex.Message}";
            _state = JobState.Failed;
            _plans.Clear();
            ForgetRecords();
        }
    }

    private void Hold(IEnumerable<byte[]> chunks)
    {
        foreach (var chunk in chunks)
        {
            var first = RunRecordWire.Range(chunk).FirstRun;
            if (_records.TryAdd(first, chunk))
            {
                _recordBytes += chunk.Length;
            }
        }
    }

    private void ForgetRecords()
    {
        _records.Clear();
        _recordBytes = 0;
        _recordBatchesMade = [];
        _drained.TrySetResult();
    }

    // While the records held pass the bound, only a batch before every held record (one the client waits for) goes out.
    private bool MayHandOut(JobDefinition definition, bool recording, int batch) =>
        !recording || _recordBytes <= 16L * definition.ChunkBytes || _records.Count == 0 || (long)batch * definition.BatchRuns < _records.Keys.First();

    private async Task<EnsembleSummary> PassAsync(JobDefinition definition, EnsemblePass pass, CancellationToken cancellation)
    {
        _pass = pass.Number;
        _runsDone = 0;
        var batchRuns = definition.BatchRuns;
        var count = (int)((pass.Runs + batchRuns - 1) / batchRuns);
        var recording = definition.RecordRuns && pass.Number == 1;
        if (recording)
        {
            _recordBatchesMade = new bool[count];
        }

        // The lowest batch first, so the client writing the per-run files gets them about in order.
        var pending = new SortedSet<int>(Enumerable.Range(0, count));
        var finished = new Dictionary<int, byte[]>();
        var running = new Dictionary<Task<BatchResult>, (int Batch, Slot Slot)>();
        var merged = new EnsembleSummary(pass);
        var nextMerge = 0;
        var slots = new Workers(GrainFactory, definition.Id, definition.Version);
        await slots.RefreshAsync();
        var refreshed = DateTime.UtcNow;
        while (nextMerge < count)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DateTime.UtcNow - refreshed > Refresh || slots.FreeCount == 0 && running.Count == 0)
            {
                await slots.RefreshAsync();
                refreshed = DateTime.UtcNow;
            }

            while (pending.Count > 0 && MayHandOut(definition, recording, pending.Min) && slots.TakeFree() is { } slot)
            {
                var batch = pending.Min;
                pending.Remove(batch);
                var from = (long)batch * batchRuns;
                var ticket = new BatchTicket(definition.Id, definition, pass.Number, from, Math.Min(pass.Runs, from + batchRuns));
                running[slot.RunAsync(ticket)] = (batch, slot);
            }

            var first = await Task.WhenAny(running.Keys.Cast<Task>().Append(Task.Delay(Refresh, cancellation)).Append(_drained.Task));
            cancellation.ThrowIfCancellationRequested();
            if (_drained.Task.IsCompleted)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (first is not Task<BatchResult> call)
            {
                continue;
            }

            var (index, used) = running[call];
            running.Remove(call);
            if (call.IsCompletedSuccessfully)
            {
                finished[index] = call.Result.Summary;
                if (recording)
                {
                    Hold(call.Result.Records);
                    _recordBatchesMade[index] = true;
                }

                _batchesDone++;
                slots.Release(used);
            }
            else
            {
                _ = call.Exception; // observed: the failure is counted, not thrown
                // The worker's silo died, left or timed out: the batch goes to another worker.
                pending.Add(index);
                _reissued++;
                slots.Drop(used);
                refreshed = DateTime.MinValue;
            }

            while (finished.Remove(nextMerge, out var bytes))
            {
                var size = Math.Min(pass.Runs, ((long)nextMerge + 1) * batchRuns) - ((long)nextMerge * batchRuns);
                await Task.Run(() => merged.Merge(EnsembleWire.ReadSummary(pass, bytes)), cancellation);
                _runsDone += size;
                nextMerge++;
            }
        }

        return merged;
    }

    /// <summary>What a batch gave: its partial summary and, when the job records its runs, their records.</summary>
    private sealed record BatchResult(byte[] Summary, IReadOnlyList<byte[]> Records);

    /// <summary>Runs a batch, then fetches its records message by message, each under the job's byte budget.</summary>
    private static async Task<BatchResult> RunBatchAsync(IBatchGrain worker, BatchTicket ticket)
    {
        var reply = await worker.Run(ticket);
        var records = new byte[reply.RecordChunks][];
        for (var k = 0; k < records.Length; k++)
        {
            records[k] = await worker.Records(k);
        }

        return new BatchResult(reply.Summary, records);
    }

    /// <summary>A worker slot: one batch at a time on one silo.</summary>
    private sealed record Slot(IBatchGrain Worker, SiloAddress Silo)
    {
        public Task<BatchResult> RunAsync(BatchTicket ticket)
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, Silo);
            try
            {
                return RunBatchAsync(Worker, ticket);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
    }

    /// <summary>The worker slots of the active silos: as many per silo as it has cores.</summary>
    private sealed class Workers(IGrainFactory grains, string jobId, string version)
    {
        private readonly Dictionary<SiloAddress, List<Slot>> _bySilo = [];
        private readonly Queue<Slot> _free = new();
        private readonly HashSet<Slot> _dropped = [];

        public int FreeCount => _free.Count;

        public Slot? TakeFree() => _free.TryDequeue(out var slot) ? slot : null;

        public void Release(Slot slot)
        {
            if (_bySilo.ContainsKey(slot.Silo) && !_dropped.Contains(slot))
            {
                _free.Enqueue(slot);
            }
        }

        public void Drop(Slot slot) => _dropped.Add(slot);

        public async Task RefreshAsync()
        {
            // A silo of another version (one refusing to join, before it leaves) gets no batch: its runs could differ.
            var hosts = (await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true))
                .Where(h => SiloHost.VersionOf(h.SiloName) == version).ToDictionary(h => h.SiloAddress);
            foreach (var gone in _bySilo.Keys.Where(s => !hosts.ContainsKey(s)).ToList())
            {
                _bySilo.Remove(gone);
            }

            foreach (var silo in hosts.Keys.Where(s => !_bySilo.ContainsKey(s)))
            {
                var probe = new Slot(grains.GetGrain<IBatchGrain>($"{jobId}/{silo.ToParsableString()}/0"), silo);
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                Task<(int Cores, string Silo)> describe;
                try
                {
                    describe = probe.Worker.Describe();
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }

                int cores;
                try
                {
                    cores = (await describe).Cores;
                }
#pragma warning disable CA1031 // A silo that cannot describe itself is left out until the next refresh.
                catch (Exception)
#pragma warning restore CA1031
                {
                    continue;
                }

                var slots = Enumerable.Range(0, Math.Max(1, cores))
                    .Select(k => k == 0 ? probe : new Slot(grains.GetGrain<IBatchGrain>($"{jobId}/{silo.ToParsableString()}/{k}"), silo))
                    .ToList();
                _bySilo[silo] = slots;
                slots.ForEach(_free.Enqueue);
            }

            // Slots that failed come back, as new workers, while their silo is still active.
            foreach (var slot in _dropped.ToList())
            {
                _dropped.Remove(slot);
                if (_bySilo.TryGetValue(slot.Silo, out var list))
                {
                    var index = list.IndexOf(slot);
                    var fresh = slot with { Worker = grains.GetGrain<IBatchGrain>($"{jobId}/{slot.Silo.ToParsableString()}/{index}/{Guid.NewGuid():N}") };
                    list[index] = fresh;
                    _free.Enqueue(fresh);
                }
            }

            // Free slots of silos that left are forgotten.
            var keep = _free.Where(s => _bySilo.TryGetValue(s.Silo, out var l) && l.Contains(s)).ToList();
            _free.Clear();
            keep.ForEach(_free.Enqueue);
        }
    }
}

/// <summary>The cluster's list of job ids (in memory, on one silo).</summary>
internal sealed class JobListGrain : Grain, IJobListGrain
{
    private readonly List<string> _ids = [];

    public Task Add(string jobId)
    {
        if (!_ids.Contains(jobId))
        {
            _ids.Add(jobId);
        }

        DelayDeactivation(TimeSpan.FromDays(1));
        return Task.CompletedTask;
    }

    public Task<string[]> Ids() => Task.FromResult(_ids.ToArray());
}
