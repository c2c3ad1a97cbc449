using System.CommandLine;
using Linchpin.Alignment;
using Linchpin.Cli.Commands.Game;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin landscape</c>: the landscape theory of aggregation (Axelrod and Bennett 1993) on a
/// YAML/JSON input or on states whose sizes and propensities are derived from data.
/// </summary>
internal static class LandscapeCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Input file (.yaml, .yml or .json): actors with sizes, propensities by pair 'A,B'" };
        var year = new Option<int?>("--year") { Description = "With --states: the year whose data give sizes (CINC) and propensities" };
        var states = new Option<string?>("--states") { Description = "With --year: comma-separated states (ISO3, COW abbreviation or number)" };
        var derive = new Option<bool>("--derive-propensities") { Description = "Derive propensities from alliance-portfolio similarity (S) and strategic rivalries" };
        var rivalry = NumericOptions.Number("--rivalry-weight", "Propensity subtracted for an active strategic rivalry (0 to 1000)", 1, 0, 1000);
        var coalitions = NumericOptions.Whole("--coalitions", "Number of coalitions (exact search only for 2)", 2, 2, LandscapeResults.MaxCoalitions);
        var method = new Option<string>("--method") { Description = $"exact, search (multi-start descent), or auto (exact for 2 coalitions up to {LandscapeResults.AutoExactActors} actors)", DefaultValueFactory = _ => "auto" };
        var starts = NumericOptions.Whole("--starts", "Random starts of the search", 1000, 1, LandscapeResults.MaxStarts);
        var seed = new Option<int>("--seed") { Description = "Seed of the search", DefaultValueFactory = _ => 1 };
        var command = new Command("landscape", "Landscape theory of aggregation: the minimum-energy split into coalitions, every local minimum and its basin of attraction");
        foreach (var option in new Option[] { input, year, states, derive, rivalry, coalitions, method, starts, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            LandscapeProblem problem;
            if (parsed.GetValue(input) is { } path)
            {
                if (parsed.GetValue(year) is not null || parsed.GetValue(states) is not null)
                {
                    throw new LinchpinException("landscape: give --input FILE, or --year with --states and --derive-propensities, not both");
                }

                problem = LandscapeInput.Parse(GameInputFile.Read(path), path);
            }
            else if (parsed.GetValue(year) is { } when && parsed.GetValue(states) is { } list)
            {
                if (!parsed.GetValue(derive))
                {
                    throw new LinchpinException("landscape: --year and --states need --derive-propensities (or give --input FILE)");
                }

                problem = LandscapeResults.Derive(when, list, parsed.GetValue(rivalry));
            }
            else
            {
                throw new LinchpinException("landscape: give --input FILE, or --year Y --states A,B,... --derive-propensities");
            }

            var result = LandscapeResults.Solve(problem, parsed.GetValue(coalitions), parsed.GetValue(method)!, parsed.GetValue(starts), parsed.GetValue(seed));
            Write(result, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }

    private static void Write(LandscapeAnswer result, OutputFormat format, CliEnvironment environment)
    {
        var problem = result.Problem;
        switch (format)
        {
            case OutputFormat.Json:
                environment.Out.WriteLine(LandscapeResults.Json(result));
                break;
            case OutputFormat.Csv:
                ResultWriter.WriteCsv(LandscapeResults.MinimaTable(result), environment.Out);
                break;
            default:
                var summary = new GameResult("Landscape: minimum energy")
                    .Add("method", result.Method).Add("actors", problem.Count).Add("energy", result.Best.Energy)
                    .Add("local minima", result.MinimaCount);
                if (result.Configurations is { } configurations)
                {
                    summary.Add("configurations", configurations);
                }

                if (result.Starts is { } starts)
                {
                    summary.Add("starts", starts);
                }

                var coalitions = LandscapeResults.Coalitions(problem, result.Best.Sides);
                for (var c = 0; c < coalitions.Count; c++)
                {
                    summary.Add($"coalition {c + 1}", coalitions[c]);
                }

                summary.Players(problem.Names).Column("size", problem.Sizes).Column("coalition", result.Best.Sides.Select(s => (object?)(s + 1)))
                    .Column("weighted frustration", Landscape.WeightedFrustration(problem, result.Best.Sides)).Table("local minima", LandscapeResults.MinimaTable(result));
                GameReport.Write(summary, OutputFormat.Table, environment);
                break;
        }
    }
}
