using System.CommandLine;
using Linchpin.Cli.Output;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data sql "SELECT ..."</c>: a read-only query over the dataset tables.</summary>
internal static class DataSqlCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var query = new Argument<string>("query") { Description = "One SELECT statement; tables are named as in 'linchpin data list'" };
        var command = new Command("sql", "Run a read-only SQL query (DuckDB dialect) over the dataset tables");
        command.Arguments.Add(query);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            ResultWriter.Write(store.QueryReadOnly(parsed.GetValue(query)!), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
