using System.Collections.Concurrent;
using Linchpin.Simulation;

namespace Linchpin.Cluster;

/// <summary>
/// What a silo keeps of the jobs its workers serve: the engine built from the job's setup, and the
/// passes made so far, so a batch message carries only its run range. A few recent jobs are kept.
/// </summary>
internal sealed class WorkerJobs
{
    private const int Kept = 4;
    private readonly ConcurrentDictionary<string, Lazy<Job>> _jobs = new();
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The pass of a batch: the pilot and the first pass are rebuilt here from the definition (a first pass after a pilot remakes the pilot's runs: the same seed gives the same values); later passes are fetched once from the coordinator.</summary>
    public async Task<(EnsemblePass Pass, RunParameters? Parameters)> PassAsync(BatchTicket ticket, Func<int, Task<byte[]>> fetchPlan)
    {
        var job = _jobs.GetOrAdd(ticket.JobId, id =>
        {
            _order.Enqueue(id);
            while (_order.Count > Kept && _order.TryDequeue(out var old))
            {
                _jobs.TryRemove(old, out _);
            }

            return new Lazy<Job>(() => new Job(ticket.Definition));
        }).Value;
        return (await job.PassAsync(ticket.Pass, fetchPlan).ConfigureAwait(false), job.Parameters);
    }

    private sealed class Job(JobDefinition definition)
    {
        private readonly ConcurrentDictionary<int, Lazy<Task<EnsemblePass>>> _passes = new();

        public SimulationEngine Engine { get; } = new(EnsembleWire.ReadSetup(definition.SetupJson));

        private EnsembleLimits Limits { get; } = new(definition.KeepValues, definition.PilotRuns);

        /// <summary>Each run's parameters when the job draws them from a posterior.</summary>
        public RunParameters? Parameters { get; } = definition.Posterior is { } posterior
            ? JobPosterior.Read(posterior, EnsembleWire.ReadSetup(definition.SetupJson).Parameters)
            : null;

        public Task<EnsemblePass> PassAsync(int number, Func<int, Task<byte[]>> fetchPlan) =>
            _passes.GetOrAdd(number, n => new Lazy<Task<EnsemblePass>>(() => n switch
            {
                0 => Task.FromResult(EnsemblePass.Pilot(Engine, definition.Runs, Limits)),
                1 => Task.Run(First),
                _ => FetchAsync(n, fetchPlan),
            })).Value;

        private EnsemblePass First()
        {
            EnsembleSummary? pilot = null;
            if (EnsemblePass.NeedsPilot(Engine, definition.Runs, Limits))
            {
                var pilotPass = EnsemblePass.Pilot(Engine, definition.Runs, Limits);
                pilot = Ensemble.Summarize(pilotPass, definition.Seed, 0, pilotPass.Runs, Environment.ProcessorCount, parameters: Parameters);
            }

            return EnsemblePass.Start(Engine, definition.Runs, pilot, Limits);
        }

        private async Task<EnsemblePass> FetchAsync(int number, Func<int, Task<byte[]>> fetchPlan) =>
            EnsembleWire.ReadPass(Engine, await fetchPlan(number).ConfigureAwait(false));
    }
}
