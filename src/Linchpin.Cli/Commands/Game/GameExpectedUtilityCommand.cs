using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;
using Linchpin.Games.Input;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Game;

/// <summary><c>linchpin game expected-utility --input FILE [--rounds N] [--plot FILE]</c>: Bueno de Mesquita's group decision model.</summary>
internal static class GameExpectedUtilityCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = GameInputFile.Create();
        var rounds = new Option<int>("--rounds") { Description = "The most rounds to play (stops earlier when no position moves)", DefaultValueFactory = _ => 10 };
        var plot = new Option<string?>("--plot") { Description = "Also draw the positions by round into this .png or .svg file" };
        var command = new Command(
            "expected-utility",
            "Bueno de Mesquita's expected-utility group decision model (Scholz, Calbert & Smith 2011): median-voter forecast, challenges, offers and positions by round");
        command.Options.Add(input);
        command.Options.Add(rounds);
        command.Options.Add(plot);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(input)!;
            var limit = parsed.GetValue(rounds);
            if (limit is < 0 or > 1000)
            {
                throw new LinchpinException($"--rounds: must be 0 to 1000, got {limit}");
            }

            var decision = ExpectedUtilityInput.Parse(GameInputFile.Read(path), path);
            var result = GroupDecision.Run(decision.Actors, decision.Options(limit));
            var names = decision.Actors.Select(a => a.Name).ToArray();
            var format = parsed.GetValue(CommonOptions.Format);
            object? Shown(double value) => format == OutputFormat.Table ? Math.Round(value, 4) : value;
            var table = new List<IReadOnlyList<object?>>();
            for (var r = 0; r <= result.Rounds.Count; r++)
            {
                var positions = r < result.Rounds.Count ? result.Rounds[r].Positions : result.FinalPositions;
                var median = r < result.Rounds.Count ? result.Rounds[r].Median : result.Forecast;
                var mean = r < result.Rounds.Count ? result.Rounds[r].WeightedMean : result.FinalWeightedMean;
                table.Add([r, Shown(median.Position), median.IsCondorcetWinner, Shown(mean), .. positions.Select(Shown)]);
            }

            var columns = new List<ResultColumn> { new("round", typeof(int)), new("median", typeof(double)), new("condorcet", typeof(bool)), new("weightedMean", typeof(double)) };
            columns.AddRange(names.Select(n => new ResultColumn(n, typeof(double))));
            var first = result.Rounds.Count > 0 ? result.Rounds[0] : null;
            var report = new GameResult("Expected-utility group decision")
                .Add("issue", decision.Issue)
                .Add("forecast", result.Forecast.Position)
                .Add("condorcetWinner", result.Forecast.IsCondorcetWinner)
                .Add("weightedMean", result.FinalWeightedMean)
                .Add("initialMedian", GroupDecision.Median(decision.Actors).Position)
                .Add("initialWeightedMean", GroupDecision.WeightedMean(decision.Actors))
                .Add("roundsPlayed", result.Rounds.Count)
                .Add("converged", result.Converged)
                .Add("q", decision.Q)
                .Add("t", decision.T);
            if (first is not null)
            {
                report.Add("riskExponentsRound1", names.Select((n, i) => $"{n}={CsvOutput.Format(Shown(first.Risk.Exponent[i]))}").ToArray());
            }

            GameReport.Write(report.Table("rounds", new ResultTable(columns, table)), format, environment);
            if (parsed.GetValue(plot) is { } picture)
            {
                BurdenCharts.Save(ExpectedUtilityCharts.Positions(result, decision.Issue), picture,
                    CommonOptions.Provenance(parsed, [new("input", path), new("rounds", CsvOutput.Format(limit))], []));
                environment.Error.WriteLine($"plot written to {picture}");
            }

            return 0;
        }));
        return command;
    }
}
