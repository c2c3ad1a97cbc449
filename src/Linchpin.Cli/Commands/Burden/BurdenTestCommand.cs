using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden test --year Y</c>: the Olson–Zeckhauser exploitation test.</summary>
internal static class BurdenTestCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var alternative = new Option<string>("--alternative")
        {
            Description = "Alternative hypothesis: greater (the large bear more; Olson & Zeckhauser), less, or two-sided",
            DefaultValueFactory = _ => "greater",
        };
        var command = new Command("test", "Exploitation hypothesis (Olson & Zeckhauser 1966): Spearman and Kendall rank correlations of GDP and burden, OLS of burden on log GDP");
        command.Options.Add(year);
        command.Options.Add(alternative);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var h1 = BurdenResults.ParseAlternative(parsed.GetValue(alternative)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var spending = options.Spending(parsed, store, parsed.GetValue(year));
            var (table, result) = BurdenResults.Test(spending, h1);
            Rows.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            Rows.SavePlot(BurdenCharts.Exploitation(result, $"{spending.Alliance} {spending.Year}: burden against economic size (Olson & Zeckhauser)",
                spending.Basis is { } b ? $"GDP ({b.Currency}, {b.PriceBasis}; log scale)" : "GDP (log scale)"), parsed.GetValue(options.Plot), parsed, store, environment);
            return 0;
        }));
        return command;
    }
}
