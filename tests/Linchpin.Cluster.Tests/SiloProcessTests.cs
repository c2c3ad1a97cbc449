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

    private async Task<(int Port, int Gateway)> SiloAsync(string? primary)
    {
        var (port, gateway) = (FreePort(), FreePort());
        string[] args = primary is null
            ? ["cluster", "silo", "--port", $"{port}", "--gateway", $"{gateway}"]
            : ["cluster", "silo", "--port", $"{port}", "--gateway", $"{gateway}", "--primary", primary];
        var silo = Process.Start(Start(args))!;
        _silos.Add(silo);
        silo.ErrorDataReceived += (_, _) => { };
        silo.BeginErrorReadLine();
        var line = await silo.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        Assert.StartsWith("silo Linchpin", line, StringComparison.Ordinal);
        return (port, gateway);
    }

    private async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await output;
        return (process.ExitCode, await error);
    }

    [Fact]
    public async Task Two_silo_processes_write_the_files_a_local_run_writes()
    {
        var first = await SiloAsync(null);
        var second = await SiloAsync($"127.0.0.1:{first.Port}");
        int[] gateways = [first.Gateway, second.Gateway];
        var local = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "300", "--seed", "3", "--threads", "2", "--out", "local", "--format", "csv");
        Assert.Equal(0, local.Exit);
        var cluster = await RunAsync("simulate", "--scenario", "nato-2014", "--runs", "300", "--seed", "3", "--batch-runs", "32",
            "--cluster", string.Join(",", gateways.Select(g => $"127.0.0.1:{g}")), "--out", "cluster", "--format", "csv");
        Assert.True(cluster.Exit == 0, cluster.Error);
        foreach (var file in new[] { "summary.csv", "summary.json", "trajectories.parquet", "events.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(_home, "local", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_home, "cluster", file))), $"{file} differs");
        }
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
