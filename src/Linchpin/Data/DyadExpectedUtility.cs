using System.Runtime.CompilerServices;
using Linchpin.Alignment;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Data;

/// <summary>
/// The expected-utility columns of a dyad-year frame (<c>--with eu</c>): for each row (i = ccode1,
/// j = ccode2), computed year by year with <see cref="WarExpectedUtilityYear"/> from the ATOP 5.1
/// alliance portfolios (the standard 0–3 coding of <see cref="AlliancePortfolios"/>) and NMC CINC scores.
/// </summary>
public static class DyadExpectedUtility
{
    /// <summary>
    /// The columns, in output order: <c>eu_taub</c> (U_ij, τ_b over the dyad's reference system),
    /// <c>eu_wt_ij</c> and <c>eu_wt_ji</c> (<i>War Trap</i> E(U_ij) and E(U_ji)), <c>eu_wr_pij</c> and
    /// <c>eu_wr_pji</c> (<i>War and Reason</i> P^i and P^j of the dyad), <c>eu_risk_i</c> and <c>eu_risk_j</c>
    /// (R of i and of j toward the dyad's relevant region).
    /// </summary>
    /// <remarks>
    /// The <i>War and Reason</i> utilities U_i(Δ_i), U_i(Δ_j), U_i(SQ) (and j's) are closed-form functions of
    /// <c>eu_taub</c> and <c>eu_risk_i</c> (<c>eu_risk_j</c>) alone (<see cref="WarExpectedUtilityYear.Utilities"/>),
    /// so they are not columns: six more double columns would double the file for no information.
    /// </remarks>
    public static IReadOnlyList<string> Columns { get; } = ["eu_taub", "eu_wt_ij", "eu_wt_ji", "eu_wr_pij", "eu_wr_pji", "eu_risk_i", "eu_risk_j"];

    private const int CcodeLimit = 1000;

    /// <summary>The most rows of one fill block: large enough to amortise the scheduling, small enough to balance two threads.</summary>
    private const int FillBlock = 1 << 16;

    /// <summary>Computes the columns for the rows given by their keys; missing values stay missing (outside ATOP's years, without a CINC score).</summary>
    /// <param name="spells">COW state-system spells.</param>
    /// <param name="atop">ATOP directed dyad-years.</param>
    /// <param name="nmc">NMC state-years with a <c>cinc</c> column.</param>
    /// <param name="ccode1">ccode1 of each row.</param>
    /// <param name="ccode2">ccode2 of each row.</param>
    /// <param name="year">Year of each row.</param>
    /// <param name="options">Reference system and risk attitude.</param>
    /// <returns>One (values, present) pair per name of <see cref="Columns"/>.</returns>
    public static IReadOnlyList<(double[] Values, bool[] Present)> Compute(
        IReadOnlyList<StateSpell> spells, AtopDyadYears atop, StateYearTable nmc, int[] ccode1, int[] ccode2, int[] year, WarUtilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(atop);
        ArgumentNullException.ThrowIfNull(nmc);
        ArgumentNullException.ThrowIfNull(ccode1);
        ArgumentNullException.ThrowIfNull(ccode2);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var rows = year.Length;
        var columns = Columns.Select(_ => (new double[rows], new bool[rows])).ToArray();
        if (rows == 0)
        {
            return columns;
        }

        var (from, to) = (year.Min(), year.Max());
        var portfolios = Portfolios(spells, atop, from, to);
        var index = IndexByYear(portfolios);
        var cinc = nmc.Column("cinc");

        // The late years have the most states: start with them, so the two threads finish together.
        var results = new WarExpectedUtilityYear.YearArrays?[portfolios.Length];
        Parallel.For(0, portfolios.Length, t =>
        {
            var at = portfolios.Length - 1 - t;
            if (portfolios[at] is not { } p)
            {
                return;
            }

            var capabilities = new double[p.Codes.Length];
            for (var i = 0; i < capabilities.Length; i++)
            {
                var row = nmc.RowOf(p.Codes[i], from + at);
                capabilities[i] = row >= 0 && cinc.Present[row] ? cinc.Doubles![row] : double.NaN;
            }

            WarExpectedUtilityYear.ComputeInto(from + at, p.Codes, p.Matrix, capabilities, options, (_, arrays) => results[at] = arrays);
        });

        // Filled one block of rows with the same ccode1 at a time, each row by one block, so any thread count
        // gives the same columns. A dyad-year listed twice (two membership spells in one year) gets the same
        // values twice.
        var sizes = portfolios.Select(p => p?.Codes.Length ?? 0).ToArray();
        var blocks = Ccode1Blocks(ccode1);
        Parallel.For(0, blocks.Count - 1, b =>
        {
            var (first, end) = (blocks[b], blocks[b + 1]);
            if (!FillByYear(first, end, from, ccode1[first], ccode2, year, index, sizes, results, columns))
            {
                Fill(first, end, from, ccode1, ccode2, year, index, sizes, results, columns);
            }
        });
        return columns;
    }

