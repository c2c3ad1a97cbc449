namespace Linchpin.Data;

/// <summary>Reads an input file (game, landscape, scenario) as text, within <see cref="InputLimits.MaxInputBytes"/>.</summary>
public static class InputFile
{
    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <exception cref="LinchpinException">The file is missing, unreadable, a folder, or larger than the limit.</exception>
    public static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // A pipe or device has no length: read at most one byte past the limit to tell.
            var limit = InputLimits.MaxInputBytes;
            if (stream.CanSeek && stream.Length > limit)
            {
                throw TooLarge(path);
            }

            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[Math.Min(limit + 1, stream.CanSeek ? stream.Length + 1 : limit + 1)];
            var read = 0;
            int chunk;
            while (read < buffer.Length && (chunk = reader.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += chunk;
            }

            return read > limit ? throw TooLarge(path) : new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw LinchpinException.InFile(path, 0, null, $"cannot read the file: {WorldStore.FirstLine(ex.Message)}");
        }
    }

    private static LinchpinException TooLarge(string path) =>
        LinchpinException.InFile(path, 0, null, $"the file is larger than {InputLimits.MaxInputBytes >> 20} MiB, the limit for input files");
}
