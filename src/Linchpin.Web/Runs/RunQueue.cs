using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Linchpin.Web.Runs;

/// <summary>
/// The ensembles asked for over the API: a bounded queue (a request beyond it is refused), at most
/// <see cref="WebOptions.MaxConcurrentRuns"/> computed at once, and finished runs kept for a bounded
/// time and number.
/// </summary>
internal sealed class RunQueue : BackgroundService
{
    private readonly WebOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<RunJob> _queue;
    private readonly ConcurrentDictionary<string, RunJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lazy<string> _files = new(() => Directory.CreateTempSubdirectory("linchpin-web-").FullName, LazyThreadSafetyMode.ExecutionAndPublication);

    public RunQueue(WebOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _queue = Channel.CreateBounded<RunJob>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues a job; <c>false</c> when the queue is full.</summary>
    public bool TryAdd(RunJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Prune();
        _jobs[job.Id] = job;
        if (_queue.Writer.TryWrite(job))
        {
            return true;
        }

        _jobs.TryRemove(job.Id, out _);
        return false;
    }

    public RunJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Cancels an active job, or forgets a finished one.</summary>
    public RunJob? Remove(string id)
    {
        if (!_jobs.TryGetValue(id, out var job))
        {
            return null;
        }

        if (!job.Cancel(_time.GetUtcNow()) && _jobs.TryRemove(id, out _))
        {
            job.Dispose();
        }

        return job;
    }

    public IReadOnlyList<RunJob> All => [.. _jobs.Values.OrderBy(j => j.Created)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, _options.MaxConcurrentRuns)).Select(_ => Task.Run(() => Work(stoppingToken), stoppingToken)).ToList();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Prune();
            }
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var job in _jobs.Values)
        {
            job.Cancel(_time.GetUtcNow());
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        foreach (var job in _jobs.Values)
        {
            job.Dispose();
        }

        _jobs.Clear();
        if (_files.IsValueCreated && Directory.Exists(_files.Value))
        {
            Directory.Delete(_files.Value, recursive: true);
        }
    }

    private async Task Work(CancellationToken stopping)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (job.IsFinished)
                {
                    continue;
                }

                job.Start();
                try
                {
                    var folder = job.KeepsFiles ? Path.Combine(_files.Value, job.Id) : null;
                    var output = job.Ensemble.Run(job.Runs, job.Seed, job.Threads, folder, job.Progress, job.Cancellation);
                    job.Complete(output, _time.GetUtcNow());
                }
                catch (OperationCanceledException)
                {
                    job.Cancel(_time.GetUtcNow());
                }
                catch (LinchpinException error)
                {
                    job.Fail(error.Message, _time.GetUtcNow());
                }
#pragma warning disable CA1031 // A failed run is reported on the run; the server goes on.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    job.Fail($"internal error ({error.GetType().Name}): {error.Message}", _time.GetUtcNow());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Forgets finished runs older than <see cref="WebOptions.KeepFor"/>, and the oldest beyond <see cref="WebOptions.KeepFinished"/>.</summary>
    private void Prune()
    {
        var now = _time.GetUtcNow();
        var finished = _jobs.Values.Where(j => j.IsFinished).OrderByDescending(j => j.Finished).ToList();
        for (var i = 0; i < finished.Count; i++)
        {
            if ((i >= _options.KeepFinished || now - finished[i].Finished > _options.KeepFor) && _jobs.TryRemove(finished[i].Id, out var gone))
            {
                gone.Dispose();
            }
        }
    }
}
