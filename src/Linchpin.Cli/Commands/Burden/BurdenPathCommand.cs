using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden path --year Y</c>: each ally's straight path to the Hague targets (3.5 % core, 5 % in all) by 2035.</summary>
internal static class BurdenPathCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year of the latest figures, the start of the path");
        var command = new Command("path", "The Hague 2025 path: per ally, the straight path from its latest figure to 3.5% core (and 5% in all) by 2035, the yearly increase it needs, and whether its last three years kept that pace");
        command.Options.Add(year);
        options.AddTo(command, plot: false);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (table, _) = BurdenResults.Hague(store, options.Query(parsed), parsed.GetValue(year));
            Rows.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
