using Linchpin.Simulation;

namespace Linchpin.Cluster;

/// <summary>
/// A worker: makes the runs of a batch off the grain's turn (on the thread pool), so its silo stays
/// responsive, and returns the batch's partial summary. Keyed by job, silo and slot; the
/// coordinator places it on the silo its key names.
/// </summary>
internal sealed class BatchGrain(WorkerJobs jobs) : Grain, IBatchGrain
{
    public async Task<byte[]> Run(BatchTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var coordinator = GrainFactory.GetGrain<IJobGrain>(ticket.JobId);
        var pass = await jobs.PassAsync(ticket, coordinator.PassPlan);
        return await Task.Run(() => EnsembleWire.WriteSummary(Ensemble.Summarize(pass, ticket.Definition.Seed, ticket.From, ticket.To)));
    }

    public Task<(int Cores, string Silo)> Describe() => Task.FromResult((Environment.ProcessorCount, RuntimeIdentity));
}
