using System.IO.Pipelines;
using Linchpin.Data;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary>
/// <c>/api/v1/dyads</c>: dyad-years with ATOP, NMC and GDP joined, as <c>linchpin dyads</c>: a page
/// of rows as JSON, or the whole range streamed as CSV or Parquet (with provenance).
/// </summary>
internal static class DyadsApi
{
    public static RouteGroupBuilder MapDyads(this RouteGroupBuilder api, WebOptions options)
    {
        api.MapGet("/dyads", async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> (HttpContext context, DyadFrames frames, ResponseCache cache,
            int? from, int? to, bool? undirected, string? with, string? euReference, string? euRisk, int? offset, int? limit, string? format, CancellationToken cancellation) =>
        {
            try
            {
                var joins = DyadOptions.ParseJoins(with ?? "atop,nmc");
                var eu = DyadOptions.ExpectedUtility(euReference ?? "regional", euRisk ?? "0");
                var request = new DyadYearRequest(from ?? DyadYearRequest.FirstSystemYear, to ?? DyadYearRequest.LastListedYear, undirected != true, joins, eu);
                request.Validate(DateTime.UtcNow.Year - 1);
                var chosen = (format ?? "json").Trim().ToLowerInvariant();
                switch (chosen)
                {
                    case "json":
                        var (start, count) = (offset ?? 0, limit ?? 1000);
                        if (count < 0 || count > options.MaxPageRows)
                        {
                            throw new LinchpinException($"--limit: must be from 0 to {options.MaxPageRows}, got {count}");
                        }

                        if (start < 0)
                        {
                            throw new LinchpinException($"--offset: must be zero or more, got {start}");
                        }

                        return cache.GetOrAdd(context, () =>
                        {
                            var frame = frames.Get(request) ?? throw new BusyException();
                            return Payload.Table(frame.ToResultTable(count, start), "json", "dyads", null) with { TotalRows = frame.RowCount };
                        }).ToResult(context);
                    case "csv" or "parquet":
                        var whole = frames.Get(request) ?? throw new BusyException();
                        var provenance = new Provenance($"GET {context.Request.Path}{context.Request.QueryString}",
                            [new("from", CsvOutput.Format(request.From)), new("to", CsvOutput.Format(request.To)),
                             new("directed", CsvOutput.Format(request.Directed)), new("with", DyadOptions.Text(joins)),
                             .. joins.HasFlag(DyadJoins.Eu)
                                 ? new KeyValuePair<string, string>[] { new("eu_reference", eu.Reference == Games.ExpectedUtility.EuReference.Systemic ? "systemic" : "regional"), new("eu_risk", CsvOutput.Format(eu.Risk)) }
                                 : []],
                            [.. ShippedDyadData.DatasetsFor(joins).Select(DatasetVersion.Of)]);
                        var name = $"dyads-{request.From}-{request.To}.{chosen}";
                        context.Response.ContentType = chosen == "csv" ? Payload.Csv : "application/vnd.apache.parquet";
                        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                        context.Response.Headers["Linchpin-Provenance"] = Payload.Ascii(provenance);
                        // The writers are synchronous: one writes into a bounded pipe on its own thread while the response reads it.
                        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
                        var writing = Task.Run(() =>
                        {
                            using var stream = pipe.Writer.AsStream();
                            if (chosen == "csv")
                            {
                                DyadFrameFile.WriteCsv(whole, stream);
                            }
                            else
                            {
                                DyadParquet.Write(whole, stream, provenance);
                            }
                        }, CancellationToken.None);
                        try
                        {
                            await pipe.Reader.CopyToAsync(context.Response.Body, cancellation).ConfigureAwait(false);
                        }
                        finally
                        {
                            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
                            await writing.ConfigureAwait(false);
                        }

                        return TypedResults.Empty;
                    default:
                        throw new LinchpinException($"--format: unknown format '{chosen}': use json, csv or parquet");
                }
            }
            catch (LinchpinException error)
            {
                return Problems.From(error);
            }
            catch (BusyException)
            {
                return Problems.Busy("the server is building other dyad-years; try again shortly");
            }
        }).WithTags("Dyads")
          .WithSummary("Dyad-years of the COW state system with ATOP 5.1, NMC 7.0, GDP and expected utility joined (linchpin dyads; with=atop,nmc,gdp,eu, euReference, euRisk): format=json gives a page (offset, limit ≤ 10000; header Linchpin-Total-Rows), csv or parquet the whole range");
        return api;
    }

    private sealed class BusyException : Exception;
}

/// <summary>
/// Dyad-year frames, built once per request (range, direction, joins) and kept while they fit in a
/// row budget; one built at a time, a request waiting too long for its turn is turned away.
/// </summary>
internal sealed class DyadFrames : IDisposable
{
    private const long RowBudget = 4_000_000;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _lock = new();
    private readonly LinkedList<(DyadYearRequest Key, DyadFrame Frame)> _frames = [];
    private readonly Dictionary<DyadJoins, DyadInputs> _inputs = [];

    /// <summary>The frame of a request, or <c>null</c> when the server stayed busy for 30 s.</summary>
    public DyadFrame? Get(DyadYearRequest request)
    {
        if (Find(request) is { } hit)
        {
            return hit;
        }

        if (!_building.Wait(TimeSpan.FromSeconds(30)))
        {
            return null;
        }

        try
        {
            if (Find(request) is { } built)
            {
                return built;
            }

            if (!_inputs.TryGetValue(request.Joins, out var inputs))
            {
                inputs = ShippedDyadData.Load(request.Joins);
                _inputs[request.Joins] = inputs;
            }

            var frame = DyadYears.Build(inputs, request);
            lock (_lock)
            {
                _frames.AddFirst((request, frame));
                var rows = _frames.Sum(f => (long)f.Frame.RowCount);
                while (_frames.Count > 1 && rows > RowBudget)
                {
                    rows -= _frames.Last!.Value.Frame.RowCount;
                    _frames.RemoveLast();
                }
            }

            return frame;
        }
        finally
        {
            _building.Release();
        }
    }

    private DyadFrame? Find(DyadYearRequest request)
    {
        lock (_lock)
        {
            for (var node = _frames.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == request)
                {
                    _frames.Remove(node);
                    _frames.AddFirst(node);
                    return node.Value.Frame;
                }
            }
        }

        return null;
    }

    public void Dispose() => _building.Dispose();
}
