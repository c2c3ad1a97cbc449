using System.Globalization;

namespace Linchpin;

/// <summary>
/// The one check every number from outside the program passes — a field of an input file, a
/// command-line option, a cell of an imported CSV: it must be finite (not NaN, not ±∞, not a
/// text that overflows a double) and lie in the range the model can handle. The problem is
/// returned as words for the caller to locate (file, line, field, or option name).
/// </summary>
public static class InputNumber
{
    /// <summary>Why <paramref name="value"/> is refused, or <c>null</c> when it is finite and in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string? Problem(double value, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!double.IsFinite(value))
        {
            return $"{Text(value)} is not a finite number";
        }

        return value >= min && value <= max ? null : $"{Text(value)} is outside {Range(min, max)}";
    }

    /// <summary>Why <paramref name="value"/> is refused, or <c>null</c> when it lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static string? Problem(long value, long min, long max) =>
        value >= min && value <= max ? null : $"{value.ToString(CultureInfo.InvariantCulture)} is outside {Range(min, max)}";

    /// <summary>
    /// Parses <paramref name="text"/> as a finite number in [<paramref name="min"/>, <paramref name="max"/>];
    /// <paramref name="problem"/> says why not (not a number, overflow, NaN, ±∞, out of range).
    /// </summary>
    public static bool TryParse(string text, out double value, out string? problem, double min = double.MinValue, double max = double.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            problem = $"'{text}' is not a number";
            return false;
        }

        problem = double.IsFinite(value) ? Problem(value, min, max) : $"'{text}' is not a finite number";
        return problem is null;
    }

    /// <summary>The range as messages show it: <c>[0, 1]</c>, <c>[1, ∞)</c>.</summary>
    public static string Range(double min, double max) =>
        $"{(min == double.MinValue ? "(-∞" : "[" + Text(min))}, {(max == double.MaxValue ? "∞)" : Text(max) + "]")}";

    private static string Range(long min, long max) =>
        $"[{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
