using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game credibility --input FILE</c>: the abandonment–entrapment trade-off and the patron's optimal commitment.</summary>
internal static class GameCredibilityCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var command = new Command("credibility", "Alliance security dilemma: commitment, emboldening, abandonment risk, entrapment exposure, belief updating");
        command.Options.Add(input);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            GameReport.Write(GameResults.Credibility(GameInputFile.Read(path), path), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
