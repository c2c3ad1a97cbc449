using System.Globalization;
using System.Text;

namespace Linchpin.Data;

/// <summary>Writes CSV the way Linchpin's data files are written: header, comma, quotes only where needed, missing as empty.</summary>
public static class CsvOutput
{
    /// <summary>Writes rows to <paramref name="path"/> (not atomically: call inside <see cref="AtomicFile.Write"/>).</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(",", header.Select(Field)));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(",", row.Select(v => Field(Format(v)))));
        }
    }

    /// <summary>Formats a value invariantly; <c>null</c> is empty, doubles in shortest round-trip form.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Quotes a CSV field if it holds a comma, quote or line break (RFC 4180).</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
