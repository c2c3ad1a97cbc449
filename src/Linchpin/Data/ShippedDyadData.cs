using System.Buffers.Text;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>
/// Reads the inputs of a dyad-year frame (COW states, ATOP 5.1, NMC 7.0, Fariss et al. GDP):
/// straight from the embedded data files, small plain CSV files read once without a database, or
/// from the tables of a <see cref="WorldStore"/>.
/// </summary>
public static class ShippedDyadData
{
    private static readonly string[] AtopKeys = ["ccode1", "ccode2", "year"];
    /// <summary>A column to read and its type (a class, not a tuple, so that generic code over it is shared and compiled ahead of time).</summary>
    private sealed record Wanted(string Name, ColumnType Type);

    private static readonly string[] SpellColumns = ["ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"];

    /// <summary>Reads the named columns of a dataset; empty values are missing, or an error in the first <c>required</c> columns.</summary>
    private delegate (int Rows, ValueColumn[] Columns) Reader(string name, Wanted[] wanted, int required);

    /// <summary>The datasets a frame with <paramref name="joins"/> is made from, in a fixed order.</summary>
    public static IReadOnlyList<DatasetInfo> DatasetsFor(DyadJoins joins) =>
    [
        .. new[] { ("cow_states", DyadJoins.None), ("atop_ddy", DyadJoins.Atop), ("nmc", DyadJoins.Nmc), ("fariss_gdppop", DyadJoins.Gdp) }
            .Where(d => WithSources(joins).HasFlag(d.Item2))
            .Select(d => DatasetCatalog.FindShipped(d.Item1)!),
    ];

    /// <summary>Reads the state-system spells and the datasets <paramref name="joins"/> asks for from the embedded files.</summary>
    /// <param name="joins">The datasets to read besides the state system.</param>
    /// <param name="meanwhile">Other work to run on another thread while the files are read.</param>
    /// <exception cref="LinchpinException">A file is missing or malformed (a data error).</exception>
    public static DyadInputs Load(DyadJoins joins, Action? meanwhile = null)
    {
        joins = WithSources(joins);
        var atop = joins.HasFlag(DyadJoins.Atop) ? Task.Run(() => ReadAtop(Read)) : null;
        var other = meanwhile is null ? null : Task.Run(meanwhile);
        var (nmc, gdp) = ReadStateYears(joins, Read);
        var spells = ReadSpells(Read);
        other?.GetAwaiter().GetResult();
        return new DyadInputs(spells, atop?.GetAwaiter().GetResult(), nmc, gdp);
    }

    /// <summary>The datasets to read for <paramref name="joins"/>: the expected-utility columns are made from ATOP and NMC.</summary>
    private static DyadJoins WithSources(DyadJoins joins) =>
        joins.HasFlag(DyadJoins.Eu) ? joins | DyadJoins.Atop | DyadJoins.Nmc : joins;

