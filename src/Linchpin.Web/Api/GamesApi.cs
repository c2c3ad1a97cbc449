using System.Text;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary><c>/api/v1/games/{game}</c>: the alliance games on a posted YAML or JSON input, answering what <c>linchpin game GAME --format json</c> prints.</summary>
internal static class GamesApi
{
    /// <summary>The most random orders a Shapley estimate may sample here.</summary>
    public const int MaxPermutations = 1_000_000;

    /// <summary>The documented example input of each game.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["public-good"] = "public-good.json",
        ["rubinstein"] = "rubinstein.json",
        ["nash"] = "nash.json",
        ["sma"] = "sma.yaml",
        ["shapley"] = "airport.json",
        ["nucleolus"] = "airport.json",
        ["core"] = "three-allies.yaml",
        ["credibility"] = "credibility.yaml",
    };

    public static RouteGroupBuilder MapGames(this RouteGroupBuilder api, WebOptions options)
    {
        var group = api.MapGroup("/games").WithTags("Games");
        group.MapGet("/", () => TypedResults.Ok(GameResults.Names)).WithSummary("The game names");
        group.MapGet("/{game}/example", Results<ContentHttpResult, ProblemHttpResult> (string game) =>
            Examples.TryGetValue(game, out var file) && Pages.Assets.Examples.TryGetValue(file, out var text)
                ? TypedResults.Text(text, file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/yaml")
                : Problems.NotFound($"no example input for game '{game}' (games: {string.Join(", ", GameResults.Names)})"))
            .WithSummary("The documented example input of a game");
        group.MapPost("/{game}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (HttpRequest request, string game, int? permutations, int? seed) =>
        {
            var text = await Body.ReadText(request, Math.Min(options.MaxBodyBytes, 256 << 10)).ConfigureAwait(false);
            if (text is null)
            {
                return Body.TooLarge(Math.Min(options.MaxBodyBytes, 256 << 10));
            }

            try
            {
                if (permutations > MaxPermutations)
                {
                    throw new LinchpinException($"--permutations: at most {MaxPermutations} here, got {permutations}");
                }

                var result = GameResults.Solve(game, text, "input.yaml", permutations, seed ?? 1);
                return TypedResults.File(Encoding.UTF8.GetBytes(result.ToJson() + "\n"), Payload.Json);
            }
            catch (LinchpinException error)
            {
                return Problems.From(error);
            }
        })
        .WithSummary("Solve a game on the YAML or JSON input posted as the body (public-good, rubinstein, nash, sma, shapley, nucleolus, core, credibility); the answer is linchpin game's JSON");
        return api;
    }
}
