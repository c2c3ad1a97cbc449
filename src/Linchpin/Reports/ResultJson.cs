using System.Globalization;
using System.Text;
using System.Text.Json;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>
/// Linchpin's one way of writing results as JSON (what <c>--format json</c> prints and the web API
/// answers): a table is an array of objects, one per row, keyed by column name; missing values and
/// non-finite doubles are <c>null</c>; doubles as <see cref="NumberText.Json"/> writes them. What
/// the command line prints is a <see cref="Document"/>: the rows with the notes and warnings that
/// go with them.
/// </summary>
public static class ResultJson
{
    /// <summary>The options every writer uses: indented, two spaces.</summary>
    public static JsonWriterOptions Options => new() { Indented = true };

    /// <summary>The table as indented JSON text (no final line end).</summary>
    public static string Text(ResultTable table)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(json, table);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A result as the command line prints it with <c>--format json</c> (no final line end): an
    /// object with <c>rows</c> (the table, as <see cref="Write"/> gives it), <c>notes</c> (the
    /// notes that are not warnings) and <c>warnings</c> (<see cref="ResultNotes.Warnings"/>); both
    /// arrays are always there, empty when there is nothing to say.
    /// </summary>
    public static string Document(ResultTable table, IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(notes);
        var all = notes.ToList();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WritePropertyName("rows");
            Write(json, table);
            WriteStrings(json, "notes", ResultNotes.Others(all));
            WriteStrings(json, "warnings", ResultNotes.Warnings(all));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a named array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the table as an array of row objects.</summary>
    public static void Write(Utf8JsonWriter json, ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(table);
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            WriteRow(json, table, row);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes one row of <paramref name="table"/> as an object.</summary>
    public static void WriteRow(Utf8JsonWriter json, ResultTable table, IReadOnlyList<object?> row)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        json.WriteStartObject();
        for (var i = 0; i < row.Count; i++)
        {
            json.WritePropertyName(table.Columns[i].Name);
            WriteValue(json, row[i]);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes a named number, as <c>null</c> when it is not finite (JSON holds no NaN or infinity).</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    /// <summary>How many values of <paramref name="table"/> are doubles or floats that are not finite (written as missing).</summary>
    public static int NonFiniteCount(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Rows.Sum(row => row.Count(v => v is double d && !double.IsFinite(d) || v is float f && !float.IsFinite(f)));
    }

    /// <summary>Writes one value: numbers as numbers (<c>null</c> when not finite), booleans as booleans, anything else (lists, maps and structs included) as <see cref="CsvOutput.Format"/> text.</summary>
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        ArgumentNullException.ThrowIfNull(json);
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
}
