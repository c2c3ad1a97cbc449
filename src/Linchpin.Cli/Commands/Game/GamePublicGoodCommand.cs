using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game public-good --input FILE</c>: the voluntary-contribution equilibrium and the under-provision gap.</summary>
internal static class GamePublicGoodCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("public-good", "Nash equilibrium of voluntary defence contributions (Bergstrom, Blume & Varian 1986), with the Pareto (Lindahl) level");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.PublicGood(GameInputFile.Read(path), path), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
