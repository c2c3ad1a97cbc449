using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>Builds a <see cref="ResultTable"/> from named columns and rows of values; a column's type is that of its first non-missing value.</summary>
public sealed class ResultRows
{
    private readonly string[] _columns;
    private readonly List<object?[]> _rows = [];

    /// <summary>A builder for rows with these columns, in this order.</summary>
    public ResultRows(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
    }

    /// <summary>Adds a row: one value per column, <c>null</c> for a missing value.</summary>
    /// <exception cref="ArgumentException">Not one value per column.</exception>
    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"expected {_columns.Length} values, got {values.Length}", nameof(values));
        }

        _rows.Add(values);
    }

    /// <summary>The table of the rows added so far.</summary>
    public ResultTable Build() => new(
        [.. _columns.Select((name, i) => new ResultColumn(name, _rows.Select(r => r[i]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string)))],
        [.. _rows.Select(r => (IReadOnlyList<object?>)r)]);
}

/// <summary>
/// A command's tabular result: the table (every column, as CSV and JSON give it), its title, the
/// columns a table for people shows, and the notes printed under it.
/// </summary>
/// <param name="Title">The title of the printed table.</param>
/// <param name="Table">Every column and row.</param>
/// <param name="TableColumns">The columns a printed table shows; <c>null</c> for all.</param>
/// <param name="Notes">Notes for people (caveats, counts, left-out members).</param>
public sealed record TableResult(string Title, ResultTable Table, IReadOnlyList<string>? TableColumns, IReadOnlyList<string> Notes);
