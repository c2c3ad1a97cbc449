using System.Runtime.CompilerServices;

namespace Linchpin.Data;

/// <summary>Datasets that can be joined onto dyad-years.</summary>
[Flags]
public enum DyadJoins
{
    /// <summary>Keys only.</summary>
    None = 0,

    /// <summary>ATOP 5.1 alliance provisions (<c>atop_alliance</c>, <c>atop_defense</c>, ... <c>atop_consul</c>).</summary>
    Atop = 1,

    /// <summary>NMC 7.0 capabilities of each side (<c>milex1</c> ... <c>cinc1</c>, <c>milex2</c> ... <c>cinc2</c>).</summary>
    Nmc = 2,

    /// <summary>Fariss et al. GDP, GDP per capita and population of each side (<c>pwtrgdp1</c>, <c>mrgdppc1</c>, <c>pwtpop1</c>, ...).</summary>
    Gdp = 4,

    /// <summary>
    /// Bueno de Mesquita's expected-utility variables from ATOP portfolios and NMC CINC scores (<c>eu_taub</c>,
    /// <c>eu_wt_ij</c>, ... <c>eu_wr_usq</c>; see <see cref="DyadExpectedUtility"/>); needs ATOP and NMC in the inputs.
    /// </summary>
    Eu = 8,
}

/// <summary>What dyad-year frame to build.</summary>
/// <param name="From">First year (1816 or later).</param>
/// <param name="To">Last year. Beyond 2016, the end of the COW list, states in the system at its end are
/// assumed to stay in it (as peacesciencer's <c>mry</c> option does).</param>
/// <param name="Directed">Directed (A–B and B–A) or undirected (ccode1 &lt; ccode2).</param>
/// <param name="Joins">Datasets to join.</param>
/// <param name="ExpectedUtility">Settings of the expected-utility columns (with <see cref="DyadJoins.Eu"/>); regional and risk neutral when <c>null</c>.</param>
public sealed record DyadYearRequest(int From, int To, bool Directed, DyadJoins Joins, Games.ExpectedUtility.WarUtilityOptions? ExpectedUtility = null)
{
    /// <summary>First year of the COW state system.</summary>
    public const int FirstSystemYear = 1816;

    /// <summary>Last year of the COW state-system list (v2016).</summary>
    public const int LastListedYear = 2016;

    /// <summary>Checks the years.</summary>
    /// <param name="lastCompleteYear">The latest year that may be asked for (the last complete calendar year).</param>
    /// <exception cref="LinchpinException">A year is outside the coverage, or the range is reversed.</exception>
    public void Validate(int lastCompleteYear)
    {
        if (From < FirstSystemYear)
        {
            throw LinchpinException.NoData($"--from {From}: the COW state system begins in {FirstSystemYear}");
        }

        if (To > lastCompleteYear)
        {
            throw LinchpinException.NoData($"--to {To}: the last complete year is {lastCompleteYear}");
        }

        if (To < From)
        {
            throw new LinchpinException($"--to {To} is before --from {From}");
        }
    }
}

