using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;

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
            var rows = store.Status()
                .Select(s => (IReadOnlyList<object?>)
                [
                    s.Dataset.Name, s.Dataset.Version, s.Dataset.Coverage.ToString(), s.Rows,
                    s.Dataset.Origin == DatasetOrigin.Shipped ? "shipped" : "imported", s.Dataset.Title, s.Dataset.Licence,
                ])
                .ToList();
            var table = new ResultTable(
                [
                    new("name", typeof(string)), new("version", typeof(string)), new("years", typeof(string)), new("rows", typeof(long)),
                    new("origin", typeof(string)), new("title", typeof(string)), new("licence", typeof(string)),
                ],
                rows);
            ResultWriter.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
