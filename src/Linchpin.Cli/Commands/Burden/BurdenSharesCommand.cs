using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden shares --year Y --rule gdp|population|exposure|equal</c>: actual spending against a fair-share rule.</summary>
internal static class BurdenSharesCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var rule = new Option<string>("--rule")
        {
            Description = "gdp (ability to pay), population, exposure (benefit principle: CINC of non-member strategic rivals), or equal",
            DefaultValueFactory = _ => "gdp",
        };
        var command = new Command("shares", "Fair-share rules: the alliance's total spending divided by GDP, population, threat exposure or equally, against actual spending (definitions, not verdicts)");
        command.Options.Add(year);
        command.Options.Add(rule);
        options.AddTo(command, plot: false);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var chosen = FairShares.ParseRule(parsed.GetValue(rule)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var spending = options.Spending(parsed, store, parsed.GetValue(year));
            Rows.Write(BurdenResults.Shares(store, spending, chosen), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
