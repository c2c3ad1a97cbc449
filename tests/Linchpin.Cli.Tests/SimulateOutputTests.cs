using System.Diagnostics;
using System.Security.Cryptography;

namespace Linchpin.Cli.Tests;

/// <summary>The files of <c>simulate --out</c>: the same bytes as the version that kept every run in memory, and all or nothing when interrupted.</summary>
public class SimulateOutputTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static string[] Leftovers(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(folder)!, "." + Path.GetFileName(folder) + ".*")];

    // SHA-256 of the files these commands wrote when pinned. The streamed summary was first pinned to
    // the in-memory implementation's files (every run kept, sorted per cell); re-pinned for the engine
    // with actors: nato-2014 differs from that pin only by the new troops rows (no troops, rivals or
    // demands there; events unchanged), sma-2019 by its DPRK rival's Poisson probing (replacing the
    // Bernoulli missile-test shock), the troops' tripwire and the patron's posture and threats.
    [Theory]
    [InlineData("sma-2019", "300", "42",
        "3980f57bc23c9a1a83ad3db7191a767159da0007f2b6769c3ba9c69187fda9d4", "10c2208a74534da2daa60d94f20f5cd7509c82196893485dd886a1f81aa09006",
        "93c6c31014af055b8ae31fe493c86c2fbd53467f48f16d69c9f2a7c2ff917a68", "e546c57d7c02b8336e95632de5e7ac3f78718bb0e50c2ff1fbc965d1b7c084b4")]
    [InlineData("nato-2014", "50", "7",
        "fa6f41538bf35313e265540de8562edc7820afd2aae4c83d21e11ed49c91502c", "befb9323b56a6982469c98122dd1156422dbd49da47248a5221db9ca5c97bf2d",
        "ec10199bac5ad3a3ee47373cea0bb4bb73be36174d8e920b43816f4d00c08f2a", "c083278b1806f6caea6e408aadcc720aad7072489c05f46beefc494a80747c63")]
    public void The_files_are_those_of_the_previous_version(string scenario, string runs, string seed, string summaryCsv, string summaryJson, string events, string trajectories)
    {
        using var cli = new CliRunner();
        var folder = cli.File("out");
        var result = cli.Run("simulate", "--scenario", scenario, "--runs", runs, "--seed", seed, "--threads", "2", "--out", folder);
        Assert.Equal(0, result.Exit);
        var hashes = Hashes(folder);
        Assert.Equal(summaryCsv, hashes["summary.csv"]);
        Assert.Equal(summaryJson, hashes["summary.json"]);
        Assert.Equal(events, hashes["events.csv"]);
        Assert.Equal(trajectories, hashes["trajectories.parquet"]);
    }

    [Fact]
    public void Ctrl_C_mid_run_exits_130_and_leaves_the_earlier_result_whole()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("sends SIGINT with kill(1)");
        }

        using var cli = new CliRunner();
        var folder = cli.File("out");
        Assert.Equal(0, cli.Run("simulate", "--scenario", "sma-2019", "--runs", "20", "--out", folder).Exit);
        var before = Hashes(folder);

        using var child = Start(cli.Home, "simulate", "--scenario", "nato-2014", "--runs", "200000", "--threads", "1", "--out", folder);
        WaitForTrajectories(cli.Home, child);
        using (var kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(child.WaitForExit(60_000), "the run did not stop after SIGINT");
        Assert.Equal(130, child.ExitCode);
        Assert.Equal("linchpin: cancelled", child.StandardError.ReadToEnd().Trim());
        Assert.Equal(before, Hashes(folder));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void After_a_killed_run_the_next_run_removes_its_leftovers()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("kills with SIGKILL");
        }

        using var cli = new CliRunner();
        var folder = cli.File("out");
        Assert.Equal(0, cli.Run("simulate", "--scenario", "sma-2019", "--runs", "20", "--out", folder).Exit);
        var before = Hashes(folder);

        using var child = Start(cli.Home, "simulate", "--scenario", "nato-2014", "--runs", "200000", "--threads", "1", "--out", folder);
        WaitForTrajectories(cli.Home, child);
        child.Kill();
        child.WaitForExit();
        Assert.Equal(before, Hashes(folder));
        Assert.NotEmpty(Leftovers(folder));

        Assert.Equal(0, cli.Run("simulate", "--scenario", "sma-2019", "--runs", "30", "--out", folder).Exit);
        Assert.Empty(Leftovers(folder));
        Assert.NotEqual(before["summary.csv"], Hashes(folder)["summary.csv"]);
    }

    private static Process Start(string home, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Linchpin.Cli.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LINCHPIN_HOME"] = home;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    // Waits (on the file system, not the clock) until the run's temporary folder holds trajectories.
    private static void WaitForTrajectories(string home, Process child)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            var partial = Directory.EnumerateDirectories(home, ".out.*.tmp").Select(d => new FileInfo(Path.Combine(d, "trajectories.parquet")));
            if (partial.Any(f => f.Exists && f.Length > 1_000_000))
            {
                return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"the run wrote no trajectories (exited: {child.HasExited}): {(child.HasExited ? child.StandardError.ReadToEnd() : "")}");
    }
}
