using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game core --input FILE</c>: is the core empty, and are the given allocation, the Shapley value and the nucleolus in it?</summary>
internal static class GameCoreCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("core", "Core of a cost or value game: non-emptiness (least core) and membership of the given allocation, the Shapley value and the nucleolus");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.CoreOf(GameInputFile.Read(path), path), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
