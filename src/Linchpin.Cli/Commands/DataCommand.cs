using System.CommandLine;
using Linchpin.Cli.Commands.Data;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin data</c>: the built-in and imported datasets.</summary>
internal static class DataCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var data = new Command("data", "List, cite, show, query, export and import datasets");
        data.Subcommands.Add(DataListCommand.Build(environment));
        data.Subcommands.Add(DataCiteCommand.Build(environment));
        data.Subcommands.Add(DataShowCommand.Build(environment));
        data.Subcommands.Add(DataSqlCommand.Build(environment));
        data.Subcommands.Add(DataExportCommand.Build(environment));
        data.Subcommands.Add(DataImportCommand.Build(environment));
        return data;
    }
}
