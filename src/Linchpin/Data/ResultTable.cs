namespace Linchpin.Data;

/// <summary>A column of a <see cref="ResultTable"/>.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">CLR type of its non-missing values.</param>
public sealed record ResultColumn(string Name, Type Type);

/// <summary>
/// A rectangular result: named, typed columns and rows of values, where <c>null</c> is a missing
/// value (never silently zero). What queries return and what the command line renders as a
/// table, CSV or JSON.
/// </summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows; each has one value per column.</param>
public sealed record ResultTable(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Index of the named column.</summary>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"no column '{column}'");
    }

    /// <summary>The values of one column, in row order.</summary>
    public IEnumerable<object?> Column(string column)
    {
        var i = IndexOf(column);
        return Rows.Select(r => r[i]);
    }
}
