using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.Input;
using Linchpin.Games.PublicGoods;

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
            var allies = GameInput.ParsePublicGood(GameInputFile.Read(path), path);
            var result = PublicGoodGame.Solve(allies);
            new GameReport("Voluntary-contribution equilibrium")
                .Add("total", result.Total)
                .Add("paretoTotal", result.ParetoTotal)
                .Add("gap", result.Gap)
                .Add("provisionRatio", result.ProvisionRatio)
                .Add("contributors", result.Contributors)
                .Add("freeRiders", result.FreeRiders)
                .Add("splitIndeterminate", result.SplitIndeterminate)
                .Players([.. allies.Select(a => a.Name)])
                .Column("contribution", result.Contributions)
                .Column("consumption", result.Consumption)
                .Column("freeRider", allies.Select((_, i) => (object?)!result.IsContributor(i)))
                .Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
