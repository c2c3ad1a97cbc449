using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Linchpin.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Linchpin.Cluster;

/// <summary>A client connected to a Linchpin cluster through one or more gateways.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, string gateways)
    {
        _host = host;
        Gateways = gateways;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>The gateways, as given.</summary>
    public string Gateways { get; }

    /// <summary>Parses <c>HOST:PORT[,HOST:PORT...]</c>.</summary>
    /// <exception cref="LinchpinException">A part is not HOST:PORT, or its host does not resolve.</exception>
    public static IReadOnlyList<IPEndPoint> ParseGateways(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var endpoints = new List<IPEndPoint>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new LinchpinException($"--cluster: '{part}' is not HOST:PORT");
            }

            endpoints.Add(new IPEndPoint(Resolve(part[..colon], "--cluster"), port));
        }

        return endpoints;
    }

    /// <summary>The IPv4 (or else first) address of a host name or address.</summary>
    /// <exception cref="LinchpinException">The host does not resolve.</exception>
    public static IPAddress Resolve(string host, string option)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return address;
        }

        try
        {
            var all = Dns.GetHostAddresses(host);
            return all.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? all.FirstOrDefault()
                ?? throw new LinchpinException(ErrorKind.Data, $"{option}: host '{host}' has no address");
        }
        catch (SocketException ex)
        {
            throw new LinchpinException(ErrorKind.Data, $"{option}: host '{host}' does not resolve ({ex.Message})", ex);
        }
    }

    /// <summary>How long a client waits, once a gateway has accepted its connection, for the cluster to answer (client start and version check), by default.</summary>
    public static readonly TimeSpan DefaultAnswerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Connects, and checks that every silo runs <paramref name="version"/> (unless it is <c>null</c>).
    /// A gateway must accept a TCP connection within <paramref name="timeout"/>, so a cluster that is
    /// not there is reported within it; a cluster that is there, but slow under load, is given
    /// <paramref name="answerTimeout"/> (<see cref="DefaultAnswerTimeout"/> when <c>null</c>) to answer.
    /// </summary>
    /// <exception cref="LinchpinException">No gateway accepted a connection within <paramref name="timeout"/>, the cluster did not answer, or a silo runs another version (exit 3).</exception>
    public static async Task<ClusterConnection> ConnectAsync(string gateways, TimeSpan timeout, string? version, CancellationToken cancellation, TimeSpan? answerTimeout = null)
    {
        var endpoints = ParseGateways(gateways);
        var reachable = await ReachableAsync(endpoints, gateways, timeout, cancellation).ConfigureAwait(false);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. reachable]);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (SiloHost.ClusterId, SiloHost.ClusterId));
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        var host = builder.Build();
        var answer = answerTimeout ?? DefaultAnswerTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(answer);
        try
        {
            await host.StartAsync(limit.Token).ConfigureAwait(false);
            var connection = new ClusterConnection(host, gateways);
            if (version is not null)
            {
                await connection.CheckVersionsAsync(version).WaitAsync(limit.Token).ConfigureAwait(false);
            }

            return connection;
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested && ex is not LinchpinException)
        {
            host.Dispose();
            var why = ex is OperationCanceledException ? $"a gateway accepted the connection but the cluster gave no answer within {answer.TotalSeconds:0} s" : ex.Message.ReplaceLineEndings(" ");
            throw new LinchpinException(ErrorKind.Data, $"--cluster: no silo reachable at {gateways}: {why}", ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The gateways that accept a TCP connection within <paramref name="timeout"/> (tried side by side).</summary>
    /// <exception cref="LinchpinException">None does (exit 3).</exception>
    private static async Task<IReadOnlyList<IPEndPoint>> ReachableAsync(IReadOnlyList<IPEndPoint> endpoints, string gateways, TimeSpan timeout, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        async Task<string?> TryAsync(IPEndPoint endpoint)
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
                return null;
            }
            catch (SocketException ex)
            {
                return $"{endpoint}: {ex.SocketErrorCode}";
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return $"{endpoint}: no answer within {timeout.TotalSeconds:0} s";
            }
        }

        var tries = await Task.WhenAll(endpoints.Select(TryAsync)).ConfigureAwait(false);
        var reachable = endpoints.Where((_, k) => tries[k] is null).ToList();
        return reachable.Count > 0
            ? reachable
            : throw new LinchpinException(ErrorKind.Data, $"--cluster: no silo reachable at {gateways}: {string.Join("; ", tries)}");
    }

    /// <summary>The active silos: name, address and Linchpin version (null for a silo that is not Linchpin's).</summary>
    public async Task<IReadOnlyList<(string Name, string Address, string? Version)>> SilosAsync()
    {
        var hosts = await Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true).ConfigureAwait(false);
        return [.. hosts.OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => (h.SiloName, h.SiloAddress.Endpoint.ToString(), SiloHost.VersionOf(h.SiloName)))];
    }

    /// <summary>Refuses a cluster with a silo of another version than <paramref name="version"/>.</summary>
    /// <exception cref="LinchpinException">A silo runs another version, naming both.</exception>
    public async Task CheckVersionsAsync(string version) => ClusterJobs.CheckVersions(await SilosAsync().ConfigureAwait(false), version);

    /// <summary>Submits a job or attaches to it, and waits for its result (see <see cref="ClusterJobs.RunAsync"/>).</summary>
    public Task<EnsembleResult> RunAsync(SimulationEngine engine, JobDefinition definition, bool attachOnly, Action<JobStatus>? progress, CancellationToken cancellation,
        Action<ReadOnlyMemory<byte>>? records = null) =>
        ClusterJobs.RunAsync(Client, engine, definition, attachOnly, progress, cancellation, records);

    /// <summary>Cancels a job (see <see cref="ClusterJobs.CancelAsync"/>).</summary>
    public Task<JobStatus> CancelAsync(string jobId) => ClusterJobs.CancelAsync(Client, jobId);

    /// <summary>Every job the cluster knows, with its status.</summary>
    public Task<IReadOnlyList<JobStatus>> JobsAsync() => ClusterJobs.JobsAsync(Client);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A gateway that went away cannot be told goodbye.
        }

        _host.Dispose();
    }
}

