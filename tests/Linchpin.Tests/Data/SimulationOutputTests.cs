using System.Security.Cryptography;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

public class SimulationOutputTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private (Scenario Scenario, SimulationEngine Engine, IReadOnlyList<string> Notes) Load(string name)
    {
        var scenario = BuiltInScenarios.Load(name);
        var (setup, notes) = ScenarioWorld.Resolve(fixture.Store, scenario);
        return (scenario, new SimulationEngine(setup), notes);
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static string[] Leftovers(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(folder)!, "." + Path.GetFileName(folder) + ".*")];

    [Fact]
    public void Cancelled_mid_run_over_an_earlier_result_leaves_the_earlier_result_whole_and_no_temporaries()
    {
        using var home = new TempHome();
        var folder = home.File("out");
        var (scenario, engine, notes) = Load("sma-2019");
        SimulationOutput.Write(folder, scenario, engine, 40, 1, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken);
        var before = Hashes(folder);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var batches = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => SimulationOutput.Write(folder, scenario, engine, 5000, 2, fixture.Store.Datasets, notes, threads: 2,
            progress: _ =>
            {
                // Cancel once two batches of trajectories are on disk in the temporary folder.
                if (++batches == 2)
                {
                    cancel.Cancel();
                }
            }, cancellation: cancel.Token));

        Assert.Equal(2, batches);
        Assert.Equal(before, Hashes(folder));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void A_new_result_replaces_the_old_one_whole()
    {
        using var home = new TempHome();
        var folder = home.File("out");
        var (scenario, engine, notes) = Load("sma-2019");
        SimulationOutput.Write(folder, scenario, engine, 30, 1, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken);
        var old = Hashes(folder);
        SimulationOutput.Write(folder, scenario, engine, 60, 5, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken);
        var fresh = Hashes(folder);

        var other = home.File("fresh");
        SimulationOutput.Write(other, scenario, engine, 60, 5, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Hashes(other), fresh);
        Assert.Equal(SimulationOutput.FileNames.Order(StringComparer.Ordinal), fresh.Keys);
        Assert.All(fresh.Keys, name => Assert.NotEqual(old[name], fresh[name]));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_and_left_alone()
    {
        using var home = new TempHome();
        var folder = home.File("mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "thesis.tex"), "x");
        var (scenario, engine, notes) = Load("sma-2019");
        var error = Assert.Throws<LinchpinException>(() => SimulationOutput.Write(folder, scenario, engine, 10, 1, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken));
        Assert.Contains("'thesis.tex'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["thesis.tex"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void Leftovers_of_a_killed_run_are_removed_and_an_old_result_set_aside_is_put_back()
    {
        using var home = new TempHome();
        var folder = home.File("out");
        var (scenario, engine, notes) = Load("sma-2019");
        SimulationOutput.Write(folder, scenario, engine, 20, 1, fixture.Store.Datasets, notes, cancellation: TestContext.Current.CancellationToken);
        var old = Hashes(folder);

        // A run killed between the two renames of a replacement: the old result aside, its new one half-written.
        const int Dead = int.MaxValue - 7;
        var aside = home.File($".out.{Dead}.{Guid.NewGuid():N}.old");
        Directory.Move(folder, aside);
        var half = home.File($".out.{Dead}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(half);
        File.WriteAllBytes(Path.Combine(half, "trajectories.parquet"), new byte[1000]);
        var file = home.File("x.csv");
        File.WriteAllText(home.File($".x.csv.{Dead}.{Guid.NewGuid():N}.tmp"), "half");

        // A write to the same folder that fails still cleans up first: the old result is back, whole.
        var error = Assert.Throws<LinchpinException>(() => AtomicFile.WriteFolder(folder, SimulationOutput.FileNames, _ => throw new IOException("disk full"), TestContext.Current.CancellationToken));
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
        Assert.Equal(old, Hashes(folder));
        Assert.Empty(Leftovers(folder));

        AtomicFile.WriteText(file, "whole");
        Assert.Equal("whole", File.ReadAllText(file));
        Assert.Empty(Leftovers(file));
    }

    [Fact]
    public void A_result_and_its_sidecar_are_written_together_or_not_at_all()
    {
        using var home = new TempHome();
        var file = home.File("a.csv");
        File.WriteAllText(file, "old");
        var error = Assert.Throws<LinchpinException>(() => AtomicFile.WriteAll(
        [
            (file, temp => File.WriteAllText(temp, "new")),
            (home.File("missing/a.csv.provenance.json"), temp => File.WriteAllText(temp, "{}")),
        ], TestContext.Current.CancellationToken));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(file));

        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => AtomicFile.WriteAll(
        [
            (file, temp => File.WriteAllText(temp, "new")),
            (file + ".provenance.json", temp => cancel.Cancel()),
        ], cancel.Token));
        Assert.Equal("old", File.ReadAllText(file));
        Assert.False(File.Exists(file + ".provenance.json"));
        Assert.Equal(["a.csv"], Directory.EnumerateFileSystemEntries(home.Path).Select(Path.GetFileName));
    }
}
