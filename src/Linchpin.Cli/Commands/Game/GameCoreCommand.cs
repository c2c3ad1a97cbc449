using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Input;

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
            var parsedGame = GameInput.ParseCostGame(GameInputFile.Read(path), path);
            var game = parsedGame.Game;
            if (game.PlayerCount > Nucleolus.MaxPlayers)
            {
                throw new LinchpinException($"{path}: the core test is limited to {Nucleolus.MaxPlayers} players, got {game.PlayerCount}");
            }

            var nucleolus = Nucleolus.Compute(game);
            var shapley = Shapley.Exact(game);
            var report = new GameReport("Core")
                .Add("total", game.Total)
                .Add("coreNonEmpty", nucleolus.CoreNonEmpty)
                .Add("leastCoreEpsilon", nucleolus.LeastCoreEpsilon)
                .Add("shapleyInCore", Core.Check(game, shapley).InCore)
                .Add("nucleolusInCore", Core.Check(game, nucleolus.Allocation).InCore)
                .Players(game.Players)
                .Column("shapley", shapley)
                .Column("nucleolus", nucleolus.Allocation);
            if (parsedGame.Allocation is { } allocation)
            {
                var check = Core.Check(game, allocation);
                var worst = string.Join(",", game.Players.Where((_, i) => (check.WorstCoalition & (1 << i)) != 0));
                report.Add("allocationInCore", check.InCore)
                    .Add("allocationEfficient", check.Efficient)
                    .Add("minimumSatisfaction", check.MinimumSatisfaction)
                    .Add("worstCoalition", worst)
                    .Column("allocation", allocation);
            }

            report.Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
