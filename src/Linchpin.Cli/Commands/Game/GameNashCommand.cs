using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game nash --input FILE</c>: the asymmetric Nash bargaining solution.</summary>
internal static class GameNashCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("nash", "Asymmetric Nash bargaining solution (Nash 1950) with transferable utility");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.Nash(GameInputFile.Read(path), path), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
