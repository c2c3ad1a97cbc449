using System.Globalization;

namespace Linchpin.Data;

/// <summary>
/// Shortest round-trip text of doubles in the two layouts Linchpin's data files use, which are
/// also DuckDB's: CSV writes <c>1.0</c>, <c>0.0001234</c>, <c>1.234e-05</c>, <c>1e+16</c>
/// (exponent form below 1e-4 and from 1e16); JSON writes <c>0.000001</c>, <c>1e-7</c>,
/// <c>1e21</c> (exponent form below 1e-6 and from 1e21). Integral values keep a <c>.0</c>.
/// </summary>
public static class NumberText
{
    /// <summary>The CSV text of <paramref name="value"/>.</summary>
    public static string Csv(double value) => Layout(value, minDecimalExponent: -4, maxDecimalExponent: 15, json: false);

    /// <summary>The JSON text of <paramref name="value"/> (<c>null</c> for NaN and infinities, which JSON cannot hold).</summary>
    public static string Json(double value) =>
        double.IsFinite(value) ? Layout(value, minDecimalExponent: -6, maxDecimalExponent: 20, json: true) : "null";

    private static string Layout(double value, int minDecimalExponent, int maxDecimalExponent, bool json)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return "0.0";
        }

        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        var text = new System.Text.StringBuilder(32);
        if (value < 0)
        {
            text.Append('-');
        }

        if (exponent >= minDecimalExponent && exponent <= maxDecimalExponent)
        {
            if (exponent >= 0)
            {
                var whole = exponent + 1;
                text.Append(digits.AsSpan(0, Math.Min(whole, digits.Length)));
                text.Append('0', Math.Max(0, whole - digits.Length));
                text.Append('.');
                text.Append(digits.Length > whole ? digits.AsSpan(whole) : "0");
            }
            else
            {
                text.Append("0.");
                text.Append('0', -exponent - 1);
                text.Append(digits);
            }
        }
        else
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits.AsSpan(1));
            }

            text.Append('e');
            if (exponent < 0)
            {
                text.Append('-');
            }
            else if (!json)
            {
                text.Append('+');
            }

            text.Append(Math.Abs(exponent).ToString(json ? "0" : "00", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The shortest digits that round-trip a positive finite value, without trailing zeros, and the power of ten of the first.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double value)
    {
        var round = value.ToString("R", CultureInfo.InvariantCulture);
        var e = round.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? round : round[..e];
        var power = e < 0 ? 0 : int.Parse(round.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? mantissa.Length : point;
        var all = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, whole - 1 - leading + power);
    }
}
