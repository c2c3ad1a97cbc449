using Linchpin.Data;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary><c>/api/v1/costshare</c>: host-nation support ledgers and negotiation events, as <c>linchpin costshare</c>.</summary>
internal static class CostShareApi
{
    public static RouteGroupBuilder MapCostShare(this RouteGroupBuilder api)
    {
        api.MapGet("/costshare", Ledger).WithTags("Cost sharing")
            .WithSummary("Host-nation support ledger (host=KOR|JPN), or with events=true its negotiation events (linchpin costshare)");
        return api;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Ledger(HttpContext context, StoreGate store, ResponseCache cache,
        string? host, bool? events, string? format, string? view) =>
        Respond.With(context, cache, () =>
        {
            var chosen = Respond.Required(host, "host");
            return store.Read(s =>
            {
                var ledger = HostNationReader.Ledger(s, chosen);
                var result = events == true ? CostShareResults.Events(ledger) : CostShareResults.Ledger(ledger);
                return Respond.Table(context, result, format, view, $"costshare-{ledger.Host.ToLowerInvariant()}{(events == true ? "-events" : "")}", s.Loaded);
            });
        });
}
