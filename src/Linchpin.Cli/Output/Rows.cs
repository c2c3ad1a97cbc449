using Linchpin.Cli.Plots;
using Linchpin.Data;
using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>
/// Builds a <see cref="ResultTable"/> from named columns and rows, and prints it: every column for CSV
/// and JSON, the chosen columns rounded for people in a table, followed by the notes.
/// </summary>
internal sealed class Rows(params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public void Add(params object?[] values)
    {
        if (values.Length != columns.Length)
        {
            throw new ArgumentException($"expected {columns.Length} values, got {values.Length}", nameof(values));
        }

        _rows.Add(values);
    }

    public ResultTable Build() => new(
        [.. columns.Select((name, i) => new ResultColumn(name, _rows.Select(r => r[i]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string)))],
        [.. _rows.Select(r => (IReadOnlyList<object?>)r)]);

    /// <summary>Prints the rows; in table format only <paramref name="tableColumns"/> (all when null), doubles to four decimals, then the notes.</summary>
    public void Write(OutputFormat format, CliEnvironment environment, string title, IReadOnlyList<string>? tableColumns, IEnumerable<string> notes)
    {
        var table = Build();
        if (format != OutputFormat.Table)
        {
            ResultWriter.Write(table, format, environment);
            return;
        }

        var keep = tableColumns ?? columns;
        var indexes = keep.Select(table.IndexOf).ToArray();
        var shown = new ResultTable([.. indexes.Select(i => table.Columns[i])],
            [.. table.Rows.Select(r => (IReadOnlyList<object?>)[.. indexes.Select(i => r[i] is double d ? Math.Round(d, 4) : r[i])])]);
        ResultWriter.Write(shown, OutputFormat.Table, environment, title);
        var console = Consoles.For(environment.Out, environment.IsTerminal);
        foreach (var note in notes)
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
