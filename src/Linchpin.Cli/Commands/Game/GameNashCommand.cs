using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.Bargaining;
using Linchpin.Games.Input;

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
            var nash = GameInput.ParseNash(GameInputFile.Read(path), path);
            var solution = NashBargaining.Solve(nash.Pie, nash.Disagreement1, nash.Disagreement2, nash.Power1);
            new GameReport("Nash bargaining solution")
                .Add("agreement", solution.Agreement)
                .Add("surplus", solution.Surplus)
                .Add("power1", solution.Power1)
                .Add("payoff1", solution.Payoff1)
                .Add("payoff2", solution.Payoff2)
                .Add("share1", solution.Share1)
                .Add("share2", solution.Share2)
                .Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
