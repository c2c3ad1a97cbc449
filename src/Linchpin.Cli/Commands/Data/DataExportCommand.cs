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
        var command = new Command(
            "export",
            "Write a dataset (or the rows matching --where) to CSV, Parquet or JSON; the file records the Linchpin version and the dataset's version (Parquet metadata, or FILE.provenance.json)");
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.Options.Add(DataShowCommand.Where);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var dataset = store.Dataset(parsed.GetValue(name)!);
            var where = parsed.GetValue(DataShowCommand.Where);
            var sql = store.SelectRows(dataset.Name, where, null);
            var path = parsed.GetValue(output)!;
            var provenance = CommonOptions.Provenance(
                parsed,
                [new("dataset", dataset.Name), .. string.IsNullOrWhiteSpace(where) ? [] : new KeyValuePair<string, string>[] { new("where", where) }],
                [dataset]);
            var rows = store.ExportReadOnly(sql, path, provenance);
            var summary = new ResultTable(
                [new("dataset", typeof(string)), new("rows", typeof(long)), new("file", typeof(string))],
                [[parsed.GetValue(name), rows, path]]);
            ResultWriter.Write(summary, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
