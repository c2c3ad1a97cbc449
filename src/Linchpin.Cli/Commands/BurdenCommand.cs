using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Commands.Burden;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin burden</c>: who pays for the common defence — indicators, targets, trend, exploitation test, fair shares.</summary>
internal static class BurdenCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var target = new Option<string>("--target")
        {
            Description = "Target whose gap to show: 2 (Wales 2014), 3.5 or 5 (The Hague 2025), 20 (equipment share)",
            DefaultValueFactory = _ => "2",
        };
        var command = new Command("burden", "Burden-sharing indicators per member: % of GDP, share of spending against share of GDP, per capita, gaps to targets");
        command.Options.Add(year);
        command.Options.Add(target);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var chosen = BurdenTarget.Parse(parsed.GetValue(target)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var burden = BurdenIndicators.Compute(options.Spending(parsed, store, parsed.GetValue(year)), options.Rule(parsed));
            Write(burden, chosen, parsed.GetValue(CommonOptions.Format), environment);
            Rows.SavePlot(BurdenCharts.Targets(burden), parsed.GetValue(options.Plot), parsed, store, environment);
            return 0;
        }));
        command.Subcommands.Add(BurdenTrendCommand.Build(environment));
        command.Subcommands.Add(BurdenTestCommand.Build(environment));
        command.Subcommands.Add(BurdenSharesCommand.Build(environment));
        return command;
    }

    private static void Write(AllianceBurden burden, BurdenTarget target, OutputFormat format, CliEnvironment environment)
    {
        var spending = burden.Spending;
        var basis = spending.Basis?.Label;
        var rows = new Rows("iso3", "country", "year", "pct_gdp", "estimate", "target", "meets_target", "gap_pp", "gap_money",
            "defence_spending", "gdp", "gdp_year", "money_basis", "spending_share", "gdp_share", "burden_ability_ratio",
            "spending_per_capita", "equipment_pct", "meets_equipment_20", "edition", "counting");
        foreach (var m in burden.Members)
        {
            var gap = m.Gaps.Single(g => g.Target == target);
            var equipment = m.Gaps.Single(g => g.Target == BurdenTarget.Equipment20);
            rows.Add(m.Member.Iso3, m.Member.Country, spending.Year, m.Member.PctGdp, m.Member.Estimate, target.Id, gap.Meets, gap.GapPoints, gap.GapMoney,
                m.Member.DefenceSpending, m.Member.Gdp, m.Member.GdpYear, m.Member.DefenceSpending is null ? null : basis, m.SpendingShare, m.GdpShare,
                m.BurdenAbilityRatio, m.SpendingPerCapita, m.Member.EquipmentPct, equipment.Meets, spending.Source,
                burden.Rule.ToString().ToLowerInvariant());
        }

        var notes = new List<string>();
        foreach (var count in burden.Counts)
        {
            var shortfall = count.Shortfall is { } s && basis is not null ? $"; shortfall {s:N0} ({basis})" : "";
            notes.Add($"{count.Target.Name}: {count.Meeting} of {count.WithData} members meet it{shortfall}");
        }

        if (burden.AggregateBurden is { } aggregate)
        {
            notes.Add($"alliance burden {aggregate:0.0000}% of GDP" + (burden.AggregateBurdenWithoutPatron is { } others
                ? $"; without {spending.Patron}: {others:0.0000}%; {spending.Patron} share of spending {burden.PatronSpendingShare:0.0000}" : ""));
        }

        if (target.Caveat is not null)
        {
            notes.Add(target.Caveat);
        }

        notes.AddRange(spending.Notes);
        rows.Write(format, environment, $"{spending.Alliance} {spending.Year}: burden sharing (source {spending.Source})",
            ["iso3", "country", "pct_gdp", "meets_target", "gap_pp", "gap_money", "spending_share", "gdp_share", "burden_ability_ratio", "equipment_pct"],
            notes);
    }
}
