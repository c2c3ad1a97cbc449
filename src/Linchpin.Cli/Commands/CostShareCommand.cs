using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;
using Linchpin.Data;

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
                var list = new Rows("date", "event", "source");
                foreach (var e in ledger.Events)
                {
                    list.Add(e.Date, e.Event, e.Source);
                }

                list.Write(format, environment, $"{ledger.Host}: cost-sharing negotiation events", ["date", "event"],
                    ledger.Events.Count == 0 ? ["no negotiation events in the data for this host"] : []);
                return 0;
            }

            var rows = new Rows("period", "first_year", "last_year", "kind", "agreement", "amount", "currency", "unit", "amount_usd_million",
                "change_pct", "troops", "troops_year", "troops_approximate", "per_soldier_million", "note");
            foreach (var e in ledger.Entries)
            {
                rows.Add(e.Period, e.FirstYear, e.LastYear, e.Kind, e.Agreement, e.Amount, ledger.Currency, ledger.Unit, e.AmountUsdMillions,
                    e.ChangePct, e.Troops, e.TroopsYear, e.Troops is null ? null : e.TroopsApproximate, e.AmountPerSoldier, e.Note);
            }

            rows.Write(format, environment, $"{ledger.Host}: host-nation support for US forces ({ledger.Currency} {ledger.Unit}, current prices)",
                ["period", "kind", "agreement", "amount", "amount_usd_million", "change_pct", "troops", "per_soldier_million"], ledger.Notes);
            Rows.SavePlot(BurdenCharts.Ledger(ledger), parsed.GetValue(plot), parsed, store, environment);
            return 0;
        }));
        return command;
    }
}
