using System.Security.Cryptography;

namespace Linchpin.Web.Runs;

/// <summary>Where a run stands.</summary>
internal enum RunStatus
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// <summary>One ensemble asked for over the API: its request, its progress, and when done its output.</summary>
internal sealed class RunJob : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private int _done;
    private volatile RunStatus _status = RunStatus.Queued;

    public RunJob(EnsembleAdapter ensemble, int runs, ulong seed, int threads, bool keepsFiles, DateTimeOffset created)
    {
        Ensemble = ensemble;
        KeepsFiles = keepsFiles;
        Runs = runs;
        Seed = seed;
        Threads = threads;
        Created = created;
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    public string Id { get; }

    public EnsembleAdapter Ensemble { get; }

    public int Runs { get; }

    public ulong Seed { get; }

    public int Threads { get; }

    /// <summary>Whether the run's files (trajectories.parquet, events.csv, ...) are written and kept with it.</summary>
    public bool KeepsFiles { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset? Finished { get; private set; }

    public RunStatus Status => _status;

    public int Done => Volatile.Read(ref _done);

    public string? Error { get; private set; }

    public EnsembleAdapter.EnsembleOutput? Output { get; private set; }

    public CancellationToken Cancellation => _cancel.Token;

    public bool IsFinished => _status is RunStatus.Done or RunStatus.Failed or RunStatus.Cancelled;

    public void Progress(int done) => Volatile.Write(ref _done, done);

    public void Start() => _status = RunStatus.Running;

    public void Complete(EnsembleAdapter.EnsembleOutput output, DateTimeOffset now)
    {
        if (_status == RunStatus.Cancelled)
        {
            return;
        }

        Output = output;
        Volatile.Write(ref _done, Runs);
        Finished = now;
        _status = RunStatus.Done;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        if (_status == RunStatus.Cancelled)
        {
            return;
        }

        Error = error;
        Finished = now;
        _status = RunStatus.Failed;
    }

    /// <summary>Cancels a queued or running job (a finished one stays as it is).</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (IsFinished)
        {
            return false;
        }

        _cancel.Cancel();
        Finished = now;
        _status = RunStatus.Cancelled;
        return true;
    }

    /// <summary>Releases the job and removes its files.</summary>
    public void Dispose()
    {
        _cancel.Dispose();
        if (Output?.Folder is { } folder && Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still being downloaded on a system that locks open files: the server's folder is removed at shutdown.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>What <c>GET /api/v1/runs/{id}</c> answers.</summary>
    public RunState State() => new(Id, _status.ToString().ToLowerInvariant(), Runs == 0 ? 0 : Math.Round((double)Done / Runs, 4),
        Ensemble.Scenario.Name, Runs, Done, Seed, Threads, Error);
}

/// <summary>A run's state: <c>status</c> is queued, running, done, failed or cancelled; <c>progress</c> the share of runs finished (0 to 1).</summary>
internal sealed record RunState(string Id, string Status, double Progress, string Scenario, int Runs, int Done, ulong Seed, int Threads, string? Error);
