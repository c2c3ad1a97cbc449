using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Linchpin.Data;

/// <summary>
/// Writes outputs so that a reader never sees half of them: each file (or a whole folder) is
/// written under a temporary name next to its target and moved into place only once everything is
/// complete; on failure or cancellation the temporaries are removed and the targets are untouched.
/// Temporaries left by a process that was killed are removed by the next write to the same place.
/// </summary>
public static partial class AtomicFile
{
    private const string TempSuffix = ".tmp";
    private const string OldSuffix = ".old";

    /// <summary>
    /// Runs <paramref name="write"/> with a temporary path next to <paramref name="target"/>, then
    /// moves it onto the target. On failure the temporary file is removed and the target is untouched.
    /// </summary>
    /// <exception cref="LinchpinException">The folder does not exist or cannot be written.</exception>
    public static void Write(string target, Action<string> write) => WriteAll([(target, write)]);

    /// <summary>Writes text atomically (UTF-8, no byte-order mark).</summary>
    public static void WriteText(string target, string text) =>
        Write(target, temp => File.WriteAllText(temp, text));

    /// <summary>
    /// Writes several files together (a result and its provenance sidecar): every one is written to
    /// its temporary file first, and only when all are complete (and the work not cancelled) are
    /// they moved into place, so a failure in any leaves every target as it was.
    /// </summary>
    /// <exception cref="LinchpinException">A folder does not exist or a file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the files were moved into place.</exception>
    public static void WriteAll(IReadOnlyList<(string Target, Action<string> Write)> files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temps = new List<string>(files.Count);
        var current = "";
        try
        {
            var plan = new List<(string Full, string Temp, Action<string> Write, string Target)>();
            foreach (var (target, write) in files)
            {
                ArgumentNullException.ThrowIfNull(write);
                current = target;
                var full = Path.GetFullPath(target);
                var folder = Path.GetDirectoryName(full) ?? ".";
                if (!Directory.Exists(folder))
                {
                    throw new LinchpinException($"{target}: cannot write: folder '{folder}' does not exist");
                }

                if (Directory.Exists(full))
                {
                    throw new LinchpinException($"{target}: cannot write: it is a folder");
                }

                RemoveLeftovers(full);
                var temp = TempPath(full);

                // Creating the file first turns an unwritable folder into a clear error before any work.
                File.Create(temp).Dispose();
                temps.Add(temp);
                plan.Add((full, temp, write, target));
            }

            foreach (var (_, temp, write, target) in plan)
            {
                current = target;
                write(temp);
                cancellation.ThrowIfCancellationRequested();
            }

            foreach (var (full, temp, _, target) in plan)
            {
                current = target;
                File.Move(temp, full, overwrite: true);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LinchpinException($"{current}: cannot write: permission denied", ex);
        }
        catch (IOException ex)
        {
            throw new LinchpinException($"{current}: cannot write: {ex.Message}", ex);
        }
        finally
        {
            foreach (var temp in temps)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>
    /// Writes a whole folder: <paramref name="write"/> fills a temporary folder next to
    /// <paramref name="target"/>, which then replaces the target in one step (on Linux an atomic
    /// exchange; elsewhere two renames, undone by the next write if a kill falls between them), so
    /// the target holds either its old content or the new, whole. A target that holds anything but
    /// files named in <paramref name="ownNames"/> is refused rather than replaced.
    /// </summary>
    /// <exception cref="LinchpinException">The target is a file or holds other files, or cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the temporary folder is removed and the target untouched.</exception>
    public static void WriteFolder(string target, IReadOnlySet<string> ownNames, Action<string> write, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(ownNames);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? ".";
        string? temp = null;
        try
        {
            Directory.CreateDirectory(parent);
            RemoveLeftovers(full);
            if (File.Exists(full))
            {
                throw new LinchpinException($"{target}: cannot write the output folder: it is a file");
            }

            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).FirstOrDefault(n => !ownNames.Contains(n!)) is { } other)
            {
                throw new LinchpinException($"{target}: cannot replace the output folder: it holds '{other}', which this command did not write; choose a new or empty folder");
            }

            temp = TempPath(full);
            Directory.CreateDirectory(temp);
            write(temp);
            cancellation.ThrowIfCancellationRequested();
            if (!Directory.Exists(full))
            {
                Directory.Move(temp, full);
                temp = null;
            }
            else if (Exchange(temp, full))
            {
                // The temporary name now holds the old result, removed in the finally block.
            }
            else
            {
                var old = Path.Combine(parent, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}{OldSuffix}");
                Directory.Move(full, old);
                Directory.Move(temp, full);
                temp = old;
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LinchpinException($"{target}: cannot write: permission denied", ex);
        }
        catch (IOException ex)
        {
            throw new LinchpinException($"{target}: cannot write: {ex.Message}", ex);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    private static string TempPath(string full) =>
        Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");

    /// <summary>
    /// Removes the temporaries of <paramref name="full"/> left by processes no longer running, and
    /// puts back an old folder that a kill left aside between the two renames of a replacement.
    /// </summary>
    private static void RemoveLeftovers(string full)
    {
        var folder = Path.GetDirectoryName(full) ?? ".";
        var prefix = "." + Path.GetFileName(full) + ".";
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, prefix + "*"))
        {
            var name = Path.GetFileName(entry);
            var suffix = name.EndsWith(TempSuffix, StringComparison.Ordinal) ? TempSuffix : name.EndsWith(OldSuffix, StringComparison.Ordinal) ? OldSuffix : null;
            var parts = name[prefix.Length..].Split('.');
            if (suffix is null || parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            if (suffix == OldSuffix && !Directory.Exists(full) && !File.Exists(full))
            {
                Directory.Move(entry, full);
            }
            else
            {
                TryDelete(entry);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary that cannot be removed now is removed by the next write to the same place.
        }
    }

    // Linux's renameat2 with RENAME_EXCHANGE swaps two paths in one step.
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);
}
