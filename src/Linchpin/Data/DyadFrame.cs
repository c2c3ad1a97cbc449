namespace Linchpin.Data;

/// <summary>A column of a <see cref="DyadFrame"/>.</summary>
/// <param name="Name">Column name, e.g. <c>atop_defense</c> or <c>cinc1</c>.</param>
/// <param name="Type">The type of its values.</param>
public sealed record DyadColumn(string Name, ColumnType Type);

/// <summary>
/// A dyad-year frame: the keys (ccode1, ccode2, year) in sorted order, and the joined columns,
/// which are read from the source tables when asked for rather than copied per row. Missing
/// values are reported as missing, never as zero.
/// </summary>
public sealed class DyadFrame
{
    private readonly int[] _ccode1;
    private readonly int[] _ccode2;
    private readonly int[] _year;
    private readonly Source[] _sources;
    private readonly int[]? _atopRow;
    private readonly int[][] _atopProvisions;
    private readonly YearRange _atopCoverage;

    internal DyadFrame(int[] ccode1, int[] ccode2, int[] year, IReadOnlyList<DyadColumn> columns, Source[] sources, int[]? atopRow, IReadOnlyList<int[]> atopProvisions, YearRange atopCoverage, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Metadata = metadata ?? new Dictionary<string, string>();
        _ccode1 = ccode1;
        _ccode2 = ccode2;
        _year = year;
        Columns = columns;
        _sources = sources;
        _atopRow = atopRow;
        _atopProvisions = [.. atopProvisions];
        _atopCoverage = atopCoverage;
    }

    internal enum Kind
    {
        Ccode1,
        Ccode2,
        Year,
        AtopAlliance,
        AtopProvision,
        Side1,
        Side2,
        Row,
    }

    /// <summary>Provenance written with the frame where the file format allows (Parquet key-value metadata).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => _year.Length;

    /// <summary>The columns, in output order.</summary>
    public IReadOnlyList<DyadColumn> Columns { get; }

    /// <summary>ccode1 of each row.</summary>
    public ReadOnlySpan<int> Ccode1 => _ccode1;

    /// <summary>ccode2 of each row.</summary>
    public ReadOnlySpan<int> Ccode2 => _ccode2;

    /// <summary>The year of each row.</summary>
    public ReadOnlySpan<int> Year => _year;

    /// <summary>A copy of the frame with one more column holding a value per row (e.g. a measure computed for each dyad-year).</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row (ignored where not present).</param>
    /// <param name="present">Whether each value is present; missing values stay missing.</param>
    /// <exception cref="ArgumentException">The arrays do not have one value per row.</exception>
    public DyadFrame WithColumn(string name, double[] values, bool[] present)
    {
        ArgumentNullException.ThrowIfNull(name);
        var column = ValueColumn.OfDoubles(name, values, present);
        if (column.Count != RowCount)
        {
            throw new ArgumentException($"{name}: {column.Count} values for {RowCount} rows", nameof(values));
        }

        return new DyadFrame(_ccode1, _ccode2, _year, [.. Columns, new DyadColumn(name, ColumnType.Double)], [.. _sources, new Source(Kind.Row, Values: column)], _atopRow, _atopProvisions, _atopCoverage, Metadata);
    }

