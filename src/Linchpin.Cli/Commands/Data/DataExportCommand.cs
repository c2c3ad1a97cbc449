using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data export NAME --out FILE.csv|.parquet|.json [--where EXPR]</c>.</summary>
internal static class DataExportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Dataset name" };
        var output = new Option<string>("--out") { Description = "Output file: .csv, .parquet or .json", Required = true };
        var command = new Command("export", "Write a dataset (or the rows matching --where) to CSV, Parquet or JSON");
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.Options.Add(DataShowCommand.Where);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var sql = DatasetQuery.Select(store, parsed.GetValue(name)!, parsed.GetValue(DataShowCommand.Where), null);
            var path = parsed.GetValue(output)!;
            var rows = store.Export(sql, path);
            var summary = new ResultTable(
                [new("dataset", typeof(string)), new("rows", typeof(long)), new("file", typeof(string))],
                [[parsed.GetValue(name), rows, path]]);
            ResultWriter.Write(summary, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
