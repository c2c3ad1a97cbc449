using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Linchpin.Cli;

namespace Linchpin.Cluster.Tests;

/// <summary>The built command as real processes: two silos on loopback and a client, against a local run.</summary>
/// <remarks>In the cluster's collection so that the silo processes do not compete with the in-process silos for the cores.</remarks>
[Collection("cluster")]
public sealed class SiloProcessTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("linchpin-silos-").FullName;
    private readonly List<Process> _silos = [];

    public void Dispose()
    {
        foreach (var silo in _silos)
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
                silo.WaitForExit();
            }

            silo.Dispose();
        }

        Directory.Delete(_home, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _home,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Linchpin.Cli.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["HOME"] = _home;
        start.Environment["LINCHPIN_HOME"] = Path.Combine(_home, "linchpin");
        return start;
    }

    private async Task<(int Port, int Gateway)> SiloAsync(string? primary, string? redis = null)
    {
        var (port, gateway) = (FreePort(), FreePort());
        var silo = Process.Start(Start(redis is null ? SiloArguments(port, gateway, primary) : ["cluster", "silo", "--port", $"{port}", "--gateway", $"{gateway}", "--redis", redis]))!;
        _silos.Add(silo);
        silo.ErrorDataReceived += (_, _) => { };
        silo.BeginErrorReadLine();
        var line = await silo.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        Assert.StartsWith("silo Linchpin", line, StringComparison.Ordinal);
        return (port, gateway);
    }

    private static string[] SiloArguments(int port, int gateway, string? primary) => primary is null
        ? ["cluster", "silo", "--port", $"{port}", "--gateway", $"{gateway}"]
        : ["cluster", "silo", "--port", $"{port}", "--gateway", $"{gateway}", "--primary", primary];

    /// <summary>Asks <c>cluster status</c> until it lists <paramref name="silos"/> silos (a loaded machine makes silos slow to join).</summary>
    private async Task WaitForSilosAsync(string gateways, int silos)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await RunAsync(Start("cluster", "status", "--cluster", gateways, "--format", "csv"));
            if (status.Exit == 0 && status.Output.Split('\n').Count(l => l.StartsWith("silo,", StringComparison.Ordinal)) == silos)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the cluster at {gateways} did not list {silos} silos: {status.Error}{status.Output}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private Task<(int Exit, string Error)> RunAsync(params string[] args) => RunAsync(Start(args)).ContinueWith(t => (t.Result.Exit, t.Result.Error), TaskScheduler.Default);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Two_silo_processes_write_the_files_a_local_run_writes()
    {
        var first = await SiloAsync(null);
        var second = await SiloAsync($"127.0.0.1:{first.Port}");
        int[] gateways = [first.Gateway, second.Gateway];
        var cluster = string.Join(",", gateways.Select(g => $"127.0.0.1:{g}"));
        await WaitForSilosAsync(cluster, 2);
        var local = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "300", "--seed", "3", "--threads", "2", "--out", "local", "--format", "csv");
        Assert.Equal(0, local.Exit);
        var remote = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "300", "--seed", "3", "--batch-runs", "32",
            "--cluster", cluster, "--out", "cluster", "--format", "csv");
        Assert.True(remote.Exit == 0, remote.Error);
        foreach (var file in new[] { "summary.csv", "summary.json", "trajectories.parquet", "events.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_home, "local", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_home, "cluster", file))), $"{file} differs");
        }

        string[] sensitivity = ["sensitivity", "--scenario", "nato-2014", "--method", "morris", "--samples", "4", "--seeds", "2", "--parameters", "publicness,threat_persistence"];
        foreach (var format in new[] { "csv", "json" })
        {
            var here = await RunAsync(Start([.. sensitivity, "--format", format]));
            var there = await RunAsync(Start([.. sensitivity, "--format", format, "--cluster", cluster]));
            Assert.True(there.Exit == 0, there.Error);
            Assert.Equal(here.Output, there.Output);
            Assert.Contains("points", there.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_silos_with_Redis_membership_write_the_summary_a_local_run_writes()
    {
        // .ci/run installs redis-server; a developer machine without it skips.
        const string RedisServer = "/usr/bin/redis-server";
        Assert.SkipUnless(File.Exists(RedisServer), $"{RedisServer} is not installed (apt-get install redis-server)");
        var redisPort = FreePort();
        var redis = new ProcessStartInfo(RedisServer) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _home };
        foreach (var arg in new[] { "--port", $"{redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            redis.ArgumentList.Add(arg);
        }

        var server = Process.Start(redis)!;
        _silos.Add(server);
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        await WaitForPortAsync(redisPort);

        var first = await SiloAsync(null, $"127.0.0.1:{redisPort}");
        var second = await SiloAsync(null, $"127.0.0.1:{redisPort}");
        var cluster = $"127.0.0.1:{first.Gateway},127.0.0.1:{second.Gateway}";
        await WaitForSilosAsync(cluster, 2);
        var local = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "200", "--seed", "8", "--threads", "2", "--out", "local", "--format", "csv");
        Assert.Equal(0, local.Exit);
        var remote = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "200", "--seed", "8", "--batch-runs", "40", "--cluster", cluster, "--out", "redis", "--format", "csv");
        Assert.True(remote.Exit == 0, remote.Error);
        foreach (var file in new[] { "summary.csv", "trajectories.parquet", "events.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_home, "local", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_home, "redis", file))), $"{file} differs");
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task A_silo_of_another_version_is_refused_naming_both_versions()
    {
        var first = await SiloAsync(null);
        var start = Start(SiloArguments(FreePort(), FreePort(), $"127.0.0.1:{first.Port}"));
        start.Environment[SiloSettings.TestVersionVariable] = "0.0.0-other";
        var (exit, output, error) = await RunAsync(start).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        Assert.Equal(3, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, error);
        Assert.Contains("0.0.0-other", lines[0], StringComparison.Ordinal);
        Assert.Contains($"Linchpin {Linchpin.Data.DatasetCatalog.ToolVersion}", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_silo_at_the_gateway_is_one_line_exit_3_within_seconds_and_nothing_written()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var environment = new CliEnvironment(output, error, IsTerminal: false, _home) { Cancellation = TestContext.Current.CancellationToken };
        var folder = Path.Combine(_home, "none");
        var clock = Stopwatch.StartNew();
        var exit = LinchpinCli.Run(["simulate", "--scenario", "nato-2014", "--runs", "10", "--cluster", $"127.0.0.1:{FreePort()}", "--out", folder], environment);
        Assert.Equal(3, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("no silo reachable", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.Equal("", output.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed} (the store's load included)");
    }

    [Fact]
    public async Task Connecting_to_no_silo_gives_up_within_the_time_limit()
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LinchpinException>(() => ClusterConnection.ConnectAsync($"127.0.0.1:{FreePort()}", TimeSpan.FromSeconds(5), "0.1.0", TestContext.Current.CancellationToken));
        Assert.Equal(ErrorKind.Data, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"gave up after {clock.Elapsed}");
    }
}
