global using Xunit;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Orleans.TestingHost;

namespace Linchpin.Cluster.Tests;

/// <summary>One in-process cluster of three silos for every test of the collection (one per class is too slow on two cores).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        // The harness names its silos; a Linchpin silo's name carries its version.
        builder.ConfigureSiloHost((options, _) => options.SiloName = $"{SiloHost.NamePrefix}{DatasetCatalog.ToolVersion}-{options.SiloName}");
        builder.ConfigureSilo((options, silo) => SiloHost.Configure(silo, options.SiloName));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The nato-2014 scenario's engine, resolved from the embedded data.</summary>
    public static Lazy<SimulationEngine> Nato { get; } = new(() =>
    {
        using var store = WorldStore.Open(new StoreOptions(null, Path.Combine(Path.GetTempPath(), "linchpin-cluster-tests")));
        var (setup, _) = ScenarioWorld.Resolve(store, BuiltInScenarios.Load("nato-2014"));
        return new SimulationEngine(setup);
    });

    /// <summary>A job over <paramref name="engine"/>; small limits force a pilot and further passes.</summary>
    public static JobDefinition Job(SimulationEngine engine, long runs, ulong seed, int batch, EnsembleLimits limits) =>
        new(EnsembleWire.WriteSetup(engine.Setup), runs, seed, batch, limits.KeepValues, limits.PilotRuns, DatasetCatalog.ToolVersion);
}

[CollectionDefinition("cluster")]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>;
