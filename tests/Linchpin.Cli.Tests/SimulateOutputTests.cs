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

    // SHA-256 of the files the previous implementation (every run kept in memory, sorted per cell)
    // wrote for these commands, before the summary was accumulated while streaming, on the same model
    // and start-year data (sma-2019 starts from Korea's published defence budget share). Refreshed
    // once when the hazard defaults became the fit on ATOP member-years (a model change; the
    // streaming summary is checked against a full sort in EnsembleSummaryTests).
    [Theory]
    [InlineData("sma-2019", "300", "42",
        "3789f6e580f5b30f103580fd2b9aad07c6cb540f172cb31d2efdade40353dd7d", "50984cf924491bc509f0eeb539c6ebf336105fe2faf452626a80541dfaa8e0b8",
        "8ab0b0c00113c4c453824dace9027d5fe00d86ef0269cc301e6ebef084b7dcfe", "be59679d46b90493aae98698b0fc9ccd8dc16fc41edba21dd050c80f2041ae70")]
    [InlineData("nato-2014", "50", "7",
        "4225006ec9885d6504f0531aad5d7a32e155cd514175f254044b44ee7a93541a", "0f136bcd9ab3a760a305661c34d031a708c9260f5c8eda3e56d66461d6f97ff0",
        "c117d6e697148bb282904ab51ce3f062989cd45453570ccb6832bb090e5f00e6", "1bb7437b6c9c9efe23f084679d8d19c30049f00a605b1742bb33eb0b079d56e4")]
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