    /// <summary>
    /// Compiles the dyad-year frame's and the Parquet writer's loops now (they are compiled fully
    /// optimised on first use, not ahead of time), e.g. on a thread that would otherwise wait.
    /// </summary>
    /// <param name="expectedUtility">Also the expected-utility columns' loops.</param>
    public static void CompileFrameAndWriter(bool expectedUtility = false)
    {
        Type[] types = expectedUtility
            ? [typeof(DyadYears), typeof(DyadParquet), typeof(DyadExpectedUtility), typeof(Games.ExpectedUtility.WarExpectedUtilityYear)]
            : [typeof(DyadYears), typeof(DyadParquet)];
        foreach (var type in types)
        {
            foreach (var nested in type.GetNestedTypes(BindingFlags.NonPublic).Prepend(type))
            {
                foreach (var method in nested.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization) && !method.ContainsGenericParameters)
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reads the same datasets from the tables of <paramref name="store"/> (loading them into it
    /// first if need be), so a frame is built from exactly the data the store's queries see.
    /// </summary>
    /// <exception cref="LinchpinException">A table lacks a column or has a missing key value (a data error).</exception>
    public static DyadInputs Load(WorldStore store, DyadJoins joins)
    {
        ArgumentNullException.ThrowIfNull(store);
        joins = WithSources(joins);
        Reader read = (name, wanted, required) => ReadTable(store, name, wanted, required);
        var atop = joins.HasFlag(DyadJoins.Atop) ? ReadAtop(read) : null;
        var (nmc, gdp) = ReadStateYears(joins, read);
        return new DyadInputs(ReadSpells(read), atop, nmc, gdp);
    }

    /// <summary>The membership spells of the COW state system.</summary>
    public static IReadOnlyList<StateSpell> ReadSpells() => ReadSpells(Read);

    /// <summary>ATOP 5.1 directed dyad-years.</summary>
    public static AtopDyadYears ReadAtop() => ReadAtop(Read);

    private static StateSpell[] ReadSpells(Reader read)
    {
        var (rows, columns) = read("cow_states", [.. SpellColumns.Select(n => new Wanted(n, ColumnType.Int32))], required: int.MaxValue);
        var spells = new StateSpell[rows];
        for (var i = 0; i < rows; i++)
        {
            int At(int c) => (int)columns[c].Integers![i];
            spells[i] = new StateSpell(At(0), new DateOnly(At(1), At(2), At(3)), new DateOnly(At(4), At(5), At(6)));
        }

        return spells;
    }

    private static AtopDyadYears ReadAtop(Reader read)
    {
        var dataset = DatasetCatalog.FindShipped("atop_ddy")!;
        var (_, columns) = read(dataset.Name, [.. AtopKeys.Concat(DyadYears.AtopProvisions).Select(n => new Wanted(n, ColumnType.Int32))], required: int.MaxValue);
        var ints = columns.Select(c => Narrow(c.Integers!)).ToArray();
        return new AtopDyadYears(ints[0], ints[1], ints[2], ints[3..], dataset.Coverage);
    }

    private static (StateYearTable? Nmc, StateYearTable? Gdp) ReadStateYears(DyadJoins joins, Reader read)
    {
        var nmc = joins.HasFlag(DyadJoins.Nmc)
            ? ReadStateYears(read, "nmc", [.. DyadYears.NmcColumns.Select(c => new Wanted(c, c == "cinc" ? ColumnType.Double : ColumnType.Int64))])
            : null;
        var gdp = joins.HasFlag(DyadJoins.Gdp) ? ReadStateYears(read, "fariss_gdppop", [.. DyadYears.GdpColumns.Select(c => new Wanted(c, ColumnType.Double))]) : null;
        return (nmc, gdp);
    }

    private static StateYearTable ReadStateYears(Reader read, string name, Wanted[] values)
    {
        var (_, columns) = read(name, [new Wanted("ccode", ColumnType.Int32), new Wanted("year", ColumnType.Int32), .. values], required: 2);
        return new StateYearTable(Narrow(columns[0].Integers!), Narrow(columns[1].Integers!), columns[2..]);
    }

    private static (int Rows, ValueColumn[] Columns) ReadTable(WorldStore store, string name, Wanted[] wanted, int required)
    {
        var table = store.Require(name);
        var result = store.Query($"SELECT {string.Join(", ", wanted.Select(w => WorldStore.Quote(w.Name)))} FROM {WorldStore.Quote(table)}");
        var rows = result.Rows.Count;
        var columns = new ValueColumn[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            var present = new bool[rows];
            var integers = wanted[w].Type == ColumnType.Double ? null : new long[rows];
            var doubles = wanted[w].Type == ColumnType.Double ? new double[rows] : null;
            for (var r = 0; r < rows; r++)
            {
                var value = result.Rows[r][w];
                if (value is null)
                {
                    if (w < required)
                    {
                        throw LinchpinException.NoData($"table '{table}': column '{wanted[w].Name}' is missing in row {r + 1}");
                    }

                    continue;
                }

                present[r] = true;
                if (doubles is not null)
                {
                    doubles[r] = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                }
                else
                {
                    integers![r] = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }
            }

            columns[w] = doubles is not null
                ? ValueColumn.OfDoubles(wanted[w].Name, doubles, present)
                : ValueColumn.OfIntegers(wanted[w].Name, wanted[w].Type, integers!, present);
        }

        return (rows, columns);
    }

    /// <summary>Reads the named columns of an embedded dataset; empty fields are missing, or an error in the first <paramref name="required"/> columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Rows, ValueColumn[] Columns) Read(string name, Wanted[] wanted, int required)
    {
        var dataset = DatasetCatalog.FindShipped(name)!;
        byte[] data;
        using (var stream = DatasetCatalog.OpenShipped(dataset))
        {
            data = new byte[stream.Length];
            stream.ReadExactly(data);
        }

        var text = data.AsSpan();
        var headerEnd = text.IndexOf((byte)'\n');
        var header = System.Text.Encoding.UTF8.GetString(text[..(headerEnd < 0 ? text.Length : headerEnd)]).TrimEnd('\r').Split(',');
        var index = wanted.Select(w => Array.IndexOf(header, w.Name)).ToArray();
        if (Array.IndexOf(index, -1) is var missing and >= 0)
        {
            throw LinchpinException.NoData($"{dataset.FileName}: no column '{wanted[missing].Name}'");
        }

        var rows = text[(headerEnd + 1)..].Count((byte)'\n') + (text[^1] == '\n' ? 0 : 1);
        var integers = wanted.Select(w => w.Type == ColumnType.Double ? null : new long[rows]).ToArray();
        var doubles = wanted.Select(w => w.Type == ColumnType.Double ? new double[rows] : null).ToArray();
        var present = wanted.Select(_ => new bool[rows]).ToArray();
        var column = new int[header.Length];
        Array.Fill(column, -1);
        for (var w = 0; w < index.Length; w++)
        {
            column[index[w]] = w;
        }

        var row = 0;
        var rest = text[(headerEnd + 1)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Contains((byte)'"'))
            {
                throw LinchpinException.InFile(dataset.FileName, row + 2, null, "quoted fields are not expected here");
            }

            var at = 0;
            for (var field = 0; field < header.Length; field++)
            {
                // One pass over the field finds its end and, for plain digits (most fields), its value.
                var start = Math.Min(at, line.Length);
                at = start;
                var digits = 0L;
                var plain = true;
                for (; at < line.Length && line[at] != ','; at++)
                {
                    var digit = (uint)(line[at] - '0');
                    plain &= digit <= 9;
                    digits = (digits * 10) + digit;
                }

                var value = line[start..at];
                at++;
                var w = column[field];
                if (w < 0)
                {
                    continue;
                }

                if (plain && value.Length is > 0 and <= 18 && integers[w] is { } whole)
                {
                    whole[row] = digits;
                    present[w][row] = true;
                    continue;
                }

                if (value.IsEmpty)
                {
                    if (w < required)
                    {
                        throw LinchpinException.InFile(dataset.FileName, row + 2, wanted[w].Name, "empty");
                    }

                    continue;
                }

                var parsed = doubles[w] is { } d
                    ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out d[row])
                    : ParseInteger(value, out integers[w]![row]);
                if (!parsed)
                {
                    throw LinchpinException.InFile(dataset.FileName, row + 2, wanted[w].Name, $"'{System.Text.Encoding.UTF8.GetString(value)}' is not a number");
                }

                present[w][row] = true;
            }

            row++;
        }

        var columns = new ValueColumn[wanted.Length];
        for (var w = 0; w < wanted.Length; w++)
        {
            var (values, flags) = row == rows ? (integers[w], present[w]) : (integers[w]?[..row], present[w][..row]);
            columns[w] = wanted[w].Type == ColumnType.Double
                ? ValueColumn.OfDoubles(wanted[w].Name, row == rows ? doubles[w]! : doubles[w]![..row], flags)
                : ValueColumn.OfIntegers(wanted[w].Name, wanted[w].Type, values!, flags);
        }

        return (row, columns);
    }

    /// <summary>The values of an integer column that holds 32-bit values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Narrow(long[] values)
    {
        var narrow = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            narrow[i] = (int)values[i];
        }

        return narrow;
    }

    /// <summary>Parses an integer; a decimal (NMC has a few, e.g. <c>tpop</c> 4517.6) is rounded half away from zero, as DuckDB casts it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        if (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && Math.Abs(real) < long.MaxValue)
        {
            value = (long)Math.Round(real, MidpointRounding.AwayFromZero);
            return true;
        }

        return false;
    }
}
