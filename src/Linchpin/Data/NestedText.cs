using System.Collections;
using System.Globalization;
using System.Text;

namespace Linchpin.Data;

/// <summary>
/// A list, map or struct value as DuckDB (1.5) casts it to text, so <c>data sql</c> prints nested
/// columns as DuckDB itself does: lists <c>[a, NULL]</c>, maps <c>{k=v}</c>, structs
/// <c>{'key': value}</c>. A string is quoted, with <c>\</c> and <c>'</c> escaped by a backslash,
/// when it is empty, reads <c>NULL</c>, starts or ends with white space, or holds one of
/// <c>, ' " [ ] ( ) { } : =</c>; struct keys are always quoted.
/// </summary>
internal static class NestedText
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",'\"[](){}:=");

    /// <summary>The text of a nested value (a list or a dictionary, as DuckDB.NET returns them).</summary>
    public static string Of(object value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("NULL");
                break;
            case IDictionary dictionary when IsStruct(dictionary):
                text.Append('{');
                var first = true;
                foreach (DictionaryEntry field in dictionary)
                {
                    text.Append(first ? "" : ", ").Append('\'').Append(Escape(Scalar(field.Key))).Append("': ");
                    Append(text, field.Value);
                    first = false;
                }

                text.Append('}');
                break;
            case IDictionary map:
                text.Append('{');
                var firstEntry = true;
                foreach (DictionaryEntry entry in map)
                {
                    text.Append(firstEntry ? "" : ", ");
                    Append(text, entry.Key);
                    text.Append('=');
                    Append(text, entry.Value);
                    firstEntry = false;
                }

                text.Append('}');
                break;
            case IList list and not byte[]:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, list[i]);
                }

                text.Append(']');
                break;
            default:
                text.Append(Quoted(Scalar(value)));
                break;
        }
    }

    // DuckDB.NET gives a STRUCT as string keys to object values, a MAP with its own key and value types.
    private static bool IsStruct(IDictionary dictionary) =>
        dictionary.GetType() is { IsGenericType: true } type && type.GetGenericArguments() is [var key, var item] && key == typeof(string) && item == typeof(object);

    private static string Scalar(object value) => value switch
    {
        double d => NumberText.Csv(d),
        float f => double.IsFinite(f) ? CsvOutput.Format(f) : NumberText.Csv(f),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(time.TimeOfDay),
        _ => CsvOutput.Format(value),
    };

    // DuckDB writes fractions of a second to the microsecond, without trailing zeros.
    private static string Fraction(TimeSpan timeOfDay)
    {
        var micros = timeOfDay.Ticks % TimeSpan.TicksPerSecond / 10;
        return micros == 0 ? "" : "." + micros.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static string Quoted(string text) =>
        text.Length == 0 || text.Equals("NULL", StringComparison.OrdinalIgnoreCase) || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
        || text.AsSpan().IndexOfAny(Special) >= 0
            ? "'" + Escape(text) + "'"
            : text;

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
