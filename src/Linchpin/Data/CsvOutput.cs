using System.Globalization;
using System.Text;

namespace Linchpin.Data;

/// <summary>
/// Linchpin's one rule for writing values as CSV (and as text in tables): a header, commas, quotes
/// only where needed, <c>\n</c> line ends, missing values as empty fields, numbers in invariant
/// culture and doubles in DuckDB's shortest round-trip layout (<see cref="NumberText.Csv"/>), so a
/// file written by Linchpin and one exported by DuckDB agree.
/// </summary>
public static class CsvOutput
{
    /// <summary>Writes rows to <paramref name="path"/> (not atomically: call inside <see cref="AtomicFile.Write"/>).</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(writer, header, rows);
    }

    /// <summary>Writes a header line and one line per row to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Line(header));
        foreach (var row in rows)
        {
            writer.Write(Line(row.Select(Format)));
        }
    }

    /// <summary>One CSV line: the fields quoted where needed, joined by commas, ending in <c>\n</c>.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Field)) + "\n";

    /// <summary>
    /// Formats a value invariantly: <c>null</c> is empty, and so is a double or float that is not
    /// a finite number (NaN, ±∞: Linchpin's one rule, the same as JSON's <c>null</c>); doubles (and floats) in shortest
    /// round-trip form as <see cref="NumberText.Csv"/> writes them (<c>2.0</c>, <c>1.234e-05</c>);
    /// <c>true</c>/<c>false</c>; dates as <c>yyyy-MM-dd</c> (with <c>HH:mm:ss</c> if a time of day is set).
    /// </summary>
    /// <remarks>
    /// Lists, maps and structs (as DuckDB returns them: lists, dictionaries, and string-keyed
    /// dictionaries of objects) are written as DuckDB casts them to text: <c>[1, 2]</c>,
    /// <c>{k=1}</c>, <c>{'a': 1, 'b': x}</c>, with <c>NULL</c> for a missing element and a string
    /// quoted (<c>'a,b'</c>) only where DuckDB quotes it. Inside them a number that is not finite is
    /// written as DuckDB writes it (<c>nan</c>, <c>inf</c>): the text is DuckDB's own.
    /// </remarks>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d when !double.IsFinite(d) => "",
        float f when !float.IsFinite(f) => "",
        double d => NumberText.Csv(d),
        float f => NumberText.Csv(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        System.Collections.IDictionary or (System.Collections.IList and not byte[]) => NestedText.Of(value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Quotes a CSV field if it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
