using System.Globalization;
using System.Text;
using System.Text.Json;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>
/// Linchpin's one way of writing results as JSON (what <c>--format json</c> prints and the web API
/// answers): a table is an array of objects, one per row, keyed by column name; missing values and
/// non-finite doubles are <c>null</c>; doubles as <see cref="NumberText.Json"/> writes them.
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

    /// <summary>Writes one value: numbers as numbers, booleans as booleans, lists of text as arrays, anything else as <see cref="CsvOutput.Format"/> text.</summary>
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
            case float f:
                json.WriteNumberValue(f);
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
