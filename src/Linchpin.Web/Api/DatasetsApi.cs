using System.Globalization;
using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Web.Api;

/// <summary>
/// <c>/api/v1/datasets</c>: the datasets (<c>linchpin data list</c>), their citations
/// (<c>data cite</c>) and their rows, filtered by column values and paged. Filters are values
/// compared for equality, never SQL text.
/// </summary>
internal static class DatasetsApi
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "offset", "limit", "format", "view" };

    public static RouteGroupBuilder MapDatasets(this RouteGroupBuilder api, WebOptions options)
    {
        var group = api.MapGroup("/datasets").WithTags("Datasets");
        group.MapGet("/", (HttpContext context, StoreGate store, ResponseCache cache, string? format) =>
            Respond.With(context, cache, () => store.Read(s => Payload.Table(DatasetResults.List(s), Respond.Format(format), "datasets", Respond.ProvenanceOf(context, s.Datasets)))))
            .WithSummary("Every dataset: name, version, years covered, rows, origin, title, licence (linchpin data list)");
        group.MapGet("/cite", (HttpContext context, StoreGate store, ResponseCache cache, string? name, string? format) =>
            Respond.With(context, cache, () => store.Read(s =>
            {
                var datasets = name is null ? s.Datasets : [s.Dataset(name)];
                return Payload.Table(DatasetResults.Cite(datasets), Respond.Format(format), "citations", null);
            })))
            .WithSummary("How to cite a dataset, or every dataset (linchpin data cite)");
        group.MapGet("/{name}/rows", (HttpContext context, StoreGate store, ResponseCache cache, string name, int? offset, int? limit, string? format) =>
            Respond.With(context, cache, () => Rows(context, store, name, offset ?? 0, limit ?? 100, Respond.Format(format), options.MaxPageRows)))
            .WithSummary("Rows of a dataset: any other query parameter named like a column keeps the rows with that value (e.g. ?ccode=2&year=2016); offset and limit page them");
        return api;
    }

    private static Payload Rows(HttpContext context, StoreGate store, string name, int offset, int limit, string format, int maxRows)
    {
        if (limit < 0 || limit > maxRows)
        {
            throw new LinchpinException($"--limit: must be from 0 to {maxRows}, got {limit}");
        }

        if (offset < 0)
        {
            throw new LinchpinException($"--offset: must be zero or more, got {offset}");
        }

        return store.Read(s =>
        {
            var table = s.Require(name);
            var dataset = s.Dataset(name);
            var columns = s.Query($"SELECT * FROM \"{table}\" LIMIT 0").Columns;
            var conditions = new List<string>();
            var parameters = new List<(string, object?)>();
            foreach (var (key, values) in context.Request.Query.Where(q => !Reserved.Contains(q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                var column = columns.FirstOrDefault(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase))
                    ?? throw new LinchpinException($"{dataset.Name}: no column '{key}' (columns: {string.Join(", ", columns.Select(c => c.Name))})");
                var parameter = $"p{parameters.Count}";
                conditions.Add($"\"{column.Name}\" = ${parameter}");
                parameters.Add((parameter, Typed(column, values.ToString())));
            }

            var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
            var sql = string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM \"{table}\"{where} LIMIT {limit} OFFSET {offset}");
            return Payload.Table(s.Query(sql, [.. parameters]), format, dataset.Name, Respond.ProvenanceOf(context, [dataset]));
        });
    }

    private static object Typed(ResultColumn column, string text)
    {
        var type = Nullable.GetUnderlyingType(column.Type) ?? column.Type;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var flag) ? flag : throw Bad();
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Bad();
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : throw Bad();
        }

        return text;

        LinchpinException Bad() => new($"{column.Name}: '{text}' is not a {type.Name.ToLowerInvariant()} value");
    }
}
