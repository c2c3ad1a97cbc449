using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Commands.Burden;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin burden</c>: who pays for the common defence — indicators, targets, trend, exploitation test, fair shares.</summary>
internal static class BurdenCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var target = new Option<string>("--target")
        {
            Description = "Target whose gap to show: 2 (Wales 2014), 3.5 or 5 (The Hague 2025), 20 (equipment share)",
            DefaultValueFactory = _ => "2",
        };
        var command = new Command("burden", "Burden-sharing indicators per member: % of GDP, share of spending against share of GDP, per capita, gaps to targets");
        command.Options.Add(year);
        command.Options.Add(target);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var chosen = BurdenTarget.Parse(parsed.GetValue(target)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var burden = BurdenIndicators.Compute(options.Spending(parsed, store, parsed.GetValue(year)), options.Rule(parsed));
            var result = BurdenResults.Indicators(burden, chosen);
            Rows.Write(result, parsed.GetValue(CommonOptions.Format), environment);
            Rows.SavePlot(BurdenCharts.Targets(burden), parsed.GetValue(options.Plot), parsed, store, environment, result.Notes);
            return 0;
        }));
        command.Subcommands.Add(BurdenTrendCommand.Build(environment));
        command.Subcommands.Add(BurdenTestCommand.Build(environment));
        command.Subcommands.Add(BurdenSharesCommand.Build(environment));
        command.Subcommands.Add(BurdenPathCommand.Build(environment));
        return command;
    }
}
