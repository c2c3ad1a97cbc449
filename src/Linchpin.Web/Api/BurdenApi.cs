using Linchpin.Analysis;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary><c>/api/v1/burden</c>: who pays for the common defence, as <c>linchpin burden</c> and its subcommands.</summary>
internal static class BurdenApi
{
    public static RouteGroupBuilder MapBurden(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/burden").WithTags("Burden");
        group.MapGet("/", Indicators).WithSummary("Burden indicators per member: % of GDP, shares, burden/ability ratio, gap to a target (linchpin burden)");
        group.MapGet("/trend", Trend).WithSummary("Targets met, median and alliance burden, rank correlations, year by year (linchpin burden trend)");
        group.MapGet("/test", Test).WithSummary("The Olson–Zeckhauser exploitation test (linchpin burden test)");
        group.MapGet("/shares", Shares).WithSummary("Actual spending against a fair-share rule (linchpin burden shares)");
        return api;
    }

    private static BurdenQuery Query(string? alliance, string? source, string? edition, string? counting) =>
        new(alliance ?? "nato", source ?? "auto", string.IsNullOrWhiteSpace(edition) ? null : edition, counting ?? "printed");

    private static Results<FileContentHttpResult, ProblemHttpResult> Indicators(HttpContext context, StoreGate store, ResponseCache cache,
        int? year, string? alliance, string? edition, string? source, string? counting, string? target, string? format, string? view) =>
        Respond.With(context, cache, () =>
        {
            var chosen = BurdenTarget.Parse(target ?? "2");
            var query = Query(alliance, source, edition, counting);
            var when = Respond.Required(year, "year");
            return store.Read(s =>
            {
                var burden = BurdenIndicators.Compute(query.Spending(s, when), query.Rule());
                return Respond.Table(context, BurdenResults.Indicators(burden, chosen), format, view, $"burden-{when}", s.Loaded);
            });
        });

    private static Results<FileContentHttpResult, ProblemHttpResult> Trend(HttpContext context, StoreGate store, ResponseCache cache,
        int? from, int? to, string? alliance, string? edition, string? source, string? counting, string? format, string? view) =>
        Respond.With(context, cache, () =>
        {
            var query = Query(alliance, source, edition, counting);
            var (first, last) = (from ?? 2014, to ?? 2024);
            return store.Read(s => Respond.Table(context, BurdenResults.Trend(s, query, first, last).Result, format, view, $"burden-trend-{first}-{last}", s.Loaded));
        });

    private static Results<FileContentHttpResult, ProblemHttpResult> Test(HttpContext context, StoreGate store, ResponseCache cache,
        int? year, string? alliance, string? edition, string? source, string? counting, string? alternative, string? format, string? view) =>
        Respond.With(context, cache, () =>
        {
            var h1 = BurdenResults.ParseAlternative(alternative ?? "greater");
            var query = Query(alliance, source, edition, counting);
            var when = Respond.Required(year, "year");
            return store.Read(s => Respond.Table(context, BurdenResults.Test(query.Spending(s, when), h1).Result, format, view, $"burden-test-{when}", s.Loaded));
        });

    private static Results<FileContentHttpResult, ProblemHttpResult> Shares(HttpContext context, StoreGate store, ResponseCache cache,
        int? year, string? alliance, string? edition, string? source, string? counting, string? rule, string? format, string? view) =>
        Respond.With(context, cache, () =>
        {
            var chosen = FairShares.ParseRule(rule ?? "gdp");
            var query = Query(alliance, source, edition, counting);
            var when = Respond.Required(year, "year");
            return store.Read(s => Respond.Table(context, BurdenResults.Shares(s, query.Spending(s, when), chosen), format, view, $"burden-shares-{when}", s.Loaded));
        });
}
