using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Reports;

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
        Description = "NATO edition (release month, e.g. 2024-06); default: the newest edition with every ally's figure for the year (else the one covering the most allies, marked partial)",
    };

    public Option<bool> AsPublished { get; } = new("--as-published")
    {
        Description = "NATO's figures as published at the time: the first edition released after the year, before later revisions",
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

    public static Option<int> Year(string description) => new("--year") { Description = description, Required = true };

    public void AddTo(Command command, bool plot = true)
    {
        command.Options.Add(Alliance);
        command.Options.Add(Edition);
        command.Options.Add(AsPublished);
        command.Options.Add(Source);
        command.Options.Add(Counting);
        if (plot)
        {
            command.Options.Add(Plot);
        }
    }

    /// <summary>The spending query the options name.</summary>
    public BurdenQuery Query(ParseResult parsed) =>
        new(parsed.GetValue(Alliance)!, parsed.GetValue(Source)!, parsed.GetValue(Edition), parsed.GetValue(Counting)!, parsed.GetValue(AsPublished));

    public CountingRule Rule(ParseResult parsed) => Query(parsed).Rule();

    /// <summary>The alliance-year's spending as the options ask.</summary>
    public AllianceSpending Spending(ParseResult parsed, WorldStore store, int year) => Query(parsed).Spending(store, year);
}
