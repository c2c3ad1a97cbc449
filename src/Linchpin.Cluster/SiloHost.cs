using System.Net;
using Linchpin.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Linchpin.Cluster;

/// <summary>How to start a silo.</summary>
/// <param name="SiloPort">Port for silo-to-silo traffic.</param>
/// <param name="GatewayPort">Port clients connect to.</param>
/// <param name="Primary">The first silo's silo endpoint, for further silos of a one-machine cluster; <c>null</c> for the first silo (or with Redis).</param>
/// <param name="Redis">A Redis connection string for membership (silos on several machines); <c>null</c> for one-machine clustering.</param>
/// <param name="Address">The address the silo listens on and advertises (loopback by default).</param>
public sealed record SiloSettings(int SiloPort = 11111, int GatewayPort = 30000, IPEndPoint? Primary = null, string? Redis = null, IPAddress? Address = null)
{
    /// <summary>
    /// The variable that, for tests only, makes a silo announce another Linchpin version than its
    /// own (so the refusal of mixed versions can be tested without a second build). Never set it
    /// on a real cluster: a silo so started still runs this version's code.
    /// </summary>
    public const string TestVersionVariable = "LINCHPIN_TEST_SILO_VERSION";

    /// <summary>The Linchpin version the silo announces (the tool's own unless a test says otherwise).</summary>
    public string Version { get; init; } = DatasetCatalog.ToolVersion;
}

/// <summary>Builds silos and the services every silo needs.</summary>
public static class SiloHost
{
    /// <summary>The cluster and service id every Linchpin silo and client uses.</summary>
    public const string ClusterId = "linchpin";

    /// <summary>The prefix of a silo's name; the Linchpin version follows it.</summary>
    public const string NamePrefix = "linchpin-";

    /// <summary>A silo host (not started) for <paramref name="settings"/>.</summary>
    public static IHost Build(SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            var address = settings.Address ?? IPAddress.Loopback;
            if (settings.Redis is { } redis)
            {
                silo.UseRedisClustering(redis);
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
                silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, settings.Primary, ClusterId, ClusterId);
                if (!IPAddress.IsLoopback(address))
                {
                    silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
                }
            }

            Configure(silo, $"{NamePrefix}{settings.Version}-{address}:{settings.SiloPort}");
        });
        return builder.Build();
    }

    /// <summary>
    /// Starts a silo and checks that every active silo of the cluster it joined runs its version;
    /// if one does not, it leaves again (in order) before doing any work.
    /// </summary>
    /// <exception cref="LinchpinException">A silo of the cluster runs another Linchpin version, naming both (exit 3).</exception>
    public static async Task StartAsync(IHost host, SiloSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        await host.StartAsync(cancellation).ConfigureAwait(false);
        var hosts = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedHosts(true, cancellation).ConfigureAwait(false);
        var other = hosts.FirstOrDefault(h => VersionOf(h.SiloName) != settings.Version);
        if (other is null)
        {
            return;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
        throw new LinchpinException(ErrorKind.Data,
            $"silo: the cluster's silo {other.SiloName} at {other.SiloAddress.Endpoint} runs Linchpin {VersionOf(other.SiloName) ?? "(not a Linchpin silo)"}, this silo Linchpin {settings.Version}: start every silo from the same version");
    }

    /// <summary>What every Linchpin silo needs (also used by the test cluster): the worker cache and its name, which carries its version.</summary>
    public static void Configure(ISiloBuilder silo, string name)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<SiloOptions>(o => o.SiloName = name);
        silo.Services.AddSingleton<WorkerJobs>();
    }

    /// <summary>The Linchpin version in a silo's name, or <c>null</c> when it is not a Linchpin silo.</summary>
    public static string? VersionOf(string siloName)
    {
        ArgumentNullException.ThrowIfNull(siloName);
        if (!siloName.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = siloName[NamePrefix.Length..];
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? rest[..dash] : rest;
    }
}
