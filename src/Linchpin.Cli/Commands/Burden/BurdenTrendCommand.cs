using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden trend --from Y --to Y</c>: targets met, median burden and the exploitation statistics year by year.</summary>
internal static class BurdenTrendCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var from = new Option<int>("--from") { Description = "First year", DefaultValueFactory = _ => 2014 };
        var to = new Option<int>("--to") { Description = "Last year", DefaultValueFactory = _ => 2024 };
        var command = new Command("trend", "Burden sharing year by year: members meeting each target, median and alliance burden, Spearman and Kendall statistics");
        command.Options.Add(from);
        command.Options.Add(to);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var (first, last) = (parsed.GetValue(from), parsed.GetValue(to));
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (table, years) = BurdenResults.Trend(store, options.Query(parsed), first, last);
            Rows.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            if (years.Count > 0)
            {
                Rows.SavePlot(BurdenCharts.Trend(years, $"{years[0].Spending.Alliance}: defence expenditure as % of GDP, {first}-{last}"),
                    parsed.GetValue(options.Plot), parsed, store, environment, table.Notes);
            }

            return 0;
        }));
        return command;
    }
}
