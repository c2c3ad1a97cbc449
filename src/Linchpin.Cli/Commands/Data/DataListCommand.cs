using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data list</c>: every dataset with version, years covered, rows and licence.</summary>
internal static class DataListCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("list", "List the datasets: name, version, years covered, rows, origin, licence");
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var table = DatasetResults.List(store);
            ResultWriter.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
