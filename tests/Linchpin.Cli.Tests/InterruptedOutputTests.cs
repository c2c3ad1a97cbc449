using System.Security.Cryptography;

namespace Linchpin.Cli.Tests;

/// <summary><c>dyads --out</c> and <c>data export</c> cancelled mid-run (the token Ctrl-C cancels): exit 130, the earlier file and sidecar whole, no temporary left.</summary>
public sealed class InterruptedOutputTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string[] Leftovers(string path) => [.. Directory.EnumerateFileSystemEntries(_cli.Home, "." + Path.GetFileName(path) + ".*")];

    // Runs the command on another thread and cancels it (as Ctrl-C does) once its temporary output
    // file holds at least minimumBytes: the wait is on the file system, not the clock.
    private (int Exit, string Error) RunAndInterrupt(string path, long minimumBytes, params string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), IsTerminal: false, _cli.Home) { Cancellation = interrupt.Token };
        var run = Task.Run(() => LinchpinCli.Run(args, environment));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!run.IsCompleted && DateTime.UtcNow < deadline)
        {
            // The output's own temporary, not its sidecar's (which is written after it).
            var sidecar = "." + Path.GetFileName(path) + ".provenance.json.";
            if (Leftovers(path).Where(p => p.EndsWith(".tmp", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith(sidecar, StringComparison.Ordinal))
                .Select(p => new FileInfo(p)).Any(f => f.Exists && f.Length >= minimumBytes))
            {
                break;
            }

            Thread.Sleep(1);
        }

        Assert.False(run.IsCompleted, "the command finished before it could be interrupted");
        interrupt.Cancel();
        Assert.True(run.Wait(TimeSpan.FromMinutes(2)), "the command did not stop after the interrupt");
        return (run.Result, error.ToString());
    }

    [Fact]
    public void Dyads_out_interrupted_while_writing_exits_130_and_leaves_the_earlier_file_and_sidecar()
    {
        var path = _cli.File("big.csv");
        Assert.Equal(0, _cli.Run("dyads", "--from", "2000", "--to", "2000", "--out", path).Exit);
        var before = (Hash(path), Hash(path + ".provenance.json"));

        // All directed dyad-years 1816-2016 with ATOP and NMC: about 170 MB of CSV, written 1 MB at a time.
        var (exit, error) = RunAndInterrupt(path, 1, "dyads", "--out", path);
        Assert.Equal(130, exit);
        Assert.Equal("linchpin: cancelled", error.Trim());
        Assert.Equal(before, (Hash(path), Hash(path + ".provenance.json")));
        Assert.Empty(Leftovers(path));
    }

    [Fact]
    public void Data_export_interrupted_during_the_copy_exits_130_and_leaves_the_earlier_file_and_sidecar()
    {
        var path = _cli.File("ddy.csv");
        Assert.Equal(0, _cli.Run("data", "export", "atop_ddy", "--where", "year = 2000", "--out", path).Exit);
        var before = (Hash(path), Hash(path + ".provenance.json"));

        var (exit, error) = RunAndInterrupt(path, 0, "data", "export", "atop_ddy", "--out", path);
        Assert.Equal(130, exit);
        Assert.Equal("linchpin: cancelled", error.Trim());
        Assert.Equal(before, (Hash(path), Hash(path + ".provenance.json")));
        Assert.Empty(Leftovers(path));
    }

    [Fact]
    public void Data_export_whose_sidecar_cannot_be_written_exits_2_and_does_not_replace_the_file()
    {
        var path = _cli.File("nmc.csv");
        File.WriteAllText(path, "old\n");
        Directory.CreateDirectory(path + ".provenance.json");
        var (exit, output, error) = _cli.Run("data", "export", "nmc", "--out", path);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal($"linchpin: {path}.provenance.json: cannot write: it is a folder", error.Trim());
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Empty(Leftovers(path));
    }

    [Fact]
    public void Dyads_out_removes_the_leftover_of_a_killed_run()
    {
        var path = _cli.File("d.csv");
        using (var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            gone.WaitForExit();
            File.WriteAllText(Path.Combine(_cli.Home, $".d.csv.{gone.Id}.{Guid.NewGuid():N}.tmp"), "half a file");
        }

        Assert.Single(Leftovers(path));
        Assert.Equal(0, _cli.Run("dyads", "--from", "2000", "--to", "2000", "--out", path).Exit);
        Assert.Empty(Leftovers(path));
        Assert.StartsWith("ccode1,ccode2,year", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
