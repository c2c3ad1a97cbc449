using System.Globalization;
using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Cluster.Tests;

[Collection("cluster")]
public class JobGrainTests(ClusterFixture fixture)
{
    // Small limits: a pilot of 24 runs and too little memory to keep every value, so every job
    // makes a pilot, a binned first pass and at least one pass that pins the quantiles down.
    private static readonly EnsembleLimits Small = new(6_000, 24);

    private static string Csv(EnsembleResult result) =>
        string.Join("\n", SimulationOutput.SummaryRows(result).Select(r => string.Join(",", r.Select(v => v switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            null => "",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }))));

    private static readonly Lazy<Dictionary<(long, ulong), string>> Local = new(() => []);

    private static string LocalCsv(long runs, ulong seed)
    {
        lock (Local)
        {
            if (!Local.Value.TryGetValue((runs, seed), out var csv))
            {
                csv = Csv(Ensemble.Run(ClusterFixture.Nato.Value, (int)runs, seed, threads: 2, limits: Small));
                Local.Value[(runs, seed)] = csv;
            }

            return csv;
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(200)]
    public async Task The_cluster_summary_equals_the_local_one_for_any_batch_size(int batch)
    {
        var engine = ClusterFixture.Nato.Value;
        Assert.True(EnsemblePass.NeedsPilot(engine, 60, Small));
        var job = ClusterFixture.Job(engine, 60, 42, batch, Small);
        var passes = new HashSet<int>();
        var result = await ClusterJobs.RunAsync(fixture.Cluster.Client, engine, job, attachOnly: false, s => passes.Add(s.Pass), TestContext.Current.CancellationToken);
        Assert.Equal(LocalCsv(60, 42), Csv(result));
        Assert.Contains(0, passes);
    }

    [Fact]
    public async Task A_finished_job_is_attached_to_by_its_id_and_an_unknown_id_is_refused()
    {
        var engine = ClusterFixture.Nato.Value;
        var job = ClusterFixture.Job(engine, 30, 5, 10, Small);
        var first = await ClusterJobs.RunAsync(fixture.Cluster.Client, engine, job, attachOnly: false, null, TestContext.Current.CancellationToken);
        var again = await ClusterJobs.RunAsync(fixture.Cluster.Client, engine, job, attachOnly: true, null, TestContext.Current.CancellationToken);
        Assert.Equal(Csv(first), Csv(again));
        Assert.Contains(job.Id, (await ClusterJobs.JobsAsync(fixture.Cluster.Client)).Select(j => j.Id));

        var unknown = job with { Seed = 6 };
        var error = await Assert.ThrowsAsync<LinchpinException>(() => ClusterJobs.RunAsync(fixture.Cluster.Client, engine, unknown, attachOnly: true, null, TestContext.Current.CancellationToken));
        Assert.Contains(unknown.Id, error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LinchpinException>(() => ClusterJobs.CancelAsync(fixture.Cluster.Client, "0000000000000000"));
    }

    [Fact]
    public async Task A_cancelled_job_stops_and_says_so()
    {
        var engine = ClusterFixture.Nato.Value;
        var job = ClusterFixture.Job(engine, 400, 77, 2, Small);
        var client = fixture.Cluster.Client;
        var grain = client.GetGrain<IJobGrain>(job.Id);
        await grain.Submit(job);
        while ((await grain.Status()).BatchesDone < 3)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var cancelled = await ClusterJobs.CancelAsync(client, job.Id);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        var later = await grain.Status();
        Assert.Equal(JobState.Cancelled, later.State);
        Assert.True(later.BatchesDone < 400 / 2, $"{later.BatchesDone} batches were made after the cancel");
        Assert.Null(await grain.Result());
        var error = await Assert.ThrowsAsync<LinchpinException>(() => ClusterJobs.RunAsync(client, engine, job, attachOnly: true, null, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.Contains("cancelled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_that_leaves_mid_job_loses_no_runs()
    {
        var cluster = fixture.Cluster;
        var extra = await cluster.StartAdditionalSiloAsync();
        await cluster.WaitForLivenessToStabilizeAsync();
        var engine = ClusterFixture.Nato.Value;
        var job = ClusterFixture.Job(engine, 60, 42, 4, Small);
        var grain = cluster.Client.GetGrain<IJobGrain>(job.Id);
        var run = ClusterJobs.RunAsync(cluster.Client, engine, job, attachOnly: false, null, TestContext.Current.CancellationToken);
        while ((await grain.Status()) is { BatchesDone: < 8, State: JobState.Running or JobState.Unknown })
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

#pragma warning disable xUnit1051 // A graceful stop, as Ctrl-C gives a silo: not to be cut short.
        await cluster.StopSiloAsync(extra);
#pragma warning restore xUnit1051
        var result = await run;
        Assert.Equal(LocalCsv(60, 42), Csv(result));
    }

    [Fact]
    public void Silos_of_another_version_are_refused_with_both_versions_named()
    {
        ClusterJobs.CheckVersions([("a", "127.0.0.1:1", "0.1.0"), ("b", "127.0.0.1:2", "0.1.0")], "0.1.0");
        var error = Assert.Throws<LinchpinException>(() => ClusterJobs.CheckVersions([("a", "127.0.0.1:1", "0.1.0"), ("b", "127.0.0.1:2", "0.2.0")], "0.1.0"));
        Assert.Equal(ErrorKind.Data, error.Kind);
        Assert.Contains("0.2.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.1.0", error.Message, StringComparison.Ordinal);
        Assert.Equal("0.3.1-beta", SiloHost.VersionOf("linchpin-0.3.1-beta-127.0.0.1:11111"));
        Assert.Null(SiloHost.VersionOf("Primary"));
    }

    [Fact]
    public async Task The_test_silos_carry_the_client_version()
    {
#pragma warning disable xUnit1051 // The grain call takes no token.
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
#pragma warning restore xUnit1051
        Assert.All(hosts, h => Assert.Equal(DatasetCatalog.ToolVersion, SiloHost.VersionOf(h.SiloName)));
    }
}
