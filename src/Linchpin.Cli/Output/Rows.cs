using Linchpin.Cli.Plots;
using Linchpin.Data;
using Linchpin.Reports;
using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>
/// Builds a <see cref="ResultTable"/> from named columns and rows, and prints it: every column for CSV
/// and JSON, the chosen columns rounded for people in a table, followed by the notes.
/// </summary>
internal sealed class Rows(params string[] columns)
{
    private readonly ResultRows _rows = new(columns);

    public void Add(params object?[] values) => _rows.Add(values);

    public ResultTable Build() => _rows.Build();

    /// <summary>Prints the rows; in table format only <paramref name="tableColumns"/> (all when null), doubles to four decimals, then the notes.</summary>
    public void Write(OutputFormat format, CliEnvironment environment, string title, IReadOnlyList<string>? tableColumns, IEnumerable<string> notes) =>
        Write(new TableResult(title, Build(), tableColumns, [.. notes]), format, environment);

    /// <summary>Prints a result: every column for CSV and JSON; for people, the chosen columns rounded, then the notes.</summary>
    public static void Write(TableResult result, OutputFormat format, CliEnvironment environment)
    {
        var table = result.Table;
        if (format != OutputFormat.Table)
        {
            ResultWriter.Write(table, format, environment);
            return;
        }

        var keep = result.TableColumns ?? [.. table.Columns.Select(c => c.Name)];
        var indexes = keep.Select(table.IndexOf).ToArray();
        var shown = new ResultTable([.. indexes.Select(i => table.Columns[i])],
            [.. table.Rows.Select(r => (IReadOnlyList<object?>)[.. indexes.Select(i => r[i] is double d ? Math.Round(d, 4) : r[i])])]);
        ResultWriter.Write(shown, OutputFormat.Table, environment, result.Title);
        var console = Consoles.For(environment.Out, environment.IsTerminal);
        foreach (var note in result.Notes)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }
    }

    /// <summary>Saves a plot when a path is given, with its provenance sidecar (the datasets the store has read), and says where.</summary>
    public static void SavePlot(ScottPlot.Plot plot, string? path, System.CommandLine.ParseResult parsed, WorldStore store, CliEnvironment environment)
    {
        if (path is null)
        {
            return;
        }

        BurdenCharts.Save(plot, path, CommonOptions.Provenance(parsed, [], store.Loaded));
        environment.Error.WriteLine($"plot written to {path}");
    }
}
