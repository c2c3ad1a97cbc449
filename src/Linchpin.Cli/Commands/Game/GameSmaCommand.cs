using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.Bargaining;
using Linchpin.Games.Input;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game sma --input FILE</c>: a host-nation cost-sharing settlement.</summary>
internal static class GameSmaCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("sma", "Host-nation cost sharing (Special Measures Agreement) as bargaining with withdrawal and self-help options");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            var settlement = SmaBargaining.Settle(GameInput.ParseSma(GameInputFile.Read(path), path));
            new GameReport("Cost-sharing settlement")
                .Add("agreement", settlement.Agreement)
                .Add("surplus", settlement.Surplus)
                .Add("patronOutside", settlement.PatronOutside)
                .Add("hostOutside", settlement.HostOutside)
                .Add("patronPayoff", settlement.PatronPayoff)
                .Add("hostPayoff", settlement.HostPayoff)
                .Add("patronShare", settlement.PatronShare)
                .Add("transfer", settlement.Transfer)
                .Add("costSharingRatio", settlement.CostSharingRatio)
                .Add("bindingOptions", settlement.Binding.ToString())
                .Add("expectedDelay", settlement.ExpectedDelay)
                .Add("breakdownProbability", settlement.BreakdownProbability)
                .Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
