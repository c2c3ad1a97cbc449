using System.CommandLine;
using Linchpin.Cli.Output;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data show NAME [--where EXPR] [--limit N]</c>.</summary>
internal static class DataShowCommand
{
    public static readonly Option<string?> Where = new("--where")
    {
        Description = "A SQL condition on the dataset's columns, e.g. \"ccode = 2 AND year >= 2000\" (one expression: no subquery)",
    };

    public static Command Build(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Dataset name (see 'linchpin data list')" };
        var limit = new Option<int?>("--limit") { Description = "At most this many rows (default 50 for tables, all for csv/json)" };
        var command = new Command("show", "Show the rows of a dataset");
        command.Arguments.Add(name);
        command.Options.Add(Where);
        command.Options.Add(limit);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var format = parsed.GetValue(CommonOptions.Format);
            var rows = parsed.GetValue(limit) ?? (format == OutputFormat.Table ? 50 : null);
            if (rows is < 0)
            {
                throw new LinchpinException($"--limit: must be zero or more, got {rows}");
            }

            var sql = store.SelectRows(parsed.GetValue(name)!, parsed.GetValue(Where), rows);
            ResultWriter.Write(store.QueryReadOnly(sql), format, environment, parsed.GetValue(name));
            return 0;
        }));
        return command;
    }
}
