namespace Linchpin.Data;

/// <summary>One spell of a state's membership in the COW state system, both days inclusive.</summary>
/// <param name="Ccode">COW state code (0–999).</param>
/// <param name="Start">First day in the system.</param>
/// <param name="End">Last day in the system.</param>
public readonly record struct StateSpell(int Ccode, DateOnly Start, DateOnly End);

/// <summary>The type of a column of dyad-year or state-year values.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name the storage types.")]
public enum ColumnType
{
    /// <summary>32-bit integers.</summary>
    Int32,

    /// <summary>64-bit integers.</summary>
    Int64,

    /// <summary>Double-precision numbers.</summary>
    Double,
}

/// <summary>
/// A column of a <see cref="StateYearTable"/>: values with a presence flag each, so a missing
/// value is never read as zero. Integer columns keep their values in <see cref="Integers"/>,
/// double columns in <see cref="Doubles"/>.
/// </summary>
public sealed class ValueColumn
{
    private ValueColumn(string name, ColumnType type, long[]? integers, double[]? doubles, bool[] present)
    {
        Name = name;
        Type = type;
        Integers = integers;
        Doubles = doubles;
        Present = present;
    }

    /// <summary>Column name, e.g. <c>milex</c>.</summary>
    public string Name { get; }

    /// <summary>The type of its values.</summary>
    public ColumnType Type { get; }

    /// <summary>The values of an integer column (0 where missing); <c>null</c> for a double column.</summary>
    public long[]? Integers { get; }

    /// <summary>The values of a double column (0 where missing); <c>null</c> for an integer column.</summary>
    public double[]? Doubles { get; }

    /// <summary>Whether each value is present.</summary>
    public bool[] Present { get; }

    /// <summary>The number of values.</summary>
    public int Count => Present.Length;

    /// <summary>An integer column (<see cref="ColumnType.Int32"/> or <see cref="ColumnType.Int64"/>).</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or <paramref name="type"/> is not an integer type.</exception>
    public static ValueColumn OfIntegers(string name, ColumnType type, long[] values, bool[] present)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(present);
        if (type == ColumnType.Double)
        {
            throw new ArgumentException("an integer column needs an integer type", nameof(type));
        }

        return values.Length == present.Length
            ? new ValueColumn(name, type, values, null, present)
            : throw new ArgumentException($"{name}: {values.Length} values but {present.Length} presence flags", nameof(present));
    }

    /// <summary>A double column.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static ValueColumn OfDoubles(string name, double[] values, bool[] present)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(present);
        return values.Length == present.Length
            ? new ValueColumn(name, ColumnType.Double, null, values, present)
            : throw new ArgumentException($"{name}: {values.Length} values but {present.Length} presence flags", nameof(present));
    }

    /// <summary>The value at <paramref name="index"/> (<c>long</c> or <c>double</c>), or <c>null</c> where missing.</summary>
    public object? Value(int index) =>
        !Present[index] ? null : Integers is { } integers ? integers[index] : Doubles![index];
}

/// <summary>
/// Values per state and year (NMC, GDP), at most one row per state-year, found by
/// <see cref="RowOf"/> in constant time.
/// </summary>
public sealed class StateYearTable
{
    private const int CcodeLimit = 1000;
    private readonly int[] _rowOf;

    /// <summary>Builds the table and its index.</summary>
    /// <param name="ccode">COW code of each row (0–999).</param>
    /// <param name="year">Year of each row.</param>
    /// <param name="columns">The value columns, one value per row each.</param>
    /// <exception cref="ArgumentException">A code is out of range, a state-year appears twice, or a column has the wrong length.</exception>
    public StateYearTable(int[] ccode, int[] year, IReadOnlyList<ValueColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(ccode);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(columns);
        if (ccode.Length != year.Length || columns.Any(c => c.Count != ccode.Length))
        {
            throw new ArgumentException("every column needs one value per row", nameof(columns));
        }

        Columns = columns;
        FirstYear = year.Length == 0 ? 0 : year.Min();
        YearCount = year.Length == 0 ? 0 : year.Max() - FirstYear + 1;
        _rowOf = new int[CcodeLimit * YearCount];
        Array.Fill(_rowOf, -1);
        for (var i = 0; i < ccode.Length; i++)
        {
            if ((uint)ccode[i] >= CcodeLimit)
            {
                throw new ArgumentException($"row {i}: ccode {ccode[i]} is outside 0-999", nameof(ccode));
            }

            ref var slot = ref _rowOf[(ccode[i] * YearCount) + year[i] - FirstYear];
            if (slot >= 0)
            {
                throw new ArgumentException($"row {i}: state {ccode[i]} in {year[i]} appears twice", nameof(year));
            }

            slot = i;
        }
    }

    /// <summary>The value columns.</summary>
    public IReadOnlyList<ValueColumn> Columns { get; }

    /// <summary>The earliest year in the table.</summary>
    public int FirstYear { get; }

    /// <summary>The number of years from the earliest to the latest.</summary>
    public int YearCount { get; }

    /// <summary>The named column.</summary>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    public ValueColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no column '{name}'");

    /// <summary>The row of each state-year, at <c>ccode * YearCount + year - FirstYear</c>; -1 where there is none.</summary>
    internal ReadOnlySpan<int> RowIndex => _rowOf;

    /// <summary>The row of a state-year, or -1 where the table has none.</summary>
    public int RowOf(int ccode, int year)
    {
        var y = year - FirstYear;
        return (uint)ccode < CcodeLimit && (uint)y < (uint)YearCount ? _rowOf[(ccode * YearCount) + y] : -1;
    }
}

/// <summary>
/// ATOP directed dyad-years: one row per (ccode1, ccode2, year) with an alliance, and its five
/// provisions, each 0 or 1.
/// </summary>
/// <param name="Ccode1">COW code of the state making the pledges.</param>
/// <param name="Ccode2">COW code of the state they are made to.</param>
/// <param name="Year">Year.</param>
/// <param name="Provisions">Five columns in the order of <see cref="DyadYears.AtopProvisions"/>, one value per row each.</param>
/// <param name="Coverage">The years ATOP covers: inside them a dyad without a row has no alliance (0), outside them values are missing.</param>
public sealed record AtopDyadYears(int[] Ccode1, int[] Ccode2, int[] Year, IReadOnlyList<int[]> Provisions, YearRange Coverage)
{
    /// <summary>The number of rows.</summary>
    public int Count => Year.Length;
}

/// <summary>What a dyad-year frame is built from: the state-system spells and the datasets to join (those not joined may be <c>null</c>).</summary>
/// <param name="Spells">Membership spells of the COW state system.</param>
/// <param name="Atop">ATOP directed dyad-years.</param>
/// <param name="Nmc">NMC state-years with <c>milex</c>, <c>milper</c>, <c>irst</c>, <c>pec</c>, <c>tpop</c>, <c>upop</c>, <c>cinc</c>.</param>
/// <param name="Gdp">Fariss et al. state-years with <c>pwtrgdp</c>, <c>mrgdppc</c>, <c>pwtpop</c>.</param>
public sealed record DyadInputs(IReadOnlyList<StateSpell> Spells, AtopDyadYears? Atop, StateYearTable? Nmc, StateYearTable? Gdp);
