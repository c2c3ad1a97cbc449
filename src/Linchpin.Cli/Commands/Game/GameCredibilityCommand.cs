using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Games.Credibility;
using Linchpin.Games.Input;

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
            var credibility = GameInput.ParseCredibility(GameInputFile.Read(path), path);
            var p = credibility.Parameters;
            var best = SecurityDilemma.OptimalCommitment(p);
            var report = new GameReport("Alliance security dilemma")
                .Add("emboldeningThreshold", SecurityDilemma.EmboldeningThreshold(p))
                .Add("optimalCommitment", best.Commitment)
                .Add("optimalPatronPayoff", best.PatronPayoff)
                .Add("entrapmentDominatesAtOptimum", SecurityDilemma.Slopes(p, best.Commitment).EntrapmentDominates);
            var levels = credibility.Commitments.ToList();
            if (credibility.Prior is { } prior)
            {
                var posterior = prior.Update(credibility.Signals);
                report.Add("priorCredibility", prior.Mean)
                    .Add("believedCredibility", posterior.Mean)
                    .Add("beliefVariance", posterior.Variance);
                levels.Add(posterior.Mean);
            }

            var rows = levels.Select(k =>
            {
                var o = SecurityDilemma.Evaluate(p, k);
                var s = SecurityDilemma.Slopes(p, k);
                return (IReadOnlyList<object?>)[o.Commitment, o.Firmness, o.CrisisProbability, o.PatronPayoff, o.ProtegePayoff, o.AbandonmentRisk, o.EntrapmentExposure, o.MoralHazardGap, s.CrisisSlope];
            }).ToList();
            string[] names = ["commitment", "firmness", "crisisProbability", "patronPayoff", "protegePayoff", "abandonmentRisk", "entrapmentExposure", "moralHazardGap", "crisisSlope"];
            report.Table("levels", new ResultTable([.. names.Select(n => new ResultColumn(n, typeof(double)))], rows))
                .Write(parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
