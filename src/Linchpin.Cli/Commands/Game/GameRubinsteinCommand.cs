using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game rubinstein --input FILE</c>: alternating offers with outside options, breakdown risk and a deadline.</summary>
internal static class GameRubinsteinCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("rubinstein", "Alternating-offers bargaining (Rubinstein 1982) with outside options, breakdown risk and an optional deadline");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.Rubinstein(GameInputFile.Read(path), path), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
