namespace Linchpin.Data;

/// <summary>
/// Writes output files so that a reader never sees half a file: the content goes to a temporary
/// file in the same folder, which is moved over the target only once it is complete.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> with a temporary path next to <paramref name="target"/>, then
    /// moves it onto the target. On failure the temporary file is removed and the target is untouched.
    /// </summary>
    /// <exception cref="LinchpinException">The folder does not exist or cannot be written.</exception>
    public static void Write(string target, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
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

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Creating the file first turns an unwritable folder into a clear error before any work.
            File.Create(temp).Dispose();
            write(temp);
            File.Move(temp, full, overwrite: true);
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
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes text atomically (UTF-8, no byte-order mark).</summary>
    public static void WriteText(string target, string text) =>
        Write(target, temp => File.WriteAllText(temp, text));
}
