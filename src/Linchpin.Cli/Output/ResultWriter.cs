using System.Globalization;
using System.Text;
using System.Text.Json;
using Linchpin.Data;
using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>Prints a <see cref="ResultTable"/> as a table, CSV or JSON; values as <see cref="CsvOutput.Format"/> writes them, JSON numbers as <see cref="NumberText.Json"/>.</summary>
internal static class ResultWriter
{
    public static void Write(ResultTable table, OutputFormat format, CliEnvironment environment, string? title = null)
    {
        WarnNonFinite(table, environment);
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(table, environment.Out);
                break;
            case OutputFormat.Json:
                WriteJson(table, environment.Out);
                break;
            default:
                WriteTable(table, environment, title);
                break;
        }
    }

    public static void WriteCsv(ResultTable table, TextWriter writer) =>
        CsvOutput.Write(writer, [.. table.Columns.Select(c => c.Name)], table.Rows);

    public static void WriteJson(ResultTable table, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in table.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i].Name);
                    WriteJsonValue(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// Says on standard error how many values are not finite numbers: every format writes them as
    /// missing (an empty CSV field, JSON <c>null</c>), so they would otherwise pass unseen.
    /// </summary>
    public static void WarnNonFinite(ResultTable table, CliEnvironment environment)
    {
        var count = table.Rows.Sum(row => row.Count(v => v is double d && !double.IsFinite(d) || v is float f && !float.IsFinite(f)));
        if (count > 0)
        {
            environment.Error.WriteLine($"warning: {count} value(s) are not finite numbers (NaN or ±infinity) and are written as missing");
        }
    }

    /// <summary>Writes a named number, as <c>null</c> when it is not finite (JSON holds no NaN or infinity).</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        WriteJsonValue(json, value);
    }

    public static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when double.IsFinite(d):
                json.WriteRawValue(NumberText.Json(d));
                break;
            case double:
                json.WriteNullValue();
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case float:
                json.WriteNullValue();
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case short s:
                json.WriteNumberValue(s);
                break;
            case byte b:
                json.WriteNumberValue(b);
                break;
            case sbyte sb:
                json.WriteNumberValue(sb);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case System.Numerics.BigInteger big:
                json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            default:
                json.WriteStringValue(CsvOutput.Format(value));
                break;
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
