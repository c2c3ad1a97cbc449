using System.CommandLine;
using System.Net;
using Linchpin.Cli.Output;
using Linchpin.Cluster;
using Linchpin.Data;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin cluster silo|status|cancel</c>: run a silo of a Linchpin cluster, see and cancel its jobs.</summary>
internal static class ClusterCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("cluster", "Run ensembles on a Microsoft Orleans cluster: start silos, see their jobs, cancel one (see docs/cluster.md)");
        command.Subcommands.Add(Silo(environment));
        command.Subcommands.Add(Status(environment));
        command.Subcommands.Add(Cancel(environment));
        return command;
    }

    private static Option<string> ClusterOption() => new("--cluster")
    {
        Description = "Gateways of the cluster: HOST:PORT[,HOST:PORT...]",
        Required = true,
    };

    private static Command Silo(CliEnvironment environment)
    {
        var port = new Option<int>("--port") { Description = "Silo-to-silo port", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway") { Description = "Port clients connect to (what --cluster names)", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary") { Description = "One machine: the first silo's HOST:PORT (its --port), for every further silo" };
        var redis = new Option<string?>("--redis") { Description = "Several machines: a Redis connection string for membership (e.g. redis-host:6379)" };
        var address = new Option<string?>("--address") { Description = "Address to listen on and advertise (default loopback; give the machine's address for a cluster over several machines)" };
        var command = new Command("silo", "Start a silo and run until interrupted (Ctrl-C)");
        command.Options.Add(port);
        command.Options.Add(gateway);
        command.Options.Add(primary);
        command.Options.Add(redis);
        command.Options.Add(address);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var settings = new SiloSettings(Port(parsed.GetValue(port), "--port"), Port(parsed.GetValue(gateway), "--gateway"),
                parsed.GetValue(primary) is { } p ? ClusterConnection.ParseGateways(p) is [var one] ? one : throw new LinchpinException($"--primary: one HOST:PORT, not '{p}'") : null,
                parsed.GetValue(redis), parsed.GetValue(address) is { } a ? ClusterConnection.Resolve(a, "--address") : null)
            {
                Version = Environment.GetEnvironmentVariable(SiloSettings.TestVersionVariable) is { Length: > 0 } test ? test : DatasetCatalog.ToolVersion,
            };
            if (settings.Redis is not null && settings.Primary is not null)
            {
                throw new LinchpinException("--primary: not with --redis (Redis holds the membership)");
            }

            using var host = SiloHost.Build(settings);
            try
            {
                SiloHost.StartAsync(host, settings, environment.Cancellation).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or LinchpinException))
            {
                throw new LinchpinException(ErrorKind.Data, $"silo: cannot start on ports {settings.SiloPort}/{settings.GatewayPort}: {ex.Message}", ex);
            }

            var where = settings.Address ?? IPAddress.Loopback;
            environment.Out.WriteLine($"silo Linchpin {settings.Version} listening on {where}:{settings.SiloPort}, gateway {where}:{settings.GatewayPort}");
            environment.Out.Flush();
            try
            {
                Task.Delay(Timeout.Infinite, environment.Cancellation).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Interrupted: leave the cluster in order, so its batches go to the other silos at once.
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            host.StopAsync(stop.Token).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }

    private static int Port(int port, string option) =>
        port is >= 1 and <= 65535 ? port : throw new LinchpinException($"{option}: {port} is not a port (1 to 65535)");

    private static Command Status(CliEnvironment environment)
    {
        var cluster = ClusterOption();
        var command = new Command("status", "The cluster's silos (with their Linchpin versions) and its jobs (state, pass, runs and batches done)");
        command.Options.Add(cluster);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var (silos, jobs) = Task.Run(async () =>
            {
                // Any version may be looked at; only work is refused across versions.
                await using var connection = await ClusterConnection.ConnectAsync(parsed.GetValue(cluster)!, ClusterSimulate.ConnectTimeout, version: null, environment.Cancellation);
                return (await connection.SilosAsync(), await connection.JobsAsync());
            }).GetAwaiter().GetResult();
            var rows = new Rows("kind", "id", "address", "version", "state", "pass", "runs_done", "runs", "batches_done", "batches_reissued", "error");
            foreach (var (name, address, version) in silos)
            {
                rows.Add("silo", name, address, version, "active", null, null, null, null, null, null);
            }

            foreach (var job in jobs)
            {
                rows.Add("job", job.Id, null, null, job.State.ToString().ToLowerInvariant(), job.Pass, job.RunsDone, job.Runs, job.BatchesDone, job.BatchesReissued, job.Error);
            }

            rows.Write(parsed.GetValue(CommonOptions.Format), environment, $"cluster at {parsed.GetValue(cluster)}: {silos.Count} silos, {jobs.Count(j => j.State == JobState.Running)} jobs running",
                ["kind", "id", "address", "version", "state", "pass", "runs_done", "runs", "batches_done"], []);
            return 0;
        }));
        return command;
    }

    private static Command Cancel(CliEnvironment environment)
    {
        var cluster = ClusterOption();
        var job = new Argument<string>("job") { Description = "The job id (as simulate --cluster printed it)" };
        var command = new Command("cancel", "Cancel a job on the cluster");
        command.Options.Add(cluster);
        command.Arguments.Add(job);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var status = Task.Run(async () =>
            {
                await using var connection = await ClusterConnection.ConnectAsync(parsed.GetValue(cluster)!, ClusterSimulate.ConnectTimeout, DatasetCatalog.ToolVersion, environment.Cancellation);
                return await connection.CancelAsync(parsed.GetValue(job)!);
            }).GetAwaiter().GetResult();
            environment.Out.WriteLine(ClusterSimulate.Describe(status));
            return 0;
        }));
        return command;
    }
}
