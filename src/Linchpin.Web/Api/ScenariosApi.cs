using Linchpin.Reports;
using Linchpin.Scenarios;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary><c>/api/v1/scenarios</c>: the built-in scenarios, and checking a scenario's text (<c>linchpin scenario list|show|validate</c>).</summary>
internal static class ScenariosApi
{
    /// <summary>The name a posted scenario's text goes by in messages.</summary>
    public const string PostedName = "scenario.yaml";

    public static RouteGroupBuilder MapScenarios(this RouteGroupBuilder api, WebOptions options)
    {
        var group = api.MapGroup("/scenarios").WithTags("Scenarios");
        group.MapGet("/", (HttpContext context, ResponseCache cache, string? format) =>
            Respond.With(context, cache, () => Payload.Table(ScenarioResults.List().Table, Respond.Format(format), "scenarios", null)))
            .WithSummary("The built-in scenarios (linchpin scenario list)");
        group.MapGet("/{name}", (HttpContext context, ResponseCache cache, string name) =>
            Respond.With(context, cache, () => Payload.Table(ScenarioResults.Show(BuiltInScenarios.Load(name)).Table, "json", name, null)))
            .WithSummary("One built-in scenario with its YAML text (linchpin scenario show NAME --format json)");
        group.MapPost("/validate", async Task<Results<Ok<ValidScenario>, ProblemHttpResult>> (HttpRequest request) =>
        {
            var text = await Body.ReadText(request, options.MaxBodyBytes).ConfigureAwait(false);
            if (text is null)
            {
                return Body.TooLarge(options.MaxBodyBytes);
            }

            try
            {
                var scenario = ScenarioFile.Parse(text, PostedName);
                return TypedResults.Ok(new ValidScenario(ScenarioResults.Valid(scenario, PostedName), scenario.Name, scenario.StartYear, scenario.Years,
                    scenario.Warnings ?? []));
            }
            catch (LinchpinException error)
            {
                return Problems.From(error);
            }
        })
        .WithSummary("Check a scenario's YAML (or JSON) text, posted as the body; an error names the line and field (linchpin scenario validate)");
        return api;
    }

    /// <summary>A valid scenario: the command's line, its name, start, years and warnings.</summary>
    public sealed record ValidScenario(string Message, string Name, int Start, int Years, IReadOnlyList<string> Warnings);
}

/// <summary>Reading a request body within a size limit.</summary>
internal static class Body
{
    /// <summary>The body as UTF-8 text, or <c>null</c> when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadText(HttpRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(detail: $"the request body is larger than {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
}
