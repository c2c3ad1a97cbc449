using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>Spectre consoles bound to a command's writers (so tests can capture them).</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Piped tables are not cut at 80 columns.
            console.Profile.Width = 240;
        }

        return console;
    }
}
