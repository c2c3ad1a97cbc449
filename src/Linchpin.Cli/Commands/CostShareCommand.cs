using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin costshare --host KOR|JPN</c>: the host-nation support ledger and its negotiation events.</summary>
internal static class CostShareCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var host = new Option<string>("--host") { Description = "Host: KOR (US-ROK Special Measures Agreements) or JPN (US-Japan host-nation support)", Required = true };
        var events = new Option<bool>("--events") { Description = "Print the negotiation events instead of the ledger" };
        var plot = new Option<string?>("--plot") { Description = "Also draw the ledger into this .png or .svg file" };
        var command = new Command("costshare", "Host-nation cost sharing: contributions per year, change per year and agreement, per US soldier stationed; gaps left as gaps");
        command.Options.Add(host);
        command.Options.Add(events);
        command.Options.Add(plot);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            CommonOptions.RefuseUnused(parsed, plot, !parsed.GetValue(events), "only to the ledger, not with --events");
            using var store = CommonOptions.OpenStore(parsed, environment);
            var ledger = HostNationReader.Ledger(store, parsed.GetValue(host)!);
            var format = parsed.GetValue(CommonOptions.Format);
            if (parsed.GetValue(events))
            {
                Rows.Write(CostShareResults.Events(ledger), format, environment);
                return 0;
            }

            Rows.Write(CostShareResults.Ledger(ledger), format, environment);
            Rows.SavePlot(BurdenCharts.Ledger(ledger), parsed.GetValue(plot), parsed, store, environment);
            return 0;
        }));
        return command;
    }
}
