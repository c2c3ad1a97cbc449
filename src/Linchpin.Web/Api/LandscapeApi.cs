using System.Text;
using Linchpin.Alignment;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary>
/// <c>/api/v1/landscape</c>: the landscape theory of aggregation (Axelrod and Bennett 1993) as
/// <c>linchpin landscape --format json</c> answers it, on states derived from data (GET) or a posted input (POST).
/// </summary>
internal static class LandscapeApi
{
    /// <summary>The most random starts of one search here (a request's work stays bounded).</summary>
    public const int MaxStarts = 100_000;

    /// <summary>The most actors of one problem here.</summary>
    public const int MaxActors = 60;

    public static RouteGroupBuilder MapLandscape(this RouteGroupBuilder api, WebOptions options)
    {
        api.MapGet("/landscape", (HttpContext context, ResponseCache cache, int? year, string? states, double? rivalryWeight, int? coalitions, string? method, int? starts, int? seed) =>
            Respond.With(context, cache, () =>
            {
                var problem = LandscapeResults.Derive(Respond.Required(year, "year"), Respond.Required(states, "states"), rivalryWeight ?? 1);
                return Solve(problem, coalitions, method, starts, seed);
            }))
            .WithTags("Landscape")
            .WithSummary("Landscape of states in a year (linchpin landscape --year Y --states A,B,... --derive-propensities): sizes from CINC, propensities from portfolio similarity S less rivalryWeight for a strategic rivalry");
        api.MapPost("/landscape", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (HttpRequest request, int? coalitions, string? method, int? starts, int? seed) =>
        {
            var limit = Math.Min(options.MaxBodyBytes, 256 << 10);
            var text = await Body.ReadText(request, limit).ConfigureAwait(false);
            if (text is null)
            {
                return Body.TooLarge(limit);
            }

            try
            {
                var payload = Solve(LandscapeInput.Parse(text, "input.yaml"), coalitions, method, starts, seed);
                return TypedResults.File(payload.Body, payload.ContentType);
            }
            catch (LinchpinException error)
            {
                return Problems.From(error);
            }
        })
        .WithTags("Landscape")
        .WithSummary("Landscape of the actors of a posted YAML or JSON input (linchpin landscape --input FILE): sizes and propensities by pair");
        return api;
    }

    private static Payload Solve(LandscapeProblem problem, int? coalitions, string? method, int? starts, int? seed)
    {
        if (problem.Count > MaxActors)
        {
            throw new LinchpinException($"landscape: at most {MaxActors} actors here, got {problem.Count}");
        }

        if (starts > MaxStarts)
        {
            throw new LinchpinException($"--starts: at most {MaxStarts} here, got {starts}");
        }

        var answer = LandscapeResults.Solve(problem, coalitions ?? 2, method ?? "auto", starts ?? 1000, seed ?? 1);
        return new Payload(Encoding.UTF8.GetBytes(LandscapeResults.Json(answer) + "\n"), Payload.Json);
    }
}
