using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data cite [NAME]</c>: how to cite a dataset, or all of them.</summary>
internal static class DataCiteCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var name = new Argument<string?>("name") { Description = "Dataset name (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("cite", "Print the citation, version, source and licence of a dataset (or of every dataset)");
        command.Arguments.Add(name);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            var wanted = parsed.GetValue(name);
            var datasets = wanted is null ? store.Datasets : [store.Dataset(wanted)];
            var format = parsed.GetValue(CommonOptions.Format);
            if (format == OutputFormat.Table)
            {
                foreach (var d in datasets)
                {
                    environment.Out.WriteLine($"{d.Name} ({d.Title}, version {d.Version}, {d.Coverage})");
                    environment.Out.WriteLine($"  Cite:    {d.Citation}");
                    environment.Out.WriteLine($"  Source:  {d.Source}");
                    environment.Out.WriteLine($"  Licence: {d.Licence}");
                    environment.Out.WriteLine();
                }

                environment.Out.WriteLine($"Linchpin {DatasetCatalog.ToolVersion}. Full provenance: data/SOURCES.md.");
                return 0;
            }

            var table = DatasetResults.Cite(datasets);
            ResultWriter.Write(table, format, environment);
            return 0;
        }));
        return command;
    }
}
