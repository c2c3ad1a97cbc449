namespace Linchpin;

/// <summary>What went wrong, which decides the exit code the command line reports.</summary>
public enum ErrorKind
{
    /// <summary>The request or an input file is wrong (exit code 2).</summary>
    BadInput = 2,

    /// <summary>The data needed cannot be had: missing, out of coverage, unreadable store (exit code 3).</summary>
    Data = 3,
}

/// <summary>
/// An error a user can act on. Its message is one line, naming the file, line and field where
/// there is one; the command line prints it as it is, never with a stack trace.
/// </summary>
public sealed class LinchpinException : Exception
{
    /// <summary>Creates an error of the given kind.</summary>
    public LinchpinException(ErrorKind kind, string message, Exception? inner = null)
        : base(OneLine(message), inner) => Kind = kind;

    /// <summary>Creates a bad-input error.</summary>
    public LinchpinException(string message)
        : this(ErrorKind.BadInput, message)
    {
    }

    /// <summary>Creates a bad-input error.</summary>
    public LinchpinException()
        : this(ErrorKind.BadInput, "bad input")
    {
    }

    /// <summary>Creates a bad-input error wrapping a cause.</summary>
    public LinchpinException(string message, Exception inner)
        : this(ErrorKind.BadInput, message, inner)
    {
    }

    /// <summary>The kind of error, which is also the process exit code.</summary>
    public ErrorKind Kind { get; }

    /// <summary>
    /// <paramref name="message"/> on one line: a value quoted from an input (a CSV field in quotes,
    /// a YAML block) may hold line breaks, shown as <c>\n</c> so that the error stays one line.
    /// </summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.IndexOfAny(LineBreaks) < 0
            ? message
            : message.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
                .Replace("\u0085", "\\n", StringComparison.Ordinal).Replace("\u2028", "\\n", StringComparison.Ordinal).Replace("\u2029", "\\n", StringComparison.Ordinal);
    }

    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    /// <summary>A bad value in an input file: <c>file:line: field 'x': problem</c>.</summary>
    public static LinchpinException InFile(string file, long line, string? field, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        var what = field is null ? problem : $"field '{field}': {problem}";
        return new LinchpinException(ErrorKind.BadInput, $"{where}: {what}");
    }

    /// <summary>A data error: the data asked for are not available.</summary>
    public static LinchpinException NoData(string problem) => new(ErrorKind.Data, problem);
}
