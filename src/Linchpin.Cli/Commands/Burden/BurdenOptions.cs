using System.CommandLine;
using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;

namespace Linchpin.Cli.Commands.Burden;

/// <summary>Options the burden commands share, and how an alliance-year's spending is found.</summary>
internal sealed class BurdenOptions
{
    public Option<string> Alliance { get; } = new("--alliance")
    {
        Description = "nato (NATO's own figures), or an ATOP alliance id such as 3180 (NMC spending with GDP)",
        DefaultValueFactory = _ => "nato",
    };

    public Option<string?> Edition { get; } = new("--edition")
    {
        Description = "NATO edition (release month, e.g. 2024-06); default: the edition covering the most allies that year, ties to the newest",
    };

    public Option<string> Source { get; } = new("--source")
    {
        Description = "Where NATO's figures come from: nato (its releases), nmc (NMC military expenditure with GDP), or auto (nato where it covers the year)",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string> Counting { get; } = new("--counting")
    {
        Description = "Count target compliance on the printed two-decimal value (printed, NATO's own way) or the unrounded value (exact)",
        DefaultValueFactory = _ => "printed",
    };

    public Option<string?> Plot { get; } = new("--plot") { Description = "Also draw the picture into this .png or .svg file" };

    /// <summary>
    /// The one rule for "not enough data" in the burden commands: an answer that needs, for at least
    /// <paramref name="minimum"/> members, figures the year's data lack is a data error (exit code 3)
    /// saying what is missing; an answer for fewer members than the alliance has is computed and
    /// carries the data's warnings.
    /// </summary>
    /// <exception cref="LinchpinException">Fewer than <paramref name="minimum"/> members have what is needed.</exception>
    public static void RequireMembers(AllianceSpending spending, Func<MemberSpending, bool> has, int minimum, string needed, string purpose)
    {
        var count = spending.Members.Count(has);
        if (count < minimum)
        {
            throw LinchpinException.NoData(
                $"{spending.Alliance} {spending.Year}: {count} of {spending.Members.Count} members have {needed} (edition {spending.Source}); {purpose} needs at least {minimum}");
        }
    }

    public static Option<int> Year(string description) => new("--year") { Description = description, Required = true };

    public void AddTo(Command command, bool plot = true)
    {
        command.Options.Add(Alliance);
        command.Options.Add(Edition);
        command.Options.Add(Source);
        command.Options.Add(Counting);
        if (plot)
        {
            command.Options.Add(Plot);
        }
    }

    public CountingRule Rule(ParseResult parsed) => parsed.GetValue(Counting)!.Trim().ToLowerInvariant() switch
    {
        "printed" => CountingRule.Printed,
        "exact" => CountingRule.Exact,
        var other => throw new LinchpinException($"--counting: unknown rule '{other}': use printed or exact"),
    };

    /// <summary>The alliance-year's spending as the options ask.</summary>
    public AllianceSpending Spending(ParseResult parsed, WorldStore store, int year)
    {
        var alliance = parsed.GetValue(Alliance)!.Trim().ToLowerInvariant();
        var source = parsed.GetValue(Source)!.Trim().ToLowerInvariant();
        var edition = parsed.GetValue(Edition);
        if (source is not ("auto" or "nato" or "nmc"))
        {
            throw new LinchpinException($"--source: unknown source '{source}': use auto, nato or nmc");
        }

        if (alliance == "nato")
        {
            var covered = AllianceSpendingReader.NatoEditions(store).Any(e => e.AlliesByYear.ContainsKey(year));
            var atopCovers = store.Dataset("atop_member").Coverage.Contains(year);
            if (source == "nato" || (source == "auto" && (covered || edition is not null || !atopCovers)))
            {
                return AllianceSpendingReader.Nato(store, year, edition);
            }

            return AllianceSpendingReader.FromNmc(store, NatoAtopId, year) with { Alliance = "NATO" };
        }

        var id = alliance.StartsWith("atop:", StringComparison.Ordinal) ? alliance[5..] : alliance;
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var atopId))
        {
            throw new LinchpinException($"--alliance: '{parsed.GetValue(Alliance)}' is neither 'nato' nor an ATOP alliance id");
        }

        if (source == "nato" || edition is not null)
        {
            throw new LinchpinException("--source nato and --edition apply to --alliance nato only");
        }

        return AllianceSpendingReader.FromNmc(store, atopId, year);
    }

    /// <summary>NATO's id in ATOP.</summary>
    public const int NatoAtopId = 3180;
}
