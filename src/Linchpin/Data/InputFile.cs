using System.Text;

namespace Linchpin.Data;

/// <summary>
/// Reads an input file within a size limit (<see cref="InputLimits"/>): a game, landscape, scenario
/// or priors file as text, an imported CSV as bytes. The size is checked before the content is
/// read, so an oversized file (or an endless device) costs no memory.
/// </summary>
public static class InputFile
{
    /// <summary>The text of <paramref name="path"/> (UTF-8 unless a byte-order mark says otherwise), at most <see cref="InputLimits.MaxInputBytes"/>.</summary>
    /// <exception cref="LinchpinException">The file is missing, unreadable, a folder, or larger than the limit.</exception>
    public static string ReadText(string path)
    {
        var bytes = ReadBytes(path, InputLimits.MaxInputBytes);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The bytes of <paramref name="path"/>, at most <paramref name="limit"/> of them.</summary>
    /// <exception cref="LinchpinException">The file is missing, unreadable, a folder, or larger than <paramref name="limit"/>.</exception>
    public static byte[] ReadBytes(string path, long limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > limit)
            {
                throw TooLarge(path, limit);
            }

            // A pipe or device has no length: read at most one byte past the limit to tell.
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
                if (content.Length > limit)
                {
                    throw TooLarge(path, limit);
                }
            }

            return content.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw LinchpinException.InFile(path, 0, null, $"cannot read the file: {WorldStore.FirstLine(ex.Message)}");
        }
    }

    private static LinchpinException TooLarge(string path, long limit) =>
        LinchpinException.InFile(path, 0, null, $"the file is larger than {limit >> 20} MiB, the limit for this kind of input");
}
