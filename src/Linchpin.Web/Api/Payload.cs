using System.Text;
using System.Text.Json;
using Linchpin.Data;
using Linchpin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace Linchpin.Web.Api;

/// <summary>A finished response body: its bytes, media type and, for a download, the file name.</summary>
internal sealed record Payload(byte[] Body, string ContentType, string? FileName = null, string? Provenance = null, long? TotalRows = null)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    public FileContentHttpResult ToResult(HttpContext context)
    {
        if (Provenance is not null)
        {
            context.Response.Headers["Linchpin-Provenance"] = Provenance;
        }

        if (TotalRows is { } total)
        {
            context.Response.Headers["Linchpin-Total-Rows"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.File(Body, ContentType, FileName);
    }

    /// <summary>
    /// A table as the command line's JSON (<c>{"rows", "notes", "warnings"}</c>, with its final line
    /// end), or as CSV (the rows only, as the command line's standard output).
    /// </summary>
    public static Payload Table(ResultTable table, string format, string stem, Provenance? provenance, IEnumerable<string>? notes = null) => format switch
    {
        "csv" => new(Encoding.UTF8.GetBytes(CsvText(table)), Csv, stem + ".csv", Ascii(provenance)),
        _ => new(Encoding.UTF8.GetBytes(ResultJson.Document(table, ResultNotes.WithNonFinite(table, notes ?? [])) + "\n"), Json),
    };

    /// <summary>A result with its title and notes, for the pages: <c>{"title", "notes", "rows"}</c>.</summary>
    public static Payload Full(TableResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ResultJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("title", result.Title);
            json.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WritePropertyName("rows");
            ResultJson.Write(json, result.Table);
            json.WriteEndObject();
        }

        return new(stream.ToArray(), Json);
    }

    /// <summary>Several named tables as one JSON object.</summary>
    public static Payload Tables(params (string Name, ResultTable Table)[] tables)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ResultJson.Options))
        {
            json.WriteStartObject();
            foreach (var (name, table) in tables)
            {
                json.WritePropertyName(name);
                ResultJson.Write(json, table);
            }

            json.WriteEndObject();
        }

        return new(stream.ToArray(), Json);
    }

    public static string CsvText(ResultTable table)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        CsvOutput.Write(writer, [.. table.Columns.Select(c => c.Name)], table.Rows);
        return writer.ToString();
    }

    /// <summary>The provenance as one line of ASCII JSON (non-ASCII characters escaped), fit for a header.</summary>
    public static string? Ascii(Provenance? provenance)
    {
        if (provenance is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var c in provenance.ToJson())
        {
            if (c is < ' ' or > '~')
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Finished responses of read-only endpoints, keyed by path and query: the data do not change
/// while the server runs. Bounded in bytes; the least recently used go first.
/// </summary>
internal sealed class ResponseCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L << 20 });

    public Payload GetOrAdd(HttpContext context, Func<Payload> make)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (_cache.TryGetValue(key, out Payload? hit) && hit is not null)
        {
            return hit;
        }

        var payload = make();
        if (payload.Body.Length < (8 << 20))
        {
            _cache.Set(key, payload, new MemoryCacheEntryOptions { Size = payload.Body.Length + key.Length + 64 });
        }

        return payload;
    }

    public void Dispose() => _cache.Dispose();
}
