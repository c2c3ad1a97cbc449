using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Input;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game shapley --input FILE [--permutations N] [--seed S]</c>.</summary>
internal static class GameShapleyCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var permutations = NumericOptions.OptionalWhole(
            "--permutations", $"Estimate by sampling this many random orders (default: exact up to {Shapley.MaxExactPlayers} players, else 10000)", 2, 100_000_000);
        var seed = new Option<int>("--seed") { Description = "Seed of the random orders", DefaultValueFactory = _ => 1 };
        var command = new Command("shapley", "Shapley value of a cost or value game (exact enumeration, airport closed form, or Monte Carlo)");
        command.Options.Add(input);
        command.Options.Add(permutations);
        command.Options.Add(seed);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            var game = GameInput.ParseCostGame(GameInputFile.Read(path), path).Game;
            var samples = parsed.GetValue(permutations);
            var report = new GameReport("Shapley value").Add("total", game.Total).Players(game.Players);
            if (samples is null && game is AirportGame airport)
            {
                report.Add("method", "airport closed form (Littlechild & Owen 1973)").Column("shapley", airport.ShapleyValue());
            }
            else if (samples is null && game.PlayerCount <= Shapley.MaxExactPlayers)
            {
                report.Add("method", "exact enumeration").Column("shapley", Shapley.Exact(game));
            }
            else
            {
                var estimate = Shapley.MonteCarlo(game, samples ?? 10_000, new Random(parsed.GetValue(seed)));
                report.Add("method", "Monte Carlo permutation sampling").Add("permutations", estimate.Permutations)
                    .Column("shapley", estimate.Values).Column("standardError", estimate.StandardErrors);
            }

            report.Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
