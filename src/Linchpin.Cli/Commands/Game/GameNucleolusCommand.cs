using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Input;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game nucleolus --input FILE</c>.</summary>
internal static class GameNucleolusCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("nucleolus", "Nucleolus of a cost or value game (sequence of linear programmes; airport closed form)");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            var game = GameInput.ParseCostGame(GameInputFile.Read(path), path).Game;
            var report = new GameReport("Nucleolus").Add("total", game.Total).Players(game.Players);
            if (game is AirportGame airport && game.PlayerCount > Nucleolus.MaxPlayers)
            {
                report.Add("method", "airport closed form (Littlechild 1974)").Column("nucleolus", airport.Nucleolus());
            }
            else
            {
                if (game.PlayerCount > Nucleolus.MaxPlayers)
                {
                    throw new LinchpinException($"{path}: the nucleolus of a general game is limited to {Nucleolus.MaxPlayers} players, got {game.PlayerCount}");
                }

                var result = Nucleolus.Compute(game);
                report.Add("method", "sequence of linear programmes")
                    .Add("leastCoreEpsilon", result.LeastCoreEpsilon)
                    .Add("coreNonEmpty", result.CoreNonEmpty)
                    .Column("nucleolus", result.Allocation);
            }

            report.Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
