using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Linchpin.Reports;
using Linchpin.Scenarios;
using Linchpin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Runs;

/// <summary>
/// <c>/api/v1/runs</c>: Monte Carlo ensembles as jobs. <c>POST</c> a body named like
/// <c>linchpin simulate</c>'s options; the answer is <c>202 Accepted</c> with the run's
/// <c>Location</c>; its summary is the JSON <c>linchpin simulate --format json</c> prints.
/// </summary>
internal static class RunsApi
{
    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder api, WebOptions options)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapPost("/", (HttpRequest request, StoreGate store, RunQueue queue, TimeProvider time) => Post(request, store, queue, time, options))
            .Accepts<RunRequest>("application/json")
            .WithSummary("Start an ensemble: {\"scenario\": a built-in name or YAML text, \"runs\": 1000, \"seed\": 42, \"threads\": 2}; 202 with Location, 429 when the queue is full");
        group.MapGet("/", (RunQueue queue) => TypedResults.Ok(queue.All.Select(j => j.State()).ToList()))
            .WithSummary("The runs the server holds");
        group.MapGet("/{id}", Results<Ok<RunState>, ProblemHttpResult> (string id, RunQueue queue) =>
            queue.Find(id) is { } job ? TypedResults.Ok(job.State()) : Unknown(id))
            .WithSummary("A run's state: {id, status: queued|running|done|failed|cancelled, progress: 0 to 1}");
        group.MapGet("/{id}/progress", Results<ServerSentEventsResult<RunState>, ProblemHttpResult> (string id, RunQueue queue, CancellationToken cancellation) =>
            queue.Find(id) is { } job ? TypedResults.ServerSentEvents(Progress(job, cancellation), "progress") : Unknown(id))
            .WithSummary("The run's state as server-sent events (event: progress), until it ends");
        group.MapDelete("/{id}", Results<Ok<RunState>, ProblemHttpResult> (string id, RunQueue queue) =>
            queue.Remove(id) is { } job ? TypedResults.Ok(job.State()) : Unknown(id))
            .WithSummary("Cancel a queued or running run; forget a finished one");
        group.MapGet("/{id}/summary", (HttpContext context, string id, RunQueue queue) =>
            Output(id, queue, output => Payload.Table(output.Summary.Table, "json", "summary", null, output.Summary.Notes)))
            .WithSummary("Per-ally probabilities and settlement band: the JSON linchpin simulate --format json prints");
        group.MapGet("/{id}/bands", (string id, RunQueue queue) =>
            Output(id, queue, output => Payload.Table(output.Bands, "json", "bands", null)))
            .WithSummary("Median, 5% and 95% bands and mean per ally, variable and year (summary.csv as JSON)");
        group.MapGet("/{id}/settlements", (string id, RunQueue queue) =>
            Output(id, queue, output => output.Settlements is { } table ? Payload.Table(table, "json", "settlements", null) : null))
            .WithSummary("Every run's first settled cost-sharing payment, by ally");
        foreach (var (file, type) in new[]
        {
            ("trajectories.parquet", "application/vnd.apache.parquet"), ("events.csv", Payload.Csv), ("summary.csv", Payload.Csv),
            ("summary.json", Payload.Json), ("manifest.json", Payload.Json),
        })
        {
            group.MapGet("/{id}/" + file, Results<FileStreamHttpResult, ProblemHttpResult> (string id, RunQueue queue) => File(id, file, type, queue, options))
                .WithSummary($"The run's {file}, as linchpin simulate --out writes it");
        }

        return api;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Output(string id, RunQueue queue, Func<EnsembleAdapter.EnsembleOutput, Payload?> make)
    {
        if (queue.Find(id) is not { } job)
        {
            return Unknown(id);
        }

        if (job.Output is not { } output)
        {
            return NotDone(job);
        }

        if (make(output) is not { } payload)
        {
            return TypedResults.Problem(detail: $"run {id}: {job.Runs} runs are too many to keep every settlement; the summary gives the median and 5-95 % band",
                statusCode: StatusCodes.Status404NotFound, title: "Not kept");
        }

        return TypedResults.File(payload.Body, payload.ContentType, payload.FileName);
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> File(string id, string file, string type, RunQueue queue, WebOptions options)
    {
        if (queue.Find(id) is not { } job)
        {
            return Unknown(id);
        }

        if (job.Output is not { } output)
        {
            return NotDone(job);
        }

        if (output.Folder is not { } folder)
        {
            return TypedResults.Problem(
                detail: string.Create(CultureInfo.InvariantCulture,
                    $"run {id}: {job.Runs} runs of {job.Ensemble.CellsPerRun} ally-years each are more trajectory cells than this server keeps ({options.MaxTrajectoryCells}); its summary is kept, its files are not: use fewer runs, or linchpin simulate --out"),
                statusCode: StatusCodes.Status404NotFound, title: "Files not kept");
        }

        // The folder is the server's own, named by the run; the file name is one of the fixed five.
        return TypedResults.Stream(System.IO.File.OpenRead(Path.Combine(folder, file)), type, file);
    }

    private static ProblemHttpResult NotDone(RunJob job) =>
        TypedResults.Problem(detail: $"run {job.Id} is {job.State().Status}{(job.Error is null ? "" : ": " + job.Error)}",
            statusCode: StatusCodes.Status409Conflict, title: "Run not done");

    private static ProblemHttpResult Unknown(string id) => Problems.NotFound($"no run '{id}' (finished runs are kept for a while, then forgotten)");

    private static async IAsyncEnumerable<RunState> Progress(RunJob job, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var last = -1;
        var status = RunStatus.Queued;
        while (!cancellation.IsCancellationRequested)
        {
            var (done, now) = (job.Done, job.Status);
            if (done != last || now != status)
            {
                (last, status) = (done, now);
                yield return job.State();
            }

            if (job.IsFinished)
            {
                yield break;
            }

            try
            {
                await Task.Delay(150, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private static async Task<Results<Accepted<RunState>, ProblemHttpResult>> Post(HttpRequest request, StoreGate store, RunQueue queue, TimeProvider time, WebOptions options)
    {
        var text = await Body.ReadText(request, options.MaxBodyBytes).ConfigureAwait(false);
        if (text is null)
        {
            return Body.TooLarge(options.MaxBodyBytes);
        }

        try
        {
            var asked = RunRequest.Parse(text);
            var threads = asked.Threads ?? options.MaxThreadsPerRun;
            SimulationResults.CheckSize(asked.Runs, threads);
            if (asked.Runs > options.MaxRuns)
            {
                throw new LinchpinException($"--runs: {asked.Runs} is more than this server runs ({options.MaxRuns})");
            }

            var scenario = asked.Scenario.Contains('\n', StringComparison.Ordinal) || asked.Scenario.Contains(':', StringComparison.Ordinal)
                ? ScenarioFile.Parse(asked.Scenario, ScenariosApi.PostedName)
                : BuiltInScenarios.Load(asked.Scenario.Trim());
            var ensemble = store.Read(s => EnsembleAdapter.Prepare(s, scenario));
            // Files are kept only for ensembles whose trajectories fit the server's bound; larger ones give their summary alone.
            var keepsFiles = ensemble.CellsPerRun * asked.Runs <= options.MaxTrajectoryCells;
            var job = new RunJob(ensemble, asked.Runs, asked.Seed, Math.Min(threads, options.MaxThreadsPerRun), keepsFiles, time.GetUtcNow());
            if (!queue.TryAdd(job))
            {
                return Problems.Busy($"the run queue is full ({options.QueueCapacity} waiting); try again later");
            }

            return TypedResults.Accepted($"/api/v1/runs/{job.Id}", job.State());
        }
        catch (LinchpinException error)
        {
            return Problems.From(error);
        }
    }
}

/// <summary>
/// The body of <c>POST /api/v1/runs</c>, named like <c>linchpin simulate</c>'s options.
/// </summary>
/// <param name="Scenario">A built-in scenario name, or a scenario's YAML (or JSON) text.</param>
/// <param name="Runs">Number of runs (default 1000).</param>
/// <param name="Seed">Ensemble seed (default 42).</param>
/// <param name="Threads">Threads (results do not depend on it; default and cap: the server's).</param>
internal sealed record RunRequest(string Scenario, int Runs = 1000, ulong Seed = 42, int? Threads = null)
{
    /// <summary>Reads the body, with the command line's messages for a missing or mistyped field.</summary>
    public static RunRequest Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException error)
        {
            throw new LinchpinException($"request body: not JSON: {error.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LinchpinException("request body: expected a JSON object such as {\"scenario\": \"sma-2019\", \"runs\": 1000, \"seed\": 42}");
            }

            string? scenario = null;
            int runs = 1000;
            ulong seed = 42;
            int? threads = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "scenario":
                        scenario = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : throw Bad("scenario", "a name or YAML text");
                        break;
                    case "runs":
                        runs = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var r) ? r : throw Bad("runs", "a whole number");
                        break;
                    case "seed":
                        seed = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetUInt64(out var s) ? s : throw Bad("seed", "a whole number from 0");
                        break;
                    case "threads":
                        threads = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var t) ? t : throw Bad("threads", "a whole number");
                        break;
                    default:
                        throw new LinchpinException($"request body: unknown field '{property.Name}' (use scenario, runs, seed, threads)");
                }
            }

            if (string.IsNullOrWhiteSpace(scenario))
            {
                throw new LinchpinException("Option '--scenario' is required.");
            }

            return new RunRequest(scenario, runs, seed, threads);
        }

        static LinchpinException Bad(string field, string expected) => new($"--{field}: expected {expected}");
    }
}
