using System.CommandLine;
using System.Text.RegularExpressions;

namespace Linchpin.Cli;

/// <summary>Parse errors in the user's words: no .NET type names, a misspelt command named with the nearest one, help for the command at hand.</summary>
internal static partial class ParseErrors
{
    /// <summary>One line describing the first parse error.</summary>
    public static string Describe(ParseResult parsed, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(root);
        var command = parsed.CommandResult.Command;
        var path = CommandPath(parsed);
        var help = $"(see '{path} --help')";
        var unknown = (parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null)
            ?? parsed.Errors.Select(e => Unrecognized().Match(e.Message)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (unknown is { } word)
        {
            var nearest = Nearest(word, command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name)));
            var kind = word.StartsWith('-') ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            return $"unknown {kind} '{word}'{(nearest is null ? "" : $": did you mean '{nearest}'?")} {help}";
        }

        var message = parsed.Errors[0].Message.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal).Trim();
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            return $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))} {help}";
        }

        message = ExpectedType().Replace(message, m => $"as {Readable(m.Groups[1].Value)}.");
        message = Suggestions().Replace(message, "");
        return $"{message} {help}";
    }

    /// <summary>What a .NET type name means to a user.</summary>
    private static string Readable(string type)
    {
        var inner = NullableOf().Match(type) is { Success: true } m ? m.Groups[1].Value : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt32" => "a whole number",
            "System.Double" or "System.Decimal" or "System.Single" => "a number",
            "System.Boolean" => "true or false",
            "Linchpin.Cli.Output.OutputFormat" => "a format (table, csv or json)",
            _ => "a value of the expected kind",
        };
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "linchpin" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The candidate within two edits of <paramref name="word"/> (case-insensitive), nearest first; <c>null</c> if none.</summary>
    private static string? Nearest(string word, IEnumerable<string> candidates) =>
        candidates.Select(c => (Name: c, Distance: Distance(word.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, word.Length / 3)).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"as expected type '([^']+)'\.")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"Unrecognized command or argument '([^']+)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"\s*Did you mean one of the following\?.*$")]
    private static partial Regex Suggestions();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();
}
