using System.CommandLine;
using Linchpin.Cli.Commands.Game;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin game</c>: the alliance games — public good, bargaining, cost allocation, credibility, expected utility.</summary>
internal static class GameCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var game = new Command("game", "Solve an alliance game from a YAML or JSON input file");
        game.Subcommands.Add(GamePublicGoodCommand.Build(environment));
        game.Subcommands.Add(GameRubinsteinCommand.Build(environment));
        game.Subcommands.Add(GameNashCommand.Build(environment));
        game.Subcommands.Add(GameSmaCommand.Build(environment));
        game.Subcommands.Add(GameShapleyCommand.Build(environment));
        game.Subcommands.Add(GameNucleolusCommand.Build(environment));
        game.Subcommands.Add(GameCoreCommand.Build(environment));
        game.Subcommands.Add(GameCredibilityCommand.Build(environment));
        game.Subcommands.Add(GameExpectedUtilityCommand.Build(environment));
        return game;
    }
}
