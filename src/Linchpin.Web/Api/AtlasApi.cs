using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.World;

namespace Linchpin.Web.Api;

/// <summary>
/// <c>/api/v1/atlas</c> and <c>/api/v1/similarity</c>: the alliance network of a year, a state's
/// treaties, capabilities and portfolio similarity to the patron (or to any other state).
/// </summary>
internal static class AtlasApi
{
    /// <summary>The patron the atlas compares every state with.</summary>
    public const string Patron = "USA";

    private static readonly string[] SimilarityDatasets = ["atop_ddy", "cow_states", "nmc"];

    public static RouteGroupBuilder MapAtlas(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/atlas").WithTags("Atlas");
        group.MapGet("/network", (HttpContext context, StoreGate store, ResponseCache cache, int? year) =>
            Respond.With(context, cache, () => store.Read(s =>
            {
                var (nodes, edges) = AllianceAtlas.Network(s, Respond.Required(year, "year"));
                return Payload.Tables(("nodes", nodes), ("edges", edges));
            })))
            .WithSummary("The alliance network of a year: states with CINC, and pledges (ATOP 5.1) by obligation, one-sided ones marked");
        group.MapGet("/states/{state}", (HttpContext context, StoreGate store, ResponseCache cache, string state) =>
            Respond.With(context, cache, () =>
            {
                var country = CountryDirectory.Shipped.Resolve(state);
                var patron = CountryDirectory.Shipped.Resolve(Patron);
                var similarity = AllianceAtlas.Similarity(store.Portfolios, country.Code.Value, patron.Code.Value);
                return store.Read(s =>
                {
                    var who = new ResultRows("ccode", "abb", "name", "iso3", "patron");
                    who.Add(country.Code.Value, country.Abbreviation, country.Name, country.Iso3, Patron);
                    return Payload.Tables(("state", who.Build()), ("treaties", AllianceAtlas.Treaties(s, country.Code.Value)),
                        ("capabilities", AllianceAtlas.Capabilities(s, country.Code.Value)), ("similarity", similarity));
                });
            }))
            .WithSummary("One state: its ATOP treaties, its NMC figures, and its portfolio similarity to the patron (tau-b, S, kappa) year by year");
        api.MapGet("/similarity", (HttpContext context, StoreGate store, ResponseCache cache, string? a, string? b, int? year, string? format) =>
            Respond.With(context, cache, () =>
            {
                var first = CountryDirectory.Shipped.Resolve(Respond.Required(a, "a"));
                var second = CountryDirectory.Shipped.Resolve(b ?? Patron);
                var series = AllianceAtlas.Similarity(store.Portfolios, first.Code.Value, second.Code.Value);
                if (year is { } only)
                {
                    series = series with { Rows = [.. series.Rows.Where(r => r[0] is int y && y == only)] };
                }

                return Payload.Table(series, Respond.Format(format), $"similarity-{first.Abbreviation}-{second.Abbreviation}".ToLowerInvariant(),
                    Respond.ProvenanceOf(context, [.. SimilarityDatasets.Select(n => DatasetCatalog.FindShipped(n)!)]));
            }))
            .WithTags("Atlas")
            .WithSummary("Alliance-portfolio similarity (tau-b, S, kappa; ATOP 5.1, standard coding) of two states year by year (b defaults to the patron); year= keeps one year");
        return api;
    }
}
