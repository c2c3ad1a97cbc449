using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Output;
using Linchpin.Data;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden shares --year Y --rule gdp|population|exposure|equal</c>: actual spending against a fair-share rule.</summary>
internal static class BurdenSharesCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var rule = new Option<string>("--rule")
        {
            Description = "gdp (ability to pay), population, exposure (benefit principle: CINC of non-member strategic rivals), or equal",
            DefaultValueFactory = _ => "gdp",
        };
        var command = new Command("shares", "Fair-share rules: the alliance's total spending divided by GDP, population, threat exposure or equally, against actual spending (definitions, not verdicts)");
        command.Options.Add(year);
        command.Options.Add(rule);
        options.AddTo(command, plot: false);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var chosen = FairShares.ParseRule(parsed.GetValue(rule)!);
            using var store = CommonOptions.OpenStore(parsed, environment);
            var spending = options.Spending(parsed, store, parsed.GetValue(year));
            BurdenOptions.RequireMembers(spending, m => spending.Basis is not null && m.DefenceSpending is not null, 1,
                $"defence spending in money (a GDP level within {AllianceSpendingReader.MaxGdpLag} years)", "a fair share of the total");

            var notes = new List<string> { "a fair-share rule is a definition, not a verdict" };
            IReadOnlyDictionary<string, double>? exposure = null;
            if (chosen == FairShareRule.Exposure)
            {
                (exposure, var note) = AllianceSpendingReader.ThreatExposure(store, spending);
                notes.Add(note);
            }

            var shares = FairShares.Allocate(spending, chosen, exposure);
            var rows = new Rows("iso3", "country", "year", "rule", "rule_share", "actual", "assigned", "difference", "ratio", "pct_gdp", "money_basis", "edition");
            foreach (var s in shares)
            {
                var member = spending.Members.First(m => m.Iso3 == s.Iso3);
                rows.Add(s.Iso3, s.Country, spending.Year, chosen.ToString().ToLowerInvariant(), s.RuleShare, s.Actual, s.Assigned, s.Difference, s.Ratio,
                    member.PctGdp, spending.Basis?.Label, spending.Source);
            }

            notes.AddRange(shares.Where(s => s.Assigned is null).Select(s => $"{s.Iso3}: left out of the allocation (no spending or no {chosen.ToString().ToLowerInvariant()} figure)"));
            notes.AddRange(spending.Notes);
            rows.Write(parsed.GetValue(CommonOptions.Format), environment,
                $"{spending.Alliance} {spending.Year}: fair shares by {chosen.ToString().ToLowerInvariant()} ({spending.Basis?.Label})",
                ["iso3", "country", "rule_share", "actual", "assigned", "difference", "ratio"], notes);
            return 0;
        }));
        return command;
    }
}
