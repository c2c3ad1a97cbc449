using System.CommandLine;
using Linchpin.Data;

namespace Linchpin.Cli.Commands.Game;

/// <summary>The <c>--input FILE</c> option every game command takes, and reading that file.</summary>
internal static class GameInputFile
{
    public static Option<string> Create() => new("--input", "-i")
    {
        Description = "The game's input file (.yaml, .yml or .json)",
        Required = true,
    };

    /// <summary>The file's text, within the input size limit; a missing, unreadable or oversized file is a bad-input error.</summary>
    public static string Read(string path) => InputFile.ReadText(path);
}
