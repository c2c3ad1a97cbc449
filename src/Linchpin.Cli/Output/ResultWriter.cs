using Linchpin.Data;
using Linchpin.Reports;
using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>
/// Prints a <see cref="ResultTable"/> as a table, CSV or JSON; values as <see cref="CsvOutput.Format"/>
/// writes them, JSON numbers as <see cref="NumberText.Json"/>. The one place where a result's notes
/// and warnings (<see cref="ResultNotes"/>) reach every format: under a table; in JSON's
/// <c>notes</c> and <c>warnings</c> arrays; for CSV, whose standard output holds only the rows,
/// the warnings go to standard error.
/// </summary>
internal static class ResultWriter
{
    public static void Write(ResultTable table, OutputFormat format, CliEnvironment environment, string? title = null, IReadOnlyList<string>? notes = null)
    {
        notes = ResultNotes.WithNonFinite(table, notes ?? []);

        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(table, environment.Out);
                foreach (var warning in ResultNotes.Warnings(notes))
                {
                    environment.Error.WriteLine($"warning: {warning}");
                }

                break;
            case OutputFormat.Json:
                environment.Out.WriteLine(ResultJson.Document(table, notes));
                break;
            default:
                WriteTable(table, environment, title);
                WriteNotes(notes, environment);
                break;
        }
    }

    public static void WriteCsv(ResultTable table, TextWriter writer) =>
        CsvOutput.Write(writer, [.. table.Columns.Select(c => c.Name)], table.Rows);

    public static void WriteJson(ResultTable table, TextWriter writer) => writer.WriteLine(ResultJson.Text(table));

    private static void WriteNotes(IReadOnlyList<string> notes, CliEnvironment environment)
    {
        var console = Consoles.For(environment.Out, environment.IsTerminal);
        foreach (var note in ResultNotes.Others(notes))
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }

        foreach (var warning in ResultNotes.Warnings(notes))
        {
            console.MarkupLine($"[yellow]warning: {Markup.Escape(warning)}[/]");
        }
    }

    /// <summary>
    /// Renders a small table to nowhere, so that the table code is compiled before a result is
    /// ready (start-up work a command can do while it waits on other threads).
    /// </summary>
    public static void CompileTables() =>
        WriteTable(new ResultTable([new("rows", typeof(long)), new("file", typeof(string))], [[0L, ""]]), new CliEnvironment(TextWriter.Null, TextWriter.Null, false, ""), null);

    private static void WriteTable(ResultTable table, CliEnvironment environment, string? title)
    {
        var console = Consoles.For(environment.Out, environment.IsTerminal);
        var grid = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            grid.Title(Markup.Escape(title));
        }

        foreach (var column in table.Columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Name));
            if (IsNumeric(column.Type))
            {
                tableColumn.RightAligned();
            }

            grid.AddColumn(tableColumn);
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow([.. row.Select(v => (Spectre.Console.Rendering.IRenderable)new Text(CsvOutput.Format(v)))]);
        }

        console.Write(grid);
        console.WriteLine($"{table.Rows.Count} row(s)");
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal)
        || type == typeof(short) || type == typeof(byte) || type == typeof(System.Numerics.BigInteger);
}
