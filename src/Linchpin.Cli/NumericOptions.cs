using System.CommandLine;
using System.Numerics;

namespace Linchpin.Cli;

/// <summary>
/// Numeric command-line options that check their value as they are parsed, through the one rule
/// for outside numbers (<see cref="InputNumber"/>): finite, and in the range the command can
/// handle. A bad value is a usage error (one line, exit 2) before any work starts.
/// </summary>
internal static class NumericOptions
{
    /// <summary>A number option in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double min, double max) =>
        Checked(new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue }, v => InputNumber.Problem(v, min, max), Text);

    /// <summary>An optional number option in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<double?> OptionalNumber(string name, string description, double min, double max) =>
        Checked(new Option<double?>(name) { Description = description }, v => v is { } value ? InputNumber.Problem(value, min, max) : null, Text);

    // The parser reads numbers in the current culture and with thousands separators ("1,5" is 15): the text is checked as input files are.
    private static string? Text(string token) => InputNumber.TryParse(token, out _, out var problem) ? null : problem;

    /// <summary>A whole-number option in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<T> Whole<T>(string name, string description, T defaultValue, T min, T max)
        where T : struct, IBinaryInteger<T> =>
        Checked(new Option<T>(name) { Description = description, DefaultValueFactory = _ => defaultValue }, v => Problem(v, min, max));

    /// <summary>An optional whole-number option in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<T?> OptionalWhole<T>(string name, string description, T min, T max)
        where T : struct, IBinaryInteger<T> =>
        Checked(new Option<T?>(name) { Description = description }, v => v is { } value ? Problem(value, min, max) : null);

    private static string? Problem<T>(T value, T min, T max)
        where T : struct, IBinaryInteger<T> =>
        value >= min && value <= max ? null : InputNumber.Problem(long.CreateSaturating(value), long.CreateSaturating(min), long.CreateSaturating(max));

    private static Option<T> Checked<T>(Option<T> option, Func<T, string?> problem, Func<string, string?>? textProblem = null)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            if (textProblem?.Invoke(result.Tokens[^1].Value) is { } refused)
            {
                result.AddError($"{option.Name}: {refused}");
                return;
            }

            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // A text that is not a number of the type at all (or overflows it) is a parse error the parser reports itself.
                return;
            }

            if (problem(value) is { } message)
            {
                result.AddError($"{option.Name}: {message}");
            }
        });
        return option;
    }
}
