using System.Diagnostics;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>Outputs are all or nothing: a failure or a cancellation part-way leaves every target as it was, and no temporary behind.</summary>
public class AtomicFileTests
{
    private static string[] Leftovers(TempHome home) => [.. Directory.EnumerateFileSystemEntries(home.Path, ".*")];

    [Fact]
    public void A_sidecar_that_cannot_be_written_leaves_the_main_file_unreplaced()
    {
        using var home = new TempHome();
        var main = home.Write("r.csv", "old\n");
        var sidecar = home.Write("r.csv.provenance.json", "{\"old\":true}\n");
        var error = Assert.Throws<LinchpinException>(() => AtomicFile.WriteAll(
        [
            (main, temp => File.WriteAllText(temp, "new\n")),
            (sidecar, _ => throw new IOException("disk full")),
        ], TestContext.Current.CancellationToken));
        Assert.Equal($"{sidecar}: cannot write: disk full", error.Message);
        Assert.Equal("old\n", File.ReadAllText(main));
        Assert.Equal("{\"old\":true}\n", File.ReadAllText(sidecar));
        Assert.Empty(Leftovers(home));
    }

    [Fact]
    public void A_sidecar_path_taken_by_a_folder_is_refused_before_the_main_file_is_touched()
    {
        using var home = new TempHome();
        var main = home.Write("r.csv", "old\n");
        Directory.CreateDirectory(Provenance.SidecarPath(main));
        var provenance = new Provenance("linchpin data export nmc", [], []);
        var error = Assert.Throws<LinchpinException>(() => provenance.WriteWith(main, temp => File.WriteAllText(temp, "new\n"), TestContext.Current.CancellationToken));
        Assert.Equal($"{Provenance.SidecarPath(main)}: cannot write: it is a folder", error.Message);
        Assert.Equal("old\n", File.ReadAllText(main));
        Assert.Empty(Leftovers(home));
    }

    [Fact]
    public void Cancelled_part_way_neither_file_is_replaced_and_the_temporaries_are_gone()
    {
        using var home = new TempHome();
        var first = home.Write("a.csv", "old a\n");
        var second = home.Write("b.csv", "old b\n");
        using var interrupt = new CancellationTokenSource();
        var wroteSecond = false;
        Assert.Throws<OperationCanceledException>(() => AtomicFile.WriteAll(
        [
            (first, temp =>
            {
                File.WriteAllText(temp, "new a\n");
                interrupt.Cancel();
            }),
            (second, temp =>
            {
                wroteSecond = true;
                File.WriteAllText(temp, "new b\n");
            }),
        ], interrupt.Token));
        Assert.False(wroteSecond);
        Assert.Equal("old a\n", File.ReadAllText(first));
        Assert.Equal("old b\n", File.ReadAllText(second));
        Assert.Empty(Leftovers(home));
    }

    [Fact]
    public void A_cancellable_stream_stops_at_the_first_write_after_the_cancellation()
    {
        using var interrupt = new CancellationTokenSource();
        using var inner = new MemoryStream();
        using var stream = new CancellableStream(inner, interrupt.Token);
        stream.Write([1, 2, 3]);
        interrupt.Cancel();
        Assert.Throws<OperationCanceledException>(() => stream.Write([4, 5]));
        Assert.Throws<OperationCanceledException>(() => stream.Write(new byte[] { 6 }, 0, 1));
        Assert.Throws<OperationCanceledException>(() => stream.WriteByte(7));
        Assert.Equal([1, 2, 3], inner.ToArray());
    }

    [Fact]
    public void A_dyad_file_write_cancelled_before_it_starts_leaves_the_earlier_file_and_sidecar()
    {
        using var home = new TempHome();
        var path = home.Write("d.csv", "old\n");
        var sidecar = home.Write("d.csv.provenance.json", "{}\n");
        var frame = DyadYears.Build(ShippedDyadData.Load(DyadJoins.None), new DyadYearRequest(1990, 1990, true, DyadJoins.None));
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        Assert.Throws<OperationCanceledException>(() => DyadFrameFile.WriteInterruptible(frame, path, new Provenance("linchpin dyads", [], []), interrupt.Token));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal("{}\n", File.ReadAllText(sidecar));
        Assert.Empty(Leftovers(home));
    }

    [Fact]
    public void The_next_write_removes_the_temporaries_of_a_process_that_was_killed_and_keeps_those_of_a_running_one()
    {
        using var home = new TempHome();
        var target = home.File("r.csv");
        using (var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            gone.WaitForExit();
            home.Write($".r.csv.{gone.Id}.{Guid.NewGuid():N}.tmp", "half");
        }

        var running = home.Write($".r.csv.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp", "in progress");
        var unrelated = home.Write(".r.csv.notes", "not a temporary");
        AtomicFile.WriteText(target, "new\n");
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal([running, unrelated], Leftovers(home).Order(StringComparer.Ordinal));
    }
}
