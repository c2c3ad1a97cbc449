using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Data.Importers;

namespace Linchpin.Cli.Commands.Data;

/// <summary><c>linchpin data import cow-alliances|sipri FILE</c>: bring in a user's own copy of a dataset Linchpin may not ship.</summary>
internal static class DataImportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var import = new Command("import", "Import your own copy of a dataset Linchpin may not redistribute (kept in your Linchpin folder)");
        import.Subcommands.Add(Kind(environment, "cow-alliances",
            "COW Formal Alliances v4.1 CSV (alliance_v4.1_by_member.csv, _by_dyad.csv or _by_directed.csv)", (file, folder, empty) => CowAllianceImporter.Import(file, folder, empty)));
        import.Subcommands.Add(Kind(environment, "sipri",
            "SIPRI military expenditure CSV: long (Entity,Code,Year,value as exported by Our World in Data) or wide (Country,1949,1950,...)",
            (file, folder, empty) => SipriImporter.Import(file, folder, null, empty)));
        return import;
    }

    private static Command Kind(CliEnvironment environment, string kind, string description, Func<string, string, bool, ImportSummary> importer)
    {
        var file = new Argument<string>("file") { Description = "The CSV file to import" };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Import a file without rows (replacing an earlier import with an empty table)" };
        var command = new Command(kind, description);
        command.Arguments.Add(file);
        command.Options.Add(allowEmpty);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            ImportSummary? summary = null;
            var options = new StoreOptions(parsed.GetValue(CommonOptions.Database), environment.HomeFolder);
            ProgressReporter.Run(environment, [($"importing {kind}", () => summary = importer(parsed.GetValue(file)!, options.ImportFolder, parsed.GetValue(allowEmpty)))]);
            var table = new ResultTable(
                [new("dataset", typeof(string)), new("rows", typeof(long)), new("version", typeof(string)), new("note", typeof(string))],
                [.. summary!.Datasets.Select(d => (IReadOnlyList<object?>)[d.Name, d.Rows, d.Version, d.Note])]);
            ResultWriter.Write(table, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }
}
