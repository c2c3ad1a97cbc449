using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Linchpin.Cluster;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Microsoft.Extensions.Hosting;

namespace Linchpin.Bench;

/// <summary>The nato-2014 scenario's engine and the run count every ensemble benchmark here makes.</summary>
internal static class NatoEnsemble
{
    /// <summary>Runs per ensemble: every value fits in memory, so one pass.</summary>
    public const int Runs = 4000;

    public static SimulationEngine Engine()
    {
        using var store = WorldStore.Open(new StoreOptions(null, Path.Combine(Path.GetTempPath(), "linchpin-bench")));
        var (setup, _) = ScenarioWorld.Resolve(store, BuiltInScenarios.Load("nato-2014"));
        return new SimulationEngine(setup);
    }
}

/// <summary>The local baseline: a 4,000-run nato-2014 ensemble on two threads (runs per second = 4000 / mean).</summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1)]
public class NatoLocalBenchmarks
{
    private SimulationEngine _engine = null!;
    private ulong _seed;

    [GlobalSetup]
    public void Setup() => _engine = NatoEnsemble.Engine();

    [Benchmark(Baseline = true)]
    public int LocalTwoThreads() => Ensemble.Run(_engine, NatoEnsemble.Runs, ++_seed, threads: 2).Summary().Count;
}

/// <summary>
/// The same ensemble on a cluster of one or two silos on this machine (in this process, over
/// loopback TCP), in batches of 64 or 512 runs: throughput, and from the two batch sizes the cost
/// of one batch. Every invocation uses a new seed (a job of the same definition would be attached to).
/// </summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1)]
public class NatoClusterBenchmarks
{
    private readonly List<IHost> _silos = [];
    private SimulationEngine _engine = null!;
    private ClusterConnection _connection = null!;
    private ulong _seed;

    [Params(1, 2)]
    public int Silos { get; set; }

    [Params(64, 512)]
    public int BatchRuns { get; set; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GlobalSetup]
    public void Setup()
    {
        _engine = NatoEnsemble.Engine();
        IPEndPoint? primary = null;
        var gateways = new List<string>();
        for (var s = 0; s < Silos; s++)
        {
            var (port, gateway) = (FreePort(), FreePort());
            var silo = SiloHost.Build(new SiloSettings(port, gateway, primary));
            silo.StartAsync().GetAwaiter().GetResult();
            _silos.Add(silo);
            primary ??= new IPEndPoint(IPAddress.Loopback, port);
            gateways.Add($"127.0.0.1:{gateway}");
        }

        _connection = ClusterConnection.ConnectAsync(string.Join(",", gateways), TimeSpan.FromSeconds(30), DatasetCatalog.ToolVersion, default).GetAwaiter().GetResult();

        // The sizes of what crosses the wire, for the estimate in docs/cluster.md.
        var pass = EnsemblePass.Start(_engine, NatoEnsemble.Runs);
        var summary = EnsembleWire.WriteSummary(Ensemble.Summarize(pass, 1, 0, BatchRuns));
        Console.WriteLine($"// setup {EnsembleWire.WriteSetup(_engine.Setup).Length} bytes; partial summary of {BatchRuns} runs {summary.Length} bytes; "
            + $"result {EnsembleWire.WriteResult(Ensemble.Run(_engine, 64, 1)).Length} bytes; {_engine.AllyCount} allies x {_engine.RecordedYears} years");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            silo.StopAsync().GetAwaiter().GetResult();
            silo.Dispose();
        }
    }

    [Benchmark]
    public int OnCluster()
    {
        var definition = new JobDefinition(EnsembleWire.WriteSetup(_engine.Setup), NatoEnsemble.Runs, ++_seed, BatchRuns,
            EnsembleLimits.Default.KeepValues, EnsembleLimits.Default.PilotRuns, DatasetCatalog.ToolVersion);
        return _connection.RunAsync(_engine, definition, attachOnly: false, null, default).GetAwaiter().GetResult().Summary().Count;
    }
}
