using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>The datasets as <c>linchpin data list|cite</c> gives them.</summary>
public static class DatasetResults
{
    /// <summary>Every dataset: name, version, years covered, rows, origin, title, licence (loads every dataset to count its rows).</summary>
    public static ResultTable List(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = store.Status()
            .Select(s => (IReadOnlyList<object?>)
            [
                s.Dataset.Name, s.Dataset.Version, s.Dataset.Coverage.ToString(), s.Rows,
                s.Dataset.Origin == DatasetOrigin.Shipped ? "shipped" : "imported", s.Dataset.Title, s.Dataset.Licence,
            ])
            .ToList();
        return new ResultTable(
            [
                new("name", typeof(string)), new("version", typeof(string)), new("years", typeof(string)), new("rows", typeof(long)),
                new("origin", typeof(string)), new("title", typeof(string)), new("licence", typeof(string)),
            ],
            rows);
    }

    /// <summary>The citation, version, source and licence of each dataset.</summary>
    public static ResultTable Cite(IEnumerable<DatasetInfo> datasets) =>
        new(
            [
                new("name", typeof(string)), new("title", typeof(string)), new("version", typeof(string)), new("years", typeof(string)),
                new("citation", typeof(string)), new("source", typeof(string)), new("licence", typeof(string)),
            ],
            [.. datasets.Select(d => (IReadOnlyList<object?>)[d.Name, d.Title, d.Version, d.Coverage.ToString(), d.Citation, d.Source, d.Licence])]);
}