    /// <summary>The first row of each run of equal ccode1, then the row count; runs longer than a fill block are cut into blocks.</summary>
    private static List<int> Ccode1Blocks(int[] ccode1)
    {
        var starts = new List<int> { 0 };
        for (var r = 1; r < ccode1.Length; r++)
        {
            if (ccode1[r] != ccode1[r - 1] || r - starts[^1] >= FillBlock)
            {
                starts.Add(r);
            }
        }

        starts.Add(ccode1.Length);
        return starts;
    }

    /// <summary>
    /// Writes the rows <paramref name="first"/> to <paramref name="end"/> (exclusive), all of ccode1
    /// <paramref name="c1"/>, year by year: within a year the reads run along the state's row of each result
    /// (ccode2 ascending, as the frame lists them) instead of jumping between years' results at every row,
    /// and the rows written, one per dyad, stay in cache until the next year writes their neighbours.
    /// </summary>
    /// <returns>Whether the rows were in the frame's order (each ccode2's years adjacent and ascending); if not, nothing was written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool FillByYear(int first, int end, int from, int c1, int[] ccode2, int[] year, int[]?[] index, int[] sizes, WarExpectedUtilityYear.YearArrays?[] results, (double[] Values, bool[] Present)[] columns)
    {
        // Runs of equal ccode2: one per dyad, its years ascending.
        var cursor = new List<int>();
        var runEnd = new List<int>();
        var (firstYear, lastYear) = (int.MaxValue, int.MinValue);
        for (var r = first; r < end; r++)
        {
            if (r == first || ccode2[r] != ccode2[r - 1])
            {
                if (cursor.Count > 0)
                {
                    runEnd.Add(r);
                }

                cursor.Add(r);
            }
            else if (year[r] < year[r - 1])
            {
                return false;
            }

            firstYear = Math.Min(firstYear, year[r]);
            lastYear = Math.Max(lastYear, year[r]);
        }

        runEnd.Add(end);
        var (at, stop) = (cursor.ToArray(), runEnd.ToArray());
        for (var y = firstYear; y <= lastYear; y++)
        {
            var t = y - from;
            var ok = (uint)t < (uint)results.Length && results[t] is not null && index[t] is not null && (uint)c1 < CcodeLimit;
            var arrays = ok ? results[t]!.Value : default;
            var codes = ok ? index[t] : null;
            var i = ok ? codes![c1] : -1;
            var n = ok ? sizes[t] : 0;
            for (var k = 0; k < at.Length; k++)
            {
                for (var r = at[k]; r < stop[k] && year[r] == y; r = ++at[k])
                {
                    var j = i >= 0 && (uint)ccode2[r] < CcodeLimit ? codes![ccode2[r]] : -1;
                    if (j >= 0)
                    {
                        SetRow(columns, r, arrays, n, i, j);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>For each year, the index of each COW code among the members, or -1; <c>null</c> outside ATOP's years.</summary>
    private static int[]?[] IndexByYear((int[] Codes, byte[] Matrix)?[] portfolios)
    {
        var index = new int[]?[portfolios.Length];
        for (var t = 0; t < portfolios.Length; t++)
        {
            if (portfolios[t] is { } p)
            {
                var codes = new int[CcodeLimit];
                Array.Fill(codes, -1);
                for (var i = 0; i < p.Codes.Length; i++)
                {
                    codes[p.Codes[i]] = i;
                }

                index[t] = codes;
            }
        }

        return index;
    }

    /// <summary>Writes the values of the frame rows <paramref name="first"/> to <paramref name="end"/> (exclusive) from their years' results; rows without a result stay missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(int first, int end, int from, int[] ccode1, int[] ccode2, int[] year, int[]?[] index, int[] sizes, WarExpectedUtilityYear.YearArrays?[] results, (double[] Values, bool[] Present)[] columns)
    {
        for (var r = first; r < end; r++)
        {
            var t = year[r] - from;
            if ((uint)t >= (uint)results.Length || results[t] is not { } arrays || index[t] is not { } codes || (uint)ccode1[r] >= CcodeLimit || (uint)ccode2[r] >= CcodeLimit)
            {
                continue;
            }

            var (i, j) = (codes[ccode1[r]], codes[ccode2[r]]);
            if (i < 0 || j < 0)
            {
                continue;
            }

            SetRow(columns, r, arrays, sizes[t], i, j);
        }
    }

    /// <summary>Writes row <paramref name="r"/>'s columns from the pair (i, j) of a year's results over <paramref name="n"/> states.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetRow((double[] Values, bool[] Present)[] columns, int r, WarExpectedUtilityYear.YearArrays arrays, int n, int i, int j)
    {
        var at = (i * n) + j;
        Set(columns[0], r, arrays.Tau[at]);
        Set(columns[1], r, arrays.WarTrap[at]);
        Set(columns[2], r, arrays.WarTrap[(j * n) + i]);
        Set(columns[3], r, arrays.Win[at]);
        Set(columns[4], r, arrays.TargetWin[at]);
        Set(columns[5], r, arrays.RiskAOf(at));
        Set(columns[6], r, arrays.RiskBOf(at));
    }

    /// <summary>
    /// The alliance portfolios of each year as a dense matrix over the year's members (states in the COW
    /// system on some day of the year, ascending), coded as <see cref="AlliancePortfolios"/> codes them:
    /// the highest value of a state's pledges to another, 3 toward itself; <c>null</c> outside ATOP's years.
    /// </summary>
    /// <returns>Per year from <paramref name="from"/>: the members and the n × n matrix (row: the pledging state).</returns>
    public static (int[] Codes, byte[] Matrix)?[] Portfolios(IReadOnlyList<StateSpell> spells, AtopDyadYears atop, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(atop);
        var coding = PortfolioCoding.Standard;
        var listEnd = new DateOnly(DyadYearRequest.LastListedYear, 12, 31);
        var member = new bool[to - from + 1, CcodeLimit];
        foreach (var spell in spells)
        {
            var end = spell.End == listEnd ? Math.Max(to, DyadYearRequest.LastListedYear) : spell.End.Year;
            for (var y = Math.Max(from, spell.Start.Year); y <= Math.Min(to, end); y++)
            {
                if ((uint)spell.Ccode < CcodeLimit)
                {
                    member[y - from, spell.Ccode] = true;
                }
            }
        }

        var result = new (int[] Codes, byte[] Matrix)?[to - from + 1];
        var index = new int[result.Length][];
        for (var t = 0; t < result.Length; t++)
        {
            if (!atop.Coverage.Contains(from + t))
            {
                continue;
            }

            var codes = Enumerable.Range(0, CcodeLimit).Where(c => member[t, c]).ToArray();
            var n = codes.Length;
            var matrix = new byte[n * n];
            index[t] = new int[CcodeLimit];
            Array.Fill(index[t], -1);
            for (var i = 0; i < n; i++)
            {
                index[t][codes[i]] = i;
                matrix[(i * n) + i] = (byte)coding.Self;
            }

            result[t] = (codes, matrix);
        }

        var p = atop.Provisions;
        for (var r = 0; r < atop.Count; r++)
        {
            var t = atop.Year[r] - from;
            if ((uint)t >= (uint)result.Length || result[t] is not { } year || (uint)atop.Ccode1[r] >= CcodeLimit || (uint)atop.Ccode2[r] >= CcodeLimit)
            {
                continue;
            }

            var (a, b) = (index[t][atop.Ccode1[r]], index[t][atop.Ccode2[r]]);
            if (a < 0 || b < 0 || a == b)
            {
                continue;
            }

            var at = (a * year.Codes.Length) + b;
            year.Matrix[at] = (byte)Math.Max(year.Matrix[at], coding.Code(p[0][r], p[1][r], p[2][r], p[3][r], p[4][r]));
        }

        return result;
    }

    private static void Set((double[] Values, bool[] Present) column, int row, double value)
    {
        if (!double.IsNaN(value))
        {
            column.Values[row] = value;
            column.Present[row] = true;
        }
    }
}
