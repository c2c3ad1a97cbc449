using System.Runtime.InteropServices;
using Linchpin.Data;

namespace Linchpin.Cli;

/// <summary>What a command may touch: its output streams, whether they are a terminal, and the user's Linchpin folder.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: errors and progress.</param>
/// <param name="IsTerminal">Whether standard error is an interactive terminal (progress bars are drawn only then).</param>
/// <param name="HomeFolder">The user's Linchpin folder (imports, cache).</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, bool IsTerminal, string HomeFolder)
{
    private static readonly CancellationTokenSource Interrupt = new();
    private static PosixSignalRegistration? _terminate;

    /// <summary>Cancelled when the user interrupts the process (Ctrl-C, SIGINT or SIGTERM): long work stops, temporaries are removed, the exit code is 130.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The environment of this process; the first Ctrl-C cancels the work, a second ends the process at once.</summary>
    public static CliEnvironment FromProcess()
    {
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !Interrupt.IsCancellationRequested;
            Interrupt.Cancel();
        };
        _terminate ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Interrupt.Cancel();
        });
        return new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected, StoreOptions.DefaultHomeFolder())
        {
            Cancellation = Interrupt.Token,
        };
    }
}
