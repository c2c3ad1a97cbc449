using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;

namespace Linchpin.Cli;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format table|csv|json</c>: how results are printed (table by default).</summary>
    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Output format: table, csv or json",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    /// <summary><c>--db PATH</c>: keep the tables in a DuckDB file instead of memory.</summary>
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "Keep the data tables in this DuckDB database file (default: in memory)",
        Recursive = true,
    };

    /// <summary>The provenance of an output file: the command line as given, the parameters it ran with, the datasets it read.</summary>
    public static Provenance Provenance(ParseResult parsed, IEnumerable<KeyValuePair<string, string>> parameters, IEnumerable<DatasetInfo> datasets) =>
        new(CommandLine(parsed), [.. parameters], [.. datasets.Select(DatasetVersion.Of)]);

    /// <summary>The command line as given, each argument quoted for a POSIX shell where it needs to be.</summary>
    public static string CommandLine(ParseResult parsed) =>
        string.Join(" ", parsed.Tokens.Select(t => ShellWord(t.Value)).Prepend("linchpin"));

    /// <summary>Whether the user gave <paramref name="option"/> (rather than its default).</summary>
    public static bool Given(ParseResult parsed, Option option) => parsed.GetResult(option) is { Implicit: false };

    /// <summary>
    /// Refuses an option that would do nothing: given although <paramref name="applies"/> is false.
    /// <paramref name="reason"/> says when it applies, e.g. "only with --all".
    /// </summary>
    /// <exception cref="LinchpinException">The option was given and does not apply.</exception>
    public static void RefuseUnused(ParseResult parsed, Option option, bool applies, string reason)
    {
        if (!applies && Given(parsed, option))
        {
            throw new LinchpinException($"{option.Name}: would have no effect: it applies {reason}");
        }
    }

    /// <summary>Opens the store the options ask for.</summary>
    public static WorldStore OpenStore(ParseResult parsed, CliEnvironment environment) =>
        WorldStore.Open(new StoreOptions(parsed.GetValue(Database), environment.HomeFolder));

    private static string ShellWord(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c, StringComparison.Ordinal))
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