    /// <summary>A copy of the frame with provenance entries (tool and dataset versions, options) to write with it.</summary>
    public DyadFrame WithMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var merged = Metadata.ToDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            merged[key] = value;
        }

        return new DyadFrame(_ccode1, _ccode2, _year, Columns, _sources, _atopRow, _atopProvisions, _atopCoverage, merged);
    }

    /// <summary>Index of the named column.</summary>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"no column '{name}'");
    }

    /// <summary>
    /// Copies the values of an integer column for rows <paramref name="start"/> onwards into
    /// <paramref name="values"/> (0 where missing) and whether each is present into <paramref name="present"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not an integer column, or the spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rows run past the end of the frame.</exception>
    public void Fill(int column, int start, Span<long> values, Span<bool> present)
    {
        CheckFill(column, start, values.Length, present.Length, wantDouble: false);
        for (var i = 0; i < values.Length; i++)
        {
            present[i] = TryInteger(column, start + i, out values[i]);
        }
    }

    /// <summary>
    /// Copies the values of a double column for rows <paramref name="start"/> onwards into
    /// <paramref name="values"/> (0 where missing) and whether each is present into <paramref name="present"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not a double column, or the spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rows run past the end of the frame.</exception>
    public void Fill(int column, int start, Span<double> values, Span<bool> present)
    {
        CheckFill(column, start, values.Length, present.Length, wantDouble: true);
        for (var i = 0; i < values.Length; i++)
        {
            present[i] = TryDouble(column, start + i, out values[i]);
        }
    }

    /// <summary>One value: <c>int</c>, <c>long</c> or <c>double</c> by the column's type, or <c>null</c> where missing.</summary>
    public object? Value(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        return Columns[column].Type switch
        {
            ColumnType.Double => TryDouble(column, row, out var d) ? d : null,
            ColumnType.Int32 => TryInteger(column, row, out var i) ? (int)i : null,
            _ => TryInteger(column, row, out var l) ? l : null,
        };
    }

    /// <summary>The frame (or <paramref name="limit"/> rows from row <paramref name="offset"/>) as a <see cref="ResultTable"/>.</summary>
    public ResultTable ToResultTable(int? limit = null, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var start = Math.Min(offset, RowCount);
        var count = Math.Min(RowCount - start, limit ?? int.MaxValue);
        var columns = Columns.Select(c => new ResultColumn(c.Name, c.Type switch
        {
            ColumnType.Int32 => typeof(int),
            ColumnType.Int64 => typeof(long),
            _ => typeof(double),
        })).ToArray();
        var rows = new IReadOnlyList<object?>[count];
        for (var r = 0; r < count; r++)
        {
            var row = new object?[columns.Length];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Value(start + r, c);
            }

            rows[r] = row;
        }

        return new ResultTable(columns, rows);
    }

    /// <summary>For each row, the matching ATOP row, or -1 where there is none; <c>null</c> without ATOP.</summary>
    internal ReadOnlySpan<int> AtopRows => _atopRow;

    /// <summary>The ATOP provision values, by provision and ATOP row.</summary>
    internal int[][] AtopProvisionValues => _atopProvisions;

    /// <summary>The years ATOP covers.</summary>
    internal YearRange AtopCoverage => _atopCoverage;

    /// <summary>Where a column's values come from.</summary>
    internal Source SourceOf(int column) => _sources[column];

    /// <summary>For a column of state-year values, the source row for <paramref name="row"/>, or -1 where there is none.</summary>
    internal int StateYearRow(in Source source, int row) =>
        source.Kind == Kind.Row ? row : source.Table!.RowOf(source.Kind == Kind.Side1 ? _ccode1[row] : _ccode2[row], _year[row]);

    /// <summary>An integer value (keys, ATOP, integer state-year columns).</summary>
    internal bool TryInteger(int column, int row, out long value)
    {
        var source = _sources[column];
        switch (source.Kind)
        {
            case Kind.Ccode1:
                value = _ccode1[row];
                return true;
            case Kind.Ccode2:
                value = _ccode2[row];
                return true;
            case Kind.Year:
                value = _year[row];
                return true;
            case Kind.AtopAlliance:
            case Kind.AtopProvision:
                var atop = AtopValue(source, row);
                value = Math.Max(atop, 0);
                return atop >= 0;
            default:
                var at = StateYearRow(source, row);
                if (at >= 0 && source.Values!.Present[at])
                {
                    value = source.Values.Integers![at];
                    return true;
                }

                value = 0;
                return false;
        }
    }

    /// <summary>A double value (double state-year columns).</summary>
    internal bool TryDouble(int column, int row, out double value)
    {
        var source = _sources[column];
        var at = StateYearRow(source, row);
        if (at >= 0 && source.Values!.Present[at])
        {
            value = source.Values.Doubles![at];
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>An ATOP value, 0 or 1, or -1 where missing (outside ATOP's coverage).</summary>
    internal int AtopValue(in Source source, int row)
    {
        var at = _atopRow![row];
        if (at >= 0)
        {
            return source.Kind == Kind.AtopAlliance ? 1 : _atopProvisions[source.Provision][at];
        }

        return _atopCoverage.Contains(_year[row]) ? 0 : -1;
    }

    private void CheckFill(int column, int start, int valueCount, int presentCount, bool wantDouble)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns.Count, nameof(column));
        if ((Columns[column].Type == ColumnType.Double) != wantDouble)
        {
            throw new ArgumentException($"column '{Columns[column].Name}' is {Columns[column].Type}", nameof(column));
        }

        if (valueCount != presentCount)
        {
            throw new ArgumentException("values and presence flags differ in length", nameof(presentCount));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + valueCount, RowCount, nameof(start));
    }

    /// <summary>Where a column's values come from: a key, an ATOP provision, or a state-year table column for one side.</summary>
    internal readonly record struct Source(Kind Kind, int Provision = 0, StateYearTable? Table = null, ValueColumn? Values = null);
}
