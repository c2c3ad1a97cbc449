using Linchpin.Data;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary>The shared steps of the read-only endpoints: make (or reuse) the payload, turn Linchpin errors into problems.</summary>
internal static class Respond
{
    /// <summary>Makes the payload (through the cache when <paramref name="cache"/> is given); a Linchpin error becomes a problem.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> With(HttpContext context, ResponseCache? cache, Func<Payload> make)
    {
        try
        {
            var payload = cache is null ? make() : cache.GetOrAdd(context, make);
            return payload.ToResult(context);
        }
        catch (LinchpinException error)
        {
            return Problems.From(error);
        }
    }

    /// <summary>A table result as JSON (the command line's shape), CSV, or with <c>view=full</c> its title and notes too.</summary>
    public static Payload Table(HttpContext context, TableResult result, string? format, string? view, string stem, IReadOnlyList<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chosen = Format(format);
        if (chosen == "json" && string.Equals(view, "full", StringComparison.OrdinalIgnoreCase))
        {
            return Payload.Full(result);
        }

        return Payload.Table(result.Table, chosen, stem, ProvenanceOf(context, datasets), result.Notes);
    }

    /// <summary><c>json</c> (default) or <c>csv</c>.</summary>
    public static string Format(string? format) => (format ?? "json").Trim().ToLowerInvariant() switch
    {
        "json" => "json",
        "csv" => "csv",
        var other => throw new LinchpinException($"--format: unknown format '{other}': use json or csv"),
    };

    /// <summary>What made a download: the request as its command, its query as parameters, the datasets read.</summary>
    public static Provenance ProvenanceOf(HttpContext context, IReadOnlyList<DatasetInfo> datasets, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return new Provenance(
            $"{request.Method} {request.Path}{request.QueryString}",
            [.. request.Query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString()))],
            [.. datasets.Select(DatasetVersion.Of)],
            seed);
    }

    /// <summary>A required query value, with the command line's message when it is missing.</summary>
    public static T Required<T>(T? value, string option)
        where T : struct =>
        value ?? throw new LinchpinException($"Option '--{option}' is required.");

    /// <summary>A required query text, with the command line's message when it is missing.</summary>
    public static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new LinchpinException($"Option '--{option}' is required.") : value;
}
