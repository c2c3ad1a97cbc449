using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Cluster.Tests;

/// <summary>Per-run files and posterior draws made on the cluster, against the local command's files.</summary>
[Collection("cluster")]
public sealed class RunFileTests(ClusterFixture fixture) : IDisposable
{
    private static readonly Scenario Nato = BuiltInScenarios.Load("nato-2014");
    private readonly string _folder = Directory.CreateTempSubdirectory("linchpin-run-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Local(int runs, ulong seed)
    {
        var folder = Path.Combine(_folder, $"local-{runs}-{seed}");
        SimulationOutput.Write(folder, Nato, ClusterFixture.Nato.Value, runs, seed, [], ["note"], threads: 2);
        return folder;
    }

    private async Task<string> OnClusterAsync(string name, JobDefinition job, bool attachOnly = false)
    {
        var folder = Path.Combine(_folder, name);
        var engine = ClusterFixture.Nato.Value;
        await Task.Run(() => SimulationOutput.WriteRecorded(folder, Nato, engine, job.Seed, [], ["note"], records =>
            ClusterJobs.RunAsync(fixture.Cluster.Client, engine, job, attachOnly, null, TestContext.Current.CancellationToken, records).GetAwaiter().GetResult()),
            TestContext.Current.CancellationToken);
        return folder;
    }

    private static JobDefinition Job(int runs, ulong seed, int batch, int chunkBytes) =>
        ClusterFixture.Job(ClusterFixture.Nato.Value, runs, seed, batch, EnsembleLimits.Default) with { RecordRuns = true, ChunkBytes = chunkBytes };

    private static void AssertSameFiles(string expected, string actual)
    {
        foreach (var name in SimulationOutput.FileNames)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))), $"{name} differs");
        }
    }

    [Theory]
    [InlineData(7, JobDefinition.DefaultChunkBytes)]
    [InlineData(50, 40_000)]
    public async Task The_cluster_writes_every_file_of_the_local_run_byte_for_byte(int batch, int chunkBytes)
    {
        // 40 kB a message: a few runs each, so a batch's records take several messages and the held records pass their bound.
        Assert.InRange(RunRecordWire.FixedRunBytes(ClusterFixture.Nato.Value), 4_000, 40_000);
        var local = Local(120, 9);
        var cluster = await OnClusterAsync($"cluster-{batch}", Job(120, 9, batch, chunkBytes));
        AssertSameFiles(local, cluster);
        Assert.True(new FileInfo(Path.Combine(cluster, "events.csv")).Length > 100);
    }

    [Fact]
    public async Task A_second_client_of_a_finished_job_gets_its_runs_made_again_with_the_same_bytes()
    {
        var job = Job(40, 13, 16, 60_000);
        var first = await OnClusterAsync("first", job);
        var second = await OnClusterAsync("second", job, attachOnly: true);
        AssertSameFiles(first, second);
        AssertSameFiles(Local(40, 13), second);
    }

    [Fact]
    public void Run_records_round_trip_bit_for_bit_and_refuse_other_bytes()
    {
        var engine = ClusterFixture.Nato.Value;
        var capture = new RunRecordCapture(50_000);
        Ensemble.Summarize(EnsemblePass.Start(engine, 10, null, EnsembleLimits.Default), 5, 3, 10, recorder: capture, cancellation: TestContext.Current.CancellationToken);
        capture.Finish();
        Assert.True(capture.Chunks.Count > 1);
        var runs = capture.Chunks.SelectMany(c => RunRecordWire.Read(engine, c)).ToList();
        Assert.Equal(Enumerable.Range(3, 7).Select(r => (long)r), runs.Select(r => r.Run));
        var buffer = engine.NewBuffer();
        engine.Run(5, 6, buffer);
        var direct = RunRecord.From(6, buffer);
        Assert.Equal(direct.Values, runs[3].Values);
        Assert.Equal(direct.Status, runs[3].Status);
        Assert.Equal(direct.Events, runs[3].Events);
        Assert.All(capture.Chunks.SkipLast(1), c => Assert.True(c.Length <= 50_000));
        Assert.Throws<InvalidDataException>(() => RunRecordWire.Read(engine, capture.Chunks[0].AsSpan(0, capture.Chunks[0].Length - 1)));
        Assert.Throws<InvalidDataException>(() => RunRecordWire.Read(engine, EnsembleWire.WriteSetup(engine.Setup).Select(c => (byte)c).ToArray()));
    }

    [Fact]
    public async Task A_posterior_ensemble_on_the_cluster_equals_the_local_one()
    {
        var engine = ClusterFixture.Nato.Value;
        var priors = Priors.Defaults(["publicness", "threat_persistence"]);
        var posterior = new Posterior(Nato.Name, Nato.Hash, priors, [[0.31, 0.62], [0.55, 0.9], [0.68, 0.75]], [0.1, 0.2, 0.3], 0.3, 30, "test", "none", 2014);
        var local = Ensemble.Run(engine, 50, 21, threads: 2, parameters: PosteriorEnsemble.Draws(posterior, engine.Setup.Parameters), cancellation: TestContext.Current.CancellationToken);
        var fixedParameters = Ensemble.Run(engine, 50, 21, threads: 2, cancellation: TestContext.Current.CancellationToken);
        var job = ClusterFixture.Job(engine, 50, 21, 9, EnsembleLimits.Default) with { Posterior = JobPosterior.Write(posterior) };
        var cluster = await ClusterJobs.RunAsync(fixture.Cluster.Client, engine, job, attachOnly: false, null, TestContext.Current.CancellationToken);
        Assert.Equal(Csv(local), Csv(cluster));
        Assert.NotEqual(Csv(fixedParameters), Csv(cluster));
    }

    private static string Csv(EnsembleResult result) =>
        string.Join("\n", SimulationOutput.SummaryRows(result).Select(r => string.Join(",", r.Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));
}
