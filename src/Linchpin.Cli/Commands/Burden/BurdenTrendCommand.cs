using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden trend --from Y --to Y</c>: targets met, median burden and the exploitation statistics year by year.</summary>
internal static class BurdenTrendCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var from = new Option<int>("--from") { Description = "First year", DefaultValueFactory = _ => 2014 };
        var to = new Option<int>("--to") { Description = "Last year", DefaultValueFactory = _ => 2024 };
        var command = new Command("trend", "Burden sharing year by year: members meeting each target, median and alliance burden, Spearman and Kendall statistics");
        command.Options.Add(from);
        command.Options.Add(to);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var (first, last) = (parsed.GetValue(from), parsed.GetValue(to));
            if (last < first || last - first > 300)
            {
                throw new LinchpinException($"--from {first} --to {last}: not a range of years");
            }

            using var store = CommonOptions.OpenStore(parsed, environment);
            var years = new List<AllianceBurden>();
            var rows = new Rows("year", "edition", "members", "with_data", "meeting_2", "meeting_3_5", "meeting_5", "meeting_equipment_20",
                "partial", "median_pct_gdp", "alliance_pct_gdp", "spearman_rho", "spearman_p", "kendall_tau", "kendall_p", "n", "money_basis");
            var notes = new List<string>();
            for (var year = first; year <= last; year++)
            {
                AllianceSpending spending;
                try
                {
                    spending = options.Spending(parsed, store, year);
                }
                catch (LinchpinException error) when (error.Kind == ErrorKind.Data && (year == first || year == last))
                {
                    // A range must start and end in the data (the one rule for "not enough data"); a gap inside it stays a gap.
                    throw LinchpinException.NoData($"{(year == first ? "--from" : "--to")} {year}: {error.Message}");
                }
                catch (LinchpinException error) when (error.Kind == ErrorKind.Data)
                {
                    rows.Add(year, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
                    notes.Add($"{year}: {error.Message}");
                    continue;
                }

                var burden = BurdenIndicators.Compute(spending, options.Rule(parsed));
                years.Add(burden);
                var test = ExploitationTest.Run(spending.Members);
                int Meeting(BurdenTarget t) => burden.Counts.Single(c => c.Target == t).Meeting;
                var withData = burden.Counts.Single(c => c.Target == BurdenTarget.Wales2).WithData;
                var equipment = burden.Counts.Single(c => c.Target == BurdenTarget.Equipment20);
                rows.Add(year, spending.Source, spending.Members.Count, withData, Meeting(BurdenTarget.Wales2), Meeting(BurdenTarget.HagueCore),
                    Meeting(BurdenTarget.HagueTotal), equipment.WithData == 0 ? null : equipment.Meeting, spending.Partial,
                    burden.MedianPctGdp, burden.AggregateBurden, test.Spearman.Coefficient, test.Spearman.PValue,
                    test.Kendall.Coefficient, test.Kendall.PValue, test.N, spending.Basis?.Label);
                notes.AddRange(spending.Notes.Where(n => n.StartsWith("partial", StringComparison.Ordinal)).Select(n => $"{year}: {n}"));
            }

            var rhos = years.Where(b => !b.Spending.Partial).Select(b => (b.Spending.Year, Rho: ExploitationTest.Run(b.Spending.Members).Spearman.Coefficient))
                .Where(r => r.Rho is not null).ToList();
            if (ExploitationTest.Fit([.. rhos.Select(r => (double)r.Year)], [.. rhos.Select(r => r.Rho!.Value)]) is { } trend)
            {
                notes.Add($"trend of Spearman's rho: {trend.Slope:+0.0000;-0.0000} per year (95% CI {trend.SlopeInterval.Low:0.0000} to {trend.SlopeInterval.High:0.0000}), over the {trend.N} years with every ally's figure");
            }

            notes.Add("p-values are one-sided (H1: larger allies bear a larger burden); each year uses the edition covering the most allies unless --edition is given");
            rows.Write(parsed.GetValue(CommonOptions.Format), environment, $"{parsed.GetValue(options.Alliance)!.ToUpperInvariant()} burden sharing {first}-{last}",
                ["year", "edition", "with_data", "partial", "meeting_2", "meeting_3_5", "meeting_5", "median_pct_gdp", "alliance_pct_gdp", "spearman_rho", "spearman_p"], notes);
            if (years.Count > 0)
            {
                Rows.SavePlot(BurdenCharts.Trend(years, $"{years[0].Spending.Alliance}: defence expenditure as % of GDP, {first}-{last}"),
                    parsed.GetValue(options.Plot), parsed, store, environment);
            }

            return 0;
        }));
        return command;
    }
}
