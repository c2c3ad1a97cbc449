using System.Security.Cryptography;
using System.Text;

namespace Linchpin.Cluster;

/// <summary>
/// An ensemble job as the cluster runs it: the resolved setup (so every silo builds the same
/// engine without the submitter's data store), the run count, the master seed, the runs per batch
/// and the memory limits of the summary. Its id is a hash of all of it, so submitting the same job
/// twice attaches to the first.
/// </summary>
/// <param name="SetupJson">The setup, as <see cref="Simulation.EnsembleWire.WriteSetup"/> writes it.</param>
/// <param name="Runs">Number of runs, ≥ 1.</param>
/// <param name="Seed">The master seed: run r uses the stream of (seed, r).</param>
/// <param name="BatchRuns">Runs per batch, ≥ 1 (the result does not depend on it).</param>
/// <param name="KeepValues">Values a pass may keep in memory (<see cref="Simulation.EnsembleLimits.KeepValues"/>).</param>
/// <param name="PilotRuns">Runs of the pilot (<see cref="Simulation.EnsembleLimits.PilotRuns"/>).</param>
/// <param name="Version">The Linchpin version of the submitter.</param>
[GenerateSerializer, Immutable]
public sealed record JobDefinition(string SetupJson, long Runs, ulong Seed, int BatchRuns, long KeepValues, int PilotRuns, string Version)
{
    /// <summary>The job id: the first 16 hex digits of the SHA-256 of the whole definition.</summary>
    public string Id => JobId(SetupJson, Runs, Seed, BatchRuns, KeepValues, PilotRuns, Version);

    private static string JobId(string setup, long runs, ulong seed, int batch, long keep, int pilot, string version)
    {
        var text = $"{version}\n{runs}\n{seed}\n{batch}\n{keep}\n{pilot}\n{setup}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}

/// <summary>Where a job is.</summary>
[GenerateSerializer]
public enum JobState
{
    /// <summary>No job of this id is known to the cluster.</summary>
    Unknown,

    /// <summary>Batches are being handed out.</summary>
    Running,

    /// <summary>Finished: the result can be read.</summary>
    Done,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled,

    /// <summary>Stopped by an error (see <see cref="JobStatus.Error"/>).</summary>
    Failed,
}

/// <summary>A job's progress.</summary>
/// <param name="Id">The job id.</param>
/// <param name="State">Where it is.</param>
/// <param name="Runs">Runs of the ensemble.</param>
/// <param name="Pass">The pass being made (0 for the pilot, 1 for the first pass over every run, more to pin quantiles down).</param>
/// <param name="RunsDone">Runs of the current pass summarised so far.</param>
/// <param name="BatchesDone">Batches finished over all passes.</param>
/// <param name="BatchesReissued">Batches handed out again after a failure or a time-out.</param>
/// <param name="Error">What stopped a failed job.</param>
[GenerateSerializer, Immutable]
public sealed record JobStatus(string Id, JobState State, long Runs, int Pass, long RunsDone, long BatchesDone, long BatchesReissued, string? Error);

/// <summary>One batch: runs [<paramref name="From"/>, <paramref name="To"/>) of one pass of a job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Definition">The job's definition (the worker builds and caches the engine from it).</param>
/// <param name="Pass">The pass number.</param>
/// <param name="From">First run.</param>
/// <param name="To">One past the last run.</param>
[GenerateSerializer, Immutable]
public sealed record BatchTicket(string JobId, JobDefinition Definition, int Pass, long From, long To);

/// <summary>The coordinator of one job (keyed by the job id): holds its definition, hands out batches, merges their summaries.</summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job, or, when the same job is running or done, leaves it as it is; returns its status.</summary>
    Task<JobStatus> Submit(JobDefinition definition);

    /// <summary>The job's status (<see cref="JobState.Unknown"/> when never submitted).</summary>
    Task<JobStatus> Status();

    /// <summary>The finished result (<see cref="Simulation.EnsembleWire.WriteResult"/>), or <c>null</c> while not done.</summary>
    Task<byte[]?> Result();

    /// <summary>A pass after the first, as <see cref="Simulation.EnsembleWire.WritePass"/> writes it (workers fetch it once per silo).</summary>
    Task<byte[]> PassPlan(int pass);

    /// <summary>Cancels the job (no effect once finished); returns its status.</summary>
    Task<JobStatus> Cancel();

    /// <summary>The silo the coordinator lives on.</summary>
    Task<string> Silo();
}

/// <summary>A worker (keyed by job, silo and slot): summarises batches of runs.</summary>
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Makes the runs of a batch and returns their partial summary (<see cref="Simulation.EnsembleWire.WriteSummary"/>).</summary>
    Task<byte[]> Run(BatchTicket ticket);

    /// <summary>Processor count of the silo the worker lives on, and its name.</summary>
    Task<(int Cores, string Silo)> Describe();
}

/// <summary>The cluster's list of jobs (one grain, key 0), for <c>cluster status</c>.</summary>
public interface IJobListGrain : IGrainWithIntegerKey
{
    /// <summary>Records a job id.</summary>
    Task Add(string jobId);

    /// <summary>The ids recorded, oldest first.</summary>
    Task<string[]> Ids();
}
