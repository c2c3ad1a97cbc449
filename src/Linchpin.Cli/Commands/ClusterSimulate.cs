using System.CommandLine;
using System.Globalization;
using Linchpin.Cluster;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Cli.Commands;

/// <summary>The <c>--cluster</c> branch of <c>linchpin simulate</c>: the same ensemble made on an Orleans cluster.</summary>
internal static class ClusterSimulate
{
    /// <summary>How long a client waits for a gateway before giving up.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "Run the ensemble on a Linchpin cluster through these gateways: HOST:PORT[,HOST:PORT...] (the same files as a local run)",
    };

    public static readonly Option<string?> Job = new("--job")
    {
        Description = "With --cluster: attach to this running or finished job (its id is printed when it is submitted)",
    };

    public static readonly Option<int> BatchRuns = new("--batch-runs")
    {
        Description = "With --cluster: runs per batch handed to a worker (results do not depend on it)",
        DefaultValueFactory = _ => 256,
    };

    /// <summary>Adds the cluster options to <c>simulate</c>.</summary>
    public static void AddOptions(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(Job);
        command.Options.Add(BatchRuns);
    }

    /// <summary>Whether the command asks for the cluster; refuses cluster options without <c>--cluster</c>.</summary>
    public static bool Requested(ParseResult parsed)
    {
        var cluster = parsed.GetValue(Cluster) is not null;
        CommonOptions.RefuseUnused(parsed, Job, cluster, "only with --cluster");
        CommonOptions.RefuseUnused(parsed, BatchRuns, cluster, "only with --cluster");
        return cluster;
    }

    /// <summary>Runs the ensemble on the cluster (each run drawing its parameters from <paramref name="posterior"/> when given); writes the output files and returns the result.</summary>
    public static EnsembleResult Run(ParseResult parsed, CliEnvironment environment, Scenario scenario, SimulationEngine engine, int runs, ulong seed,
        string? folder, IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<string> notes, Posterior? posterior)
    {
        var batch = parsed.GetValue(BatchRuns);
        if (batch < 1)
        {
            throw new LinchpinException($"--batch-runs: {batch} must be at least 1");
        }

        var limits = EnsembleLimits.Default;
        var definition = new JobDefinition(EnsembleWire.WriteSetup(engine.Setup), runs, seed, batch, limits.KeepValues, limits.PilotRuns, DatasetCatalog.ToolVersion,
            RecordRuns: folder is not null, Posterior: posterior is null ? null : JobPosterior.Write(posterior));
        var attach = parsed.GetValue(Job);
        if (attach is not null && attach != definition.Id)
        {
            throw new LinchpinException($"--job: job {attach} is not this simulation (scenario, posterior, runs, seed, batch size and whether --out is given make job {definition.Id})");
        }

        // Refuse an unwritable folder before the cluster does any work.
        if (folder is not null && File.Exists(folder))
        {
            throw new LinchpinException($"--out: {folder} is a file");
        }

        EnsembleResult OnCluster(Action<ReadOnlyMemory<byte>>? records)
        {
            var made = Task.Run(async () =>
            {
                await using var connection = await ClusterConnection.ConnectAsync(parsed.GetValue(Cluster)!, ConnectTimeout, DatasetCatalog.ToolVersion, environment.Cancellation);
                environment.Error.WriteLine($"job {definition.Id} on {connection.Gateways} (attach again with --job {definition.Id})");
                var last = "";
                return await connection.RunAsync(engine, definition, attach is not null, status =>
                {
                    var line = Describe(status);
                    if (environment.IsTerminal && line != last)
                    {
                        environment.Error.Write($"\r{line}   ");
                        last = line;
                    }
                }, environment.Cancellation, records);
            }).GetAwaiter().GetResult();
            if (environment.IsTerminal)
            {
                environment.Error.WriteLine();
            }

            return made;
        }

        if (folder is null)
        {
            return OnCluster(null);
        }

        try
        {
            // The runs' records arrive in run order and go through the writers of the local command.
            return SimulationOutput.WriteRecorded(folder, scenario, engine, seed, datasets, [.. notes, $"made on a cluster as job {definition.Id} in batches of {batch} runs"],
                OnCluster, environment.Cancellation);
        }
        catch (InvalidDataException ex)
        {
            throw new LinchpinException(ErrorKind.Data, $"job {definition.Id}: the cluster's run records do not fit this scenario ({ex.Message}); nothing was written", ex);
        }
    }

    /// <summary>A job's progress in one line.</summary>
    public static string Describe(JobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var pass = status.Pass == 0 ? "pilot" : $"pass {status.Pass}";
        return string.Create(CultureInfo.InvariantCulture,
            $"job {status.Id}: {status.State.ToString().ToLowerInvariant()}, {pass}, {status.RunsDone}/{status.Runs} runs, {status.BatchesDone} batches done, {status.BatchesReissued} reissued");
    }
}
