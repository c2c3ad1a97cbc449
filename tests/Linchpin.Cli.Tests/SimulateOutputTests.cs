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
    // Bernoulli missile-test shock), the troops' tripwire and the patron's posture and threats; both
    // re-pinned once more when the hazard defaults became the fit on ATOP member-years (a model change).
    [Theory]
    [InlineData("sma-2019", "300", "42",
        "185c7bd8d2237b3d230a4dd5d48f07e86d6e42a67d232bcb61148198792b55b3", "9a88af15be15dd2f2facf3f6ac533ce6494e3bdc6e676363658654e9543ce9f4",
        "2a074cad4c43efdec689306495afa52b70d090978aca824aae4758144de13963", "9e5ad451b1c6c646976477549753051caa37982ce73c5df59a1272d2c9651e06")]
    [InlineData("nato-2014", "50", "7",
        "da25402397cb26630c1ea5030817684527698beb1dd9dd4e137057ea32f72657", "efba4f11df733b2f72d4636609d3e0ec3b40b2daad40d5befe2dfb44795790b8",
        "c117d6e697148bb282904ab51ce3f062989cd45453570ccb6832bb090e5f00e6", "d4f2052455f5647060b2595e7c38699fdf36acb0084ebe581019151cd561b9b0")]
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
        // A child started from a background job inherits SIGINT as ignored, and keeps ignoring it as any
        // program should; the CLI cancels the same way on SIGTERM, which is then sent instead.
        var signal = SigIntIgnored() ? "-TERM" : "-INT";
        using (var kill = Process.Start("kill", [signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(child.WaitForExit(60_000), $"the run did not stop after kill {signal}");
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

    // Whether this process ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status); its children inherit that.
    private static bool SigIntIgnored()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var mask = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim();
        return mask is not null && (ulong.Parse(mask, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0x2) != 0;
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
