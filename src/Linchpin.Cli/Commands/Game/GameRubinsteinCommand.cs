using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Games.Bargaining;
using Linchpin.Games.Input;

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
            var problem = GameInput.ParseRubinstein(GameInputFile.Read(path), path);
            var outcome = AlternatingOffers.Solve(problem);
            new GameReport("Alternating-offers equilibrium (player 1 proposes first)")
                .Add("agreement", outcome.Agreement)
                .Add("share1", outcome.ProposerShare)
                .Add("share2", outcome.Agreement ? 1 - outcome.ProposerShare : double.NaN)
                .Add("amount1", outcome.Amount1)
                .Add("amount2", outcome.Amount2)
                .Add("share2IfProposing", outcome.ResponderProposerShare)
                .Add("bindingOptions", outcome.Binding.ToString())
                .Add("expectedDelay", outcome.ExpectedDelay)
                .Add("breakdownProbability", outcome.BreakdownProbability)
                .Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
