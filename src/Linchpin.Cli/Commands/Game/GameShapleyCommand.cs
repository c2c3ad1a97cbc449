using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.CostAllocation;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game shapley --input FILE [--permutations N] [--seed S]</c>.</summary>
internal static class GameShapleyCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var permutations = new Option<int?>("--permutations")
        {
            Description = $"Estimate by sampling this many random orders (default: exact up to {Shapley.MaxExactPlayers} players, else 10000)",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random orders", DefaultValueFactory = _ => 1 };
        var command = new Command("shapley", "Shapley value of a cost or value game (exact enumeration, airport closed form, or Monte Carlo)");
        command.Options.Add(input);
        command.Options.Add(permutations);
        command.Options.Add(seed);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.ShapleyValue(GameInputFile.Read(path), path, parsed.GetValue(permutations), parsed.GetValue(seed)), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
