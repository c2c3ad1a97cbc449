using Linchpin.Simulation;

namespace Linchpin.Cluster;

/// <summary>
/// A worker: makes the runs of a batch off the grain's turn (on the thread pool), so its silo stays
/// responsive, and returns the batch's partial summary; when the job records its runs, it holds
/// the first pass's records as messages under the job's byte budget until the coordinator has
/// fetched them. Keyed by job, silo and slot; the coordinator places it on the silo its key names.
/// </summary>
internal sealed class BatchGrain(WorkerJobs jobs) : Grain, IBatchGrain
{
    private IReadOnlyList<byte[]> _held = [];

    public async Task<BatchReply> Run(BatchTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        _held = [];
        var coordinator = GrainFactory.GetGrain<IJobGrain>(ticket.JobId);
        var (pass, parameters) = await jobs.PassAsync(ticket, coordinator.PassPlan);
        var definition = ticket.Definition;
        var capture = ticket.Pass == 1 && definition.RecordRuns ? new RunRecordCapture(definition.ChunkBytes) : null;
        var summary = await Task.Run(() =>
        {
            var made = EnsembleWire.WriteSummary(Ensemble.Summarize(pass, definition.Seed, ticket.From, ticket.To, recorder: capture, parameters: parameters));
            capture?.Finish();
            return made;
        });
        _held = capture?.Chunks ?? [];
        return new BatchReply(summary, _held.Count);
    }

    public Task<byte[]> Records(int chunk)
    {
        if (chunk < 0 || chunk >= _held.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), chunk, $"this worker holds {_held.Count} messages of run records");
        }

        var bytes = _held[chunk];
        if (chunk == _held.Count - 1)
        {
            _held = [];
        }

        return Task.FromResult(bytes);
    }

    public Task<(int Cores, string Silo)> Describe() => Task.FromResult((Environment.ProcessorCount, RuntimeIdentity));
}