/// <summary>
/// Builds the state-system dyad-year frame and joins data onto it, matching the R package
/// peacesciencer's <c>create_dyadyears()</c>, <c>add_atop_alliance()</c> and <c>add_nmc()</c>
/// row for row: every pair of COW system members in a year, less the pairs that were members in
/// the same year but never on the same day; ATOP values 0 (not missing) inside ATOP's coverage
/// (1815–2018) and missing outside it; NMC values missing where NMC has none.
/// </summary>
/// <remarks>
/// A pair of membership spells contributes the years of their common days: from the year of the
/// later start to the year of the earlier end. The keys are generated in the order
/// (ccode1, ccode2, year), so the frame needs no sort, and ATOP is joined by a merge over
/// keys in the same order; NMC and GDP are looked up per state-year.
/// </remarks>
public static class DyadYears
{
    /// <summary>The ATOP provision columns, in output order (after <c>atop_alliance</c>).</summary>
    public static IReadOnlyList<string> AtopProvisions { get; } = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];

    /// <summary>The NMC columns joined for each side, in output order.</summary>
    public static IReadOnlyList<string> NmcColumns { get; } = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"];

    /// <summary>The GDP columns joined for each side, in output order.</summary>
    public static IReadOnlyList<string> GdpColumns { get; } = ["pwtrgdp", "mrgdppc", "pwtpop"];

    private const int CcodeBits = 21;

    /// <summary>Builds the frame for <paramref name="request"/> from <paramref name="inputs"/>.</summary>
    /// <exception cref="ArgumentException">A dataset the request joins is missing from the inputs.</exception>
    public static DyadFrame Build(DyadInputs inputs, DyadYearRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        // The ATOP side of the join (sorted, one row per key) does not depend on the keys: it is made meanwhile.
        var preparedAtop = request.Joins.HasFlag(DyadJoins.Atop) && inputs.Atop is { } atopInput
            ? Task.Run(() => PrepareAtop(atopInput, request.Directed))
            : null;
        var (ccode1, ccode2, year) = Keys(inputs.Spells, request);
        var columns = new List<DyadColumn> { new("ccode1", ColumnType.Int32), new("ccode2", ColumnType.Int32), new("year", ColumnType.Int64) };
        var sources = new List<DyadFrame.Source> { new(DyadFrame.Kind.Ccode1), new(DyadFrame.Kind.Ccode2), new(DyadFrame.Kind.Year) };
        int[]? atopRow = null;
        IReadOnlyList<int[]> provisions = [];
        var coverage = default(YearRange);
        if (request.Joins.HasFlag(DyadJoins.Atop))
        {
            var atop = inputs.Atop ?? throw new ArgumentException("the request joins ATOP but the inputs have none", nameof(inputs));
            var prepared = preparedAtop!.GetAwaiter().GetResult();
            (atopRow, provisions) = (JoinAtop(prepared, ccode1, ccode2, year), prepared.Provisions);
            coverage = atop.Coverage;
            columns.Add(new("atop_alliance", ColumnType.Int32));
            sources.Add(new(DyadFrame.Kind.AtopAlliance));
            for (var p = 0; p < AtopProvisions.Count; p++)
            {
                columns.Add(new(AtopProvisions[p], ColumnType.Int32));
                sources.Add(new(DyadFrame.Kind.AtopProvision, Provision: p));
            }
        }

        if (request.Joins.HasFlag(DyadJoins.Nmc))
        {
            AddSides(columns, sources, inputs.Nmc ?? throw new ArgumentException("the request joins NMC but the inputs have none", nameof(inputs)), NmcColumns);
        }

        if (request.Joins.HasFlag(DyadJoins.Gdp))
        {
            AddSides(columns, sources, inputs.Gdp ?? throw new ArgumentException("the request joins GDP but the inputs have none", nameof(inputs)), GdpColumns);
        }

        if (request.Joins.HasFlag(DyadJoins.Eu))
        {
            var values = DyadExpectedUtility.Compute(
                inputs.Spells,
                inputs.Atop ?? throw new ArgumentException("the expected-utility columns need ATOP in the inputs", nameof(inputs)),
                inputs.Nmc ?? throw new ArgumentException("the expected-utility columns need NMC in the inputs", nameof(inputs)),
                ccode1, ccode2, year, request.ExpectedUtility ?? new());
            for (var c = 0; c < values.Count; c++)
            {
                columns.Add(new(DyadExpectedUtility.Columns[c], ColumnType.Double));
                sources.Add(new(DyadFrame.Kind.Row, Values: ValueColumn.OfDoubles(DyadExpectedUtility.Columns[c], values[c].Values, values[c].Present)));
            }
        }

        return new DyadFrame(ccode1, ccode2, year, columns, [.. sources], atopRow, provisions, coverage);
    }

    private static void AddSides(List<DyadColumn> columns, List<DyadFrame.Source> sources, StateYearTable table, IReadOnlyList<string> names)
    {
        foreach (var (side, kind) in new[] { ("1", DyadFrame.Kind.Side1), ("2", DyadFrame.Kind.Side2) })
        {
            foreach (var name in names)
            {
                var values = table.Column(name);
                columns.Add(new(name + side, values.Type));
                sources.Add(new(kind, Table: table, Values: values));
            }
        }
    }

    /// <summary>The keys, sorted by ccode1, ccode2, year.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Ccode1, int[] Ccode2, int[] Year) Keys(IReadOnlyList<StateSpell> spells, DyadYearRequest request)
    {
        // States still in the system at the end of the list stay in it to the last year asked for.
        var listEnd = new DateOnly(DyadYearRequest.LastListedYear, 12, 31);
        var carriedEnd = new DateOnly(Math.Max(request.To, DyadYearRequest.LastListedYear), 12, 31);
        var states = States(spells, request, listEnd, carriedEnd);

        // Pass 0 counts each ccode1's rows, pass 1 writes them at their offsets; each pass splits the
        // states in two halves, one per thread (the rows do not depend on the split).
        var counts = new int[states.Length + 1];
        InHalves(states.Length, states.Length / 2, (from, to) =>
        {
            var ranges = new YearRanges();
            for (var i = from; i < to; i++)
            {
                counts[i + 1] = Rows(states, i, request, ranges, [], [], [], 0, write: false);
            }
        });
        for (var i = 0; i < states.Length; i++)
        {
            counts[i + 1] += counts[i];
        }

        var (ccode1, ccode2, year) = (new int[counts[^1]], new int[counts[^1]], new int[counts[^1]]);
        var middle = Array.BinarySearch(counts, counts[^1] / 2) is var found && found >= 0 ? found : ~found;
        InHalves(states.Length, Math.Min(middle, states.Length), (from, to) =>
        {
            var ranges = new YearRanges();
            for (var i = from; i < to; i++)
            {
                Rows(states, i, request, ranges, ccode1, ccode2, year, counts[i], write: true);
            }
        });
        return (ccode1, ccode2, year);
    }

    /// <summary>
    /// The states in the request's years, by code, each with its spells in order. Plain loops over
    /// arrays of primitives: generic code over the spell struct would be compiled at start-up.
    /// </summary>
    private static (int Ccode, StateSpell[] Spells)[] States(IReadOnlyList<StateSpell> spells, DyadYearRequest request, DateOnly listEnd, DateOnly carriedEnd)
    {
        var kept = new StateSpell[spells.Count];
        var order = new long[spells.Count];
        var index = new int[spells.Count];
        var count = 0;
        for (var i = 0; i < spells.Count; i++)
        {
            var spell = spells[i].End == listEnd ? spells[i] with { End = carriedEnd } : spells[i];
            if (spell.Start <= spell.End && spell.Start.Year <= request.To && spell.End.Year >= request.From)
            {
                kept[count] = spell;
                order[count] = ((long)spell.Ccode << 32) | (uint)spell.Start.DayNumber;
                index[count] = count;
                count++;
            }
        }

        Array.Sort(order, index, 0, count);
        var groups = 0;
        for (var k = 0; k < count; k++)
        {
            groups += k == 0 || kept[index[k]].Ccode != kept[index[k - 1]].Ccode ? 1 : 0;
        }

        var states = new (int Ccode, StateSpell[] Spells)[groups];
        var at = 0;
        for (var first = 0; first < count;)
        {
            var ccode = kept[index[first]].Ccode;
            var last = first;
            while (last < count && kept[index[last]].Ccode == ccode)
            {
                last++;
            }

            var own = new StateSpell[last - first];
            for (var k = first; k < last; k++)
            {
                own[k - first] = kept[index[k]];
            }

            states[at++] = (ccode, own);
            first = last;
        }

        return states;
    }

    /// <summary>Runs <paramref name="body"/> on [0, <paramref name="split"/>) on another thread and on [<paramref name="split"/>, <paramref name="count"/>) on this one.</summary>
    private static void InHalves(int count, int split, Action<int, int> body)
    {
        var first = Task.Run(() => body(0, split));
        body(split, count);
        first.GetAwaiter().GetResult();
    }

    /// <summary>The rows of ccode1 = states[<paramref name="i"/>], written from <paramref name="at"/> when <paramref name="write"/>; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Rows(
        (int Ccode, StateSpell[] Spells)[] states, int i, DyadYearRequest request, YearRanges ranges,
        int[] ccode1, int[] ccode2, int[] year, int at, bool write)
    {
        var start = at;
        var a = states[i];
        foreach (var b in states)
        {
            if (a.Ccode == b.Ccode || (!request.Directed && a.Ccode > b.Ccode))
            {
                continue;
            }

            ranges.Clear();
            foreach (var sa in a.Spells)
            {
                foreach (var sb in b.Spells)
                {
                    // The years of the days both are in the system.
                    var first = Math.Max(Max(sa.Start, sb.Start).Year, request.From);
                    var last = Math.Min(Min(sa.End, sb.End).Year, request.To);
                    if (Max(sa.Start, sb.Start) <= Min(sa.End, sb.End) && first <= last)
                    {
                        ranges.Add(first, last);
                    }
                }
            }

            at = Emit(ranges, a.Ccode, b.Ccode, ccode1, ccode2, year, at, write);
        }

        return at - start;
    }

    /// <summary>Writes the years of <paramref name="ranges"/> in order, a year covered by several ranges once per range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Emit(YearRanges ranges, int a, int b, int[] ccode1, int[] ccode2, int[] year, int at, bool write)
    {
        if (ranges.Count == 0)
        {
            return at;
        }

        var (first, last) = (int.MaxValue, int.MinValue);
        for (var r = 0; r < ranges.Count; r++)
        {
            first = Math.Min(first, ranges.First[r]);
            last = Math.Max(last, ranges.Last[r]);
        }

        for (var y = first; y <= last; y++)
        {
            for (var r = 0; r < ranges.Count; r++)
            {
                if (y >= ranges.First[r] && y <= ranges.Last[r])
                {
                    if (write)
                    {
                        ccode1[at] = a;
                        ccode2[at] = b;
                        year[at] = y;
                    }

                    at++;
                }
            }
        }

        return at;
    }

    /// <summary>Year ranges (first and last year), reused from dyad to dyad.</summary>
    private sealed class YearRanges
    {
        public int[] First { get; private set; } = new int[8];

        public int[] Last { get; private set; } = new int[8];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void Add(int first, int last)
        {
            if (Count == First.Length)
            {
                First = [.. First, .. new int[Count]];
                Last = [.. Last, .. new int[Count]];
            }

            First[Count] = first;
            Last[Count] = last;
            Count++;
        }
    }

    /// <summary>ATOP's keys sorted the way the frame's keys are, one row per key: undirected keys take the maximum of each provision over both directions.</summary>
    private sealed record PreparedAtop(long[] Keys, int Count, int[][] Provisions);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PreparedAtop PrepareAtop(AtopDyadYears atop, bool directed)
    {
        var keys = new long[atop.Count];
        var order = new int[atop.Count];
        var sorted = true;
        for (var i = 0; i < keys.Length; i++)
        {
            var (a, b) = directed ? (atop.Ccode1[i], atop.Ccode2[i]) : (Math.Min(atop.Ccode1[i], atop.Ccode2[i]), Math.Max(atop.Ccode1[i], atop.Ccode2[i]));
            keys[i] = Pack(a, b, atop.Year[i]);
            order[i] = i;
            sorted &= i == 0 || keys[i - 1] <= keys[i];
        }

        if (!sorted)
        {
            Array.Sort(keys, order);
        }

        var provisions = new int[atop.Provisions.Count][];
        for (var p = 0; p < provisions.Length; p++)
        {
            provisions[p] = new int[keys.Length];
        }

        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var merge = distinct > 0 && keys[distinct - 1] == keys[i];
            var target = merge ? distinct - 1 : distinct;
            keys[target] = keys[i];
            for (var p = 0; p < provisions.Length; p++)
            {
                var value = atop.Provisions[p][order[i]];
                provisions[p][target] = merge ? Math.Max(provisions[p][target], value) : value;
            }

            distinct = merge ? distinct : distinct + 1;
        }

        return new PreparedAtop(keys, distinct, provisions);
    }

    /// <summary>For each key, the matching ATOP row (-1 where none), by a merge over keys sorted the same way, in two halves.</summary>
    private static int[] JoinAtop(PreparedAtop atop, int[] ccode1, int[] ccode2, int[] year)
    {
        var rows = new int[year.Length];
        InHalves(rows.Length, rows.Length / 2, (from, to) => Merge(atop, ccode1, ccode2, year, rows, from, to));
        return rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(PreparedAtop atop, int[] ccode1, int[] ccode2, int[] year, int[] rows, int from, int to)
    {
        if (from >= to)
        {
            return;
        }

        var keys = atop.Keys;
        var distinct = atop.Count;
        var j = Array.BinarySearch(keys, 0, distinct, Pack(ccode1[from], ccode2[from], year[from])) is var found && found >= 0 ? found : ~found;
        for (var i = from; i < to; i++)
        {
            var key = Pack(ccode1[i], ccode2[i], year[i]);
            while (j < distinct && keys[j] < key)
            {
                j++;
            }

            rows[i] = j < distinct && keys[j] == key ? j : -1;
        }
    }

    private static long Pack(int ccode1, int ccode2, int year) =>
        ((long)ccode1 << (2 * CcodeBits)) | ((long)ccode2 << CcodeBits) | (uint)year;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
