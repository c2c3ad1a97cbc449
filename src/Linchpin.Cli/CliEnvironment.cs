using Linchpin.Data;

namespace Linchpin.Cli;

/// <summary>What a command may touch: its output streams, whether they are a terminal, and the user's Linchpin folder.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors and progress.</param>
/// <param name="IsTerminal">Whether standard error is an interactive terminal (progress bars are drawn only then).</param>
/// <param name="HomeFolder">The user's Linchpin folder (imports, cache).</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool IsTerminal, string HomeFolder)
{
    /// <summary>The environment of this process.</summary>
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected, StoreOptions.DefaultHomeFolder());
}
