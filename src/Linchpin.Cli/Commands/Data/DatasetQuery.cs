using Linchpin.Data;

namespace Linchpin.Cli.Commands.Data;

/// <summary>Builds the checked SELECT behind <c>data show</c> and <c>data export</c>.</summary>
internal static class DatasetQuery
{
    public static string Select(WorldStore store, string dataset, string? where, int? limit)
    {
        var table = store.Require(dataset);
        var sql = $"SELECT * FROM \"{table}\"";
        if (!string.IsNullOrWhiteSpace(where))
        {
            sql += $" WHERE ({where})";
        }

        if (limit is not null)
        {
            sql += $" LIMIT {limit.Value}";
        }

        // The condition is user text: the whole statement must still be one read-only SELECT.
        store.CheckReadOnly(sql);
        return sql;
    }
}
