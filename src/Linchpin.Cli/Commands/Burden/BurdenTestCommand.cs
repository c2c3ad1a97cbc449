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
        var year = new Option<int?>("--year") { Description = "Year (required unless --rho is given)" };
        var rho = NumericOptions.OptionalNumber("--rho", "Only the p-value of this (partial) rank correlation, with --n and --controls (Sandler & Murdoch 2000, Table 9)", -1, 1);
        var n = NumericOptions.OptionalWhole("--n", "Number of allies behind --rho", 1, 1_000_000);
        var controls = NumericOptions.Whole("--controls", "Variables partialled out of --rho (0, 1 or 2)", 0, 0, 2);
        var alternative = new Option<string>("--alternative")
        {
            Description = "Alternative hypothesis: greater (the large bear more; Olson & Zeckhauser), less, or two-sided",
            DefaultValueFactory = _ => "greater",
        };
        var command = new Command("test", "Exploitation hypothesis (Olson & Zeckhauser 1966): Spearman and Kendall rank correlations of GDP and burden, OLS of burden on log GDP");
        command.Options.Add(year);
        command.Options.Add(alternative);
        command.Options.Add(rho);
        command.Options.Add(n);
        command.Options.Add(controls);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            if (parsed.GetValue(rho) is { } r)
            {
                if (parsed.GetValue(year) is not null || parsed.GetValue(n) is not { } count)
                {
                    throw new LinchpinException("--rho takes --n (and optionally --controls), not --year");
                }

                Rows.Write(BurdenResults.CorrelationTest(r, count, parsed.GetValue(controls)), parsed.GetValue(CommonOptions.Format), environment);
                return 0;
            }

            var chosenYear = parsed.GetValue(year) ?? throw new LinchpinException("--year is required (or --rho with --n for a p-value alone)");
            var h1 = BurdenResults.ParseAlternative(parsed.GetValue(alternative)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var spending = options.Spending(parsed, store, chosenYear);
            var (table, result) = BurdenResults.Test(spending, h1);
            Rows.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            Rows.SavePlot(BurdenCharts.Exploitation(result, $"{spending.Alliance} {spending.Year}: burden against economic size (Olson & Zeckhauser)",
                spending.Basis is { } b ? $"GDP ({b.Currency}, {b.PriceBasis}; log scale)" : "GDP (log scale)"), parsed.GetValue(options.Plot), parsed, store, environment, table.Notes);
            return 0;
        }));
        return command;
    }
}
