using System.CommandLine;

namespace Linchpin.Cli.Commands.Game;

/// <summary>The <c>--input FILE</c> option every game command takes, and reading that file.</summary>
internal static class GameInputFile
{
    public static Option<string> Create() => new("--input", "-i")
    {
        Description = "The game's input file (.yaml, .yml or .json)",
        Required = true,
    };

    /// <summary>The file's text; a missing or unreadable file is a bad-input error.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw LinchpinException.InFile(path, 0, null, $"cannot read the file: {ex.Message}");
        }
    }
}
