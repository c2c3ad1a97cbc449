using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Cluster;

/// <summary>
/// An ensemble job as the cluster runs it: the resolved setup (so every silo builds the same
/// engine without the submitter's data store), the run count, the master seed, the runs per batch,
/// the memory limits of the summary, and optionally the posterior each run draws its parameters
/// from and whether the runs' records come back for the per-run files. Its id is a hash of all of
/// it, so submitting the same job twice attaches to the first.
/// </summary>
/// <param name="SetupJson">The setup, as <see cref="Simulation.EnsembleWire.WriteSetup"/> writes it.</param>
/// <param name="Runs">Number of runs, ≥ 1.</param>
/// <param name="Seed">The master seed: run r uses the stream of (seed, r).</param>
/// <param name="BatchRuns">Runs per batch, ≥ 1 (the result does not depend on it).</param>
/// <param name="KeepValues">Values a pass may keep in memory (<see cref="Simulation.EnsembleLimits.KeepValues"/>).</param>
/// <param name="PilotRuns">Runs of the pilot (<see cref="Simulation.EnsembleLimits.PilotRuns"/>).</param>
/// <param name="Version">The Linchpin version of the submitter.</param>
/// <param name="RecordRuns">Whether the first pass's runs come back as records (<see cref="Simulation.RunRecordWire"/>), for <c>trajectories.parquet</c> and <c>events.csv</c>.</param>
/// <param name="Posterior">The posterior the runs draw their parameters from (<see cref="JobPosterior.Write"/>), or <c>null</c> for the setup's own.</param>
/// <param name="ChunkBytes">Bytes per message of run records at most (a batch's records are split into as many messages as needed).</param>
[GenerateSerializer, Immutable]
public sealed record JobDefinition(string SetupJson, long Runs, ulong Seed, int BatchRuns, long KeepValues, int PilotRuns, string Version,
    bool RecordRuns = false, string? Posterior = null, int ChunkBytes = JobDefinition.DefaultChunkBytes)
{
    /// <summary>The default message budget of run records: far below Orleans' message size limit, large enough that a message's cost is in its bytes.</summary>
    public const int DefaultChunkBytes = 4 << 20;

    /// <summary>The job id: the first 16 hex digits of the SHA-256 of the whole definition.</summary>
    public string Id
    {
        get
        {
            var text = $"{Version}\n{Runs}\n{Seed}\n{BatchRuns}\n{KeepValues}\n{PilotRuns}\n{RecordRuns}\n{ChunkBytes}\n{Posterior}\n{SetupJson}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }
}

/// <summary>The posterior of a job: parameter names and particles, as the runs on every silo draw from them.</summary>
public static class JobPosterior
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The posterior's parameter names and particles as JSON (every double round-trips exactly).</summary>
    public static string Write(Posterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return JsonSerializer.Serialize(new Wire([.. posterior.Priors.Select(p => p.Name)], [.. posterior.Particles]), Options);
    }

    /// <summary>The runs' parameters over <paramref name="parameters"/> (the setup's), as <see cref="PosteriorEnsemble.Draws(Posterior, SimulationParameters)"/> draws them locally.</summary>
    /// <exception cref="InvalidDataException">The text is not a job's posterior.</exception>
    public static RunParameters Read(string json, SimulationParameters parameters)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not a job's posterior: {ex.Message}", ex);
        }

        return wire is { Parameters: not null, Particles: not null }
            ? PosteriorEnsemble.Draws(parameters, wire.Parameters, wire.Particles)
            : throw new InvalidDataException("not a job's posterior");
    }

    private sealed record Wire(string[] Parameters, double[][] Particles);
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

/// <summary>What a worker answers for a batch: the runs' partial summary, and how many messages of run records it holds for the coordinator to fetch (<see cref="IBatchGrain.Records"/>).</summary>
/// <param name="Summary">The partial summary (<see cref="Simulation.EnsembleWire.WriteSummary"/>).</param>
/// <param name="RecordChunks">Messages of run records held (0 when the job records no runs, or for a pass after the first).</param>
[GenerateSerializer, Immutable]
public sealed record BatchReply(byte[] Summary, int RecordChunks);

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

    /// <summary>
    /// The next message of run records from run <paramref name="fromRun"/> (<see cref="Simulation.RunRecordWire"/>; it starts at that run),
    /// or <c>null</c> while those runs are not made yet. Asking from a run acknowledges every run before it: the coordinator lets
    /// them go (asked for again, they are made again, with the same bytes).
    /// </summary>
    Task<byte[]?> Records(long fromRun);

    /// <summary>Cancels the job (no effect once finished); returns its status.</summary>
    Task<JobStatus> Cancel();

    /// <summary>The silo the coordinator lives on.</summary>
    Task<string> Silo();
}

/// <summary>A worker (keyed by job, silo and slot): summarises batches of runs.</summary>
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Makes the runs of a batch and returns their partial summary, holding their records when the job asks for them.</summary>
    Task<BatchReply> Run(BatchTicket ticket);

    /// <summary>Message <paramref name="chunk"/> of the run records of the last batch (the last fetch lets them go).</summary>
    Task<byte[]> Records(int chunk);

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