/// <summary>What a client does with jobs, over any cluster client.</summary>
public static class ClusterJobs
{
    // How often a waiting client asks for the job's progress.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Refuses silos of another version than <paramref name="version"/>, naming both.</summary>
    /// <exception cref="LinchpinException">A silo runs another version, or is not a Linchpin silo (exit 3).</exception>
    public static void CheckVersions(IEnumerable<(string Name, string Address, string? Version)> silos, string version)
    {
        ArgumentNullException.ThrowIfNull(silos);
        foreach (var (name, address, theirs) in silos)
        {
            if (theirs != version)
            {
                throw new LinchpinException(ErrorKind.Data,
                    $"--cluster: silo {name} at {address} runs Linchpin {theirs ?? "(not a Linchpin silo)"}, this client Linchpin {version}: start every silo from the same version");
            }
        }
    }

    /// <summary>
    /// Submits a job (or attaches to the running or finished job of the same definition) and waits
    /// for its result, reporting progress. When the coordinator is lost (its silo died), the job is
    /// submitted again: the result is the same.
    /// </summary>
    /// <param name="client">The cluster client.</param>
    /// <param name="engine">The engine built from the definition's setup (to read the result).</param>
    /// <param name="definition">The job.</param>
    /// <param name="attachOnly">Only attach: a job the cluster does not know is an error.</param>
    /// <param name="progress">Sees each status while the job runs, or <c>null</c>.</param>
    /// <param name="cancellation">Stops waiting (the job goes on; <see cref="CancelAsync"/> stops it).</param>
    /// <param name="records">With a job that records its runs: sees every message of run records, in run order from run 0, before the result is returned.</param>
    /// <exception cref="LinchpinException">The job is unknown (with <paramref name="attachOnly"/>), failed, or was cancelled.</exception>
    public static async Task<EnsembleResult> RunAsync(IClusterClient client, SimulationEngine engine, JobDefinition definition, bool attachOnly, Action<JobStatus>? progress, CancellationToken cancellation,
        Action<ReadOnlyMemory<byte>>? records = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(definition);
        var job = client.GetGrain<IJobGrain>(definition.Id);
        var status = await job.Status().ConfigureAwait(false);
        if (attachOnly && status.State == JobState.Unknown)
        {
            throw new LinchpinException($"--job: the cluster has no job {definition.Id}");
        }

        if (!attachOnly)
        {
            status = await job.Submit(definition).ConfigureAwait(false);
        }

        if (records is not null && !definition.RecordRuns)
        {
            throw new ArgumentException($"job {definition.Id} records no runs", nameof(records));
        }

        // The next run whose records are due; each fetch acknowledges the runs before it.
        var nextRecord = 0L;
        async Task FetchRecordsAsync()
        {
            while (records is not null && nextRecord < definition.Runs && await job.Records(nextRecord).ConfigureAwait(false) is { } chunk)
            {
                var (first, count) = RunRecordWire.Range(chunk);
                if (first != nextRecord || count < 1)
                {
                    throw new LinchpinException(ErrorKind.Data, $"job {definition.Id} sent the records of runs from {first} where run {nextRecord} was due");
                }

                records(chunk);
                nextRecord += count;
            }
        }

        var failures = 0;
        while (true)
        {
            progress?.Invoke(status);
            switch (status.State)
            {
                case JobState.Done when records is not null && nextRecord < definition.Runs:
                    // A finished job answers every record (making again those let go).
                    await FetchRecordsAsync().ConfigureAwait(false);
                    if (nextRecord < definition.Runs)
                    {
                        await Task.Delay(Poll, cancellation).ConfigureAwait(false);
                        status = await job.Status().ConfigureAwait(false);
                    }

                    continue;
                case JobState.Done:
                    var bytes = await job.Result().ConfigureAwait(false)
                        ?? throw new LinchpinException(ErrorKind.Data, $"job {definition.Id} finished without a result");
                    return EnsembleWire.ReadResult(engine, bytes);
                case JobState.Failed:
                    throw new LinchpinException(ErrorKind.Data, $"job {definition.Id} failed on the cluster: {status.Error}");
                case JobState.Cancelled:
                    throw new LinchpinException(ErrorKind.Data, $"job {definition.Id} was cancelled");
                case JobState.Unknown:
                    // A new activation: the coordinator's silo is gone. The same job starts again.
                    status = await job.Submit(definition).ConfigureAwait(false);
                    continue;
            }

            try
            {
                await FetchRecordsAsync().ConfigureAwait(false);
                await Task.Delay(Poll, cancellation).ConfigureAwait(false);
                status = await job.Status().ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or LinchpinException or IOException) && ++failures < 20)
            {
                // The coordinator's silo is failing over; ask again.
            }
        }
    }

    /// <summary>Cancels a job.</summary>
    /// <exception cref="LinchpinException">The cluster has no such job.</exception>
    public static async Task<JobStatus> CancelAsync(IClusterClient client, string jobId)
    {
        var job = client.GetGrain<IJobGrain>(jobId);
        var status = await job.Status().ConfigureAwait(false);
        if (status.State == JobState.Unknown)
        {
            throw new LinchpinException($"the cluster has no job {jobId}");
        }

        return await job.Cancel().ConfigureAwait(false);
    }

    /// <summary>Every job the cluster knows, with its status.</summary>
    public static async Task<IReadOnlyList<JobStatus>> JobsAsync(IClusterClient client)
    {
        var ids = await client.GetGrain<IJobListGrain>(0).Ids().ConfigureAwait(false);
        var statuses = new List<JobStatus>();
        foreach (var id in ids)
        {
            statuses.Add(await client.GetGrain<IJobGrain>(id).Status().ConfigureAwait(false));
        }

        return statuses;
    }
}
