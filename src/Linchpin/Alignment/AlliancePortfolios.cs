using Linchpin.Data;

namespace Linchpin.Alignment;

/// <summary>
/// The alliance portfolio of every state in every year of the COW state system, coded from directed
/// alliance pledges (ATOP by default): the portfolio of state A over the target states k of the
/// system in year t is the coded value of what A pledges to k, and the top value toward itself.
/// Computes the similarity of any dyad-year from them.
/// </summary>
/// <remarks>
/// The reference system of year t is every state that is a member of the COW state system on some
/// day of t (as in <see cref="DyadYears"/>); states outside it are not targets, neither coded 0. In
/// years outside the pledge data's coverage every portfolio is missing, so every measure is
/// <c>null</c>. Weights for weighted S are the targets' capabilities (CINC) in year t; a target
/// without one is dropped from weighted S only. Portfolios are stored sparsely (only values other
/// than "no alliance"), so a dyad costs O(pledges of A + pledges of B).
/// </remarks>
public sealed class AlliancePortfolios
{
    private const int CcodeLimit = 1000;
    private const int ChunkRows = 8192;
    private readonly YearData?[] _years;
    private readonly YearRange _coverage;

    private AlliancePortfolios(int firstYear, YearData?[] years, YearRange coverage, PortfolioCoding coding, string source)
    {
        FirstYear = firstYear;
        _years = years;
        _coverage = coverage;
        Coding = coding;
        Source = source;
    }

    /// <summary>The first year held.</summary>
    public int FirstYear { get; }

    /// <summary>The last year held.</summary>
    public int LastYear => FirstYear + _years.Length - 1;

    /// <summary>The coding of pledges into portfolio values.</summary>
    public PortfolioCoding Coding { get; }

    /// <summary>What the pledges come from, e.g. <c>atop_ddy 5.1</c>.</summary>
    public string Source { get; }

    /// <summary>
    /// Codes the portfolios of years <paramref name="from"/>–<paramref name="to"/>.
    /// </summary>
    /// <param name="spells">COW state-system membership spells. Beyond 2016, states in the system at its end stay in it.</param>
    /// <param name="pledges">Directed pledges: a row's provisions are what ccode1 owes ccode2 that year; several rows for one dyad-year combine by taking the highest value.</param>
    /// <param name="coding">The coding of pledges.</param>
    /// <param name="capabilities">State-years with a <c>cinc</c> column (weights of weighted S), or <c>null</c>.</param>
    /// <param name="from">First year.</param>
    /// <param name="to">Last year.</param>
    /// <param name="source">A label of the pledge data, for provenance.</param>
    public static AlliancePortfolios Build(IReadOnlyList<StateSpell> spells, AtopDyadYears pledges, PortfolioCoding coding, StateYearTable? capabilities, int from, int to, string source)
    {
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(pledges);
        ArgumentNullException.ThrowIfNull(coding);
        coding.Validated();
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var listEnd = new DateOnly(DyadYearRequest.LastListedYear, 12, 31);
        var members = new List<int>[to - from + 1];
        for (var t = 0; t < members.Length; t++)
        {
            members[t] = [];
        }

        foreach (var spell in spells)
        {
            var end = spell.End == listEnd ? Math.Max(to, DyadYearRequest.LastListedYear) : spell.End.Year;
            for (var y = Math.Max(from, spell.Start.Year); y <= Math.Min(to, end); y++)
            {
                var list = members[y - from];
                if (!list.Contains(spell.Ccode))
                {
                    list.Add(spell.Ccode);
                }
            }
        }

        // Pledged values per year: (from index, to index) -> highest value.
        var values = new Dictionary<long, int>[members.Length];
        var index = new int[members.Length][];
        for (var t = 0; t < members.Length; t++)
        {
            members[t].Sort();
            index[t] = new int[CcodeLimit];
            Array.Fill(index[t], -1);
            for (var i = 0; i < members[t].Count; i++)
            {
                index[t][members[t][i]] = i;
            }

            values[t] = [];
        }

        var p = pledges.Provisions;
        for (var r = 0; r < pledges.Count; r++)
        {
            var t = pledges.Year[r] - from;
            if ((uint)t >= (uint)members.Length || (uint)pledges.Ccode1[r] >= CcodeLimit || (uint)pledges.Ccode2[r] >= CcodeLimit)
            {
                continue;
            }

            var (a, b) = (index[t][pledges.Ccode1[r]], index[t][pledges.Ccode2[r]]);
            if (a < 0 || b < 0 || a == b)
            {
                continue;
            }

            var value = coding.Code(p[0][r], p[1][r], p[2][r], p[3][r], p[4][r]);
            var key = ((long)a << 32) | (uint)b;
            values[t][key] = values[t].TryGetValue(key, out var before) ? Math.Max(before, value) : value;
        }

        var cinc = capabilities?.Column("cinc");
        var years = new YearData?[members.Length];
        for (var t = 0; t < members.Length; t++)
        {
            var year = from + t;
            if (!pledges.Coverage.Contains(year))
            {
                continue;
            }

            var codes = members[t].ToArray();
            var entries = new List<(int From, int To, int Value)>();
            for (var i = 0; i < codes.Length; i++)
            {
                entries.Add((i, i, coding.Self));
            }

            foreach (var (key, value) in values[t])
            {
                entries.Add(((int)(key >> 32), (int)(uint)key, value));
            }

            entries.RemoveAll(e => e.Value == coding.None);
            entries.Sort();
            var start = new int[codes.Length + 1];
            foreach (var e in entries)
            {
                start[e.From + 1]++;
            }

            for (var i = 0; i < codes.Length; i++)
            {
                start[i + 1] += start[i];
            }

            var weights = new double[codes.Length];
            var total = 0.0;
            for (var i = 0; i < codes.Length; i++)
            {
                var row = capabilities?.RowOf(codes[i], year) ?? -1;
                weights[i] = row >= 0 && cinc!.Present[row] ? cinc.Doubles![row] : double.NaN;
                total += double.IsNaN(weights[i]) ? 0 : weights[i];
            }

            years[t] = new YearData(codes, index[t], start, [.. entries.Select(e => e.To)], [.. entries.Select(e => e.Value)], weights, total);
        }

        return new AlliancePortfolios(from, years, pledges.Coverage, coding, source);
    }

    /// <summary>Whether <paramref name="ccode"/> is a member of the state system in <paramref name="year"/> (known only in covered years).</summary>
    public bool InSystem(int ccode, int year) =>
        Year(year) is { } data && (uint)ccode < CcodeLimit && data.Index[ccode] >= 0;

    /// <summary>Whether the pledge data cover <paramref name="year"/>.</summary>
    public bool Covers(int year) => _coverage.Contains(year) && year >= FirstYear && year <= LastYear;

    /// <summary>The COW codes of the system's members in <paramref name="year"/>, ascending (empty when not covered).</summary>
    public IReadOnlyList<int> Members(int year) => Year(year)?.Codes ?? [];

    /// <summary>The portfolio of <paramref name="ccode"/> in <paramref name="year"/> over <see cref="Members"/>, or <c>null</c> when it is not a member or the year is not covered.</summary>
    public int[]? Portfolio(int ccode, int year)
    {
        if (Year(year) is not { } data || (uint)ccode >= CcodeLimit || data.Index[ccode] < 0)
        {
            return null;
        }

        var vector = new int[data.Codes.Length];
        Array.Fill(vector, Coding.None);
        var i = data.Index[ccode];
        for (var e = data.Start[i]; e < data.Start[i + 1]; e++)
        {
            vector[data.Target[e]] = data.Value[e];
        }

        return vector;
    }

    /// <summary>The capability weights (CINC; NaN where missing) of <see cref="Members"/> in <paramref name="year"/>.</summary>
    public IReadOnlyList<double> Weights(int year) => Year(year)?.Weights ?? [];

    /// <summary>Every measure for the dyad (<paramref name="a"/>, <paramref name="b"/>) in <paramref name="year"/>; <c>null</c> when the year is not covered.</summary>
    /// <exception cref="ArgumentException">A state is not a member of the system that year.</exception>
    public SimilarityScores? Compare(int a, int b, int year, SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Year(year) is not { } data)
        {
            return null;
        }

        foreach (var code in (ReadOnlySpan<int>)[a, b])
        {
            if ((uint)code >= CcodeLimit || data.Index[code] < 0)
            {
                throw new ArgumentException($"state {code} is not in the state system in {year}", code == a ? nameof(a) : nameof(b));
            }
        }

        var scratch = new Scratch(data.Codes.Length, options.Levels);
        Tabulate(data, data.Index[a], data.Index[b], scratch);
        return scratch.Table.Scores(options, weighted: true);
    }

    /// <summary>
    /// One measure for every dyad-year of the keys, computed in parallel over fixed blocks of rows
    /// (so the result does not depend on the thread count).
    /// </summary>
    /// <param name="ccode1">First state of each row.</param>
    /// <param name="ccode2">Second state of each row.</param>
    /// <param name="year">Year of each row.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="options">Levels, d_max and variants.</param>
    /// <param name="progress">Receives the fraction of rows done, or <c>null</c>.</param>
    /// <returns>The values (0 where missing) and whether each is present.</returns>
    public (double[] Values, bool[] Present) Compute(int[] ccode1, int[] ccode2, int[] year, SimilarityMeasure measure, SimilarityOptions options, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(ccode1);
        ArgumentNullException.ThrowIfNull(ccode2);
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        if (Coding.Levels > options.Levels)
        {
            throw new ArgumentException($"the coding has {Coding.Levels} levels but the options {options.Levels}", nameof(options));
        }

        var rows = year.Length;
        var values = new double[rows];
        var present = new bool[rows];
        var blocks = (rows + ChunkRows - 1) / ChunkRows;
        var largest = _years.Max(y => y?.Codes.Length ?? 0);
        var done = 0;
        Parallel.For(0, blocks, () => new Scratch(largest, options.Levels), (block, _, scratch) =>
        {
            var end = Math.Min(rows, (block + 1) * ChunkRows);
            for (var r = block * ChunkRows; r < end; r++)
            {
                if (Year(year[r]) is not { } data || (uint)ccode1[r] >= CcodeLimit || (uint)ccode2[r] >= CcodeLimit)
                {
                    continue;
                }

                var (a, b) = (data.Index[ccode1[r]], data.Index[ccode2[r]]);
                if (a < 0 || b < 0)
                {
                    continue;
                }

                Tabulate(data, a, b, scratch);
                if (scratch.Table.Score(measure, options) is { } value)
                {
                    values[r] = value;
                    present[r] = true;
                }
            }

            var finished = Interlocked.Increment(ref done);
            progress?.Report((double)finished / blocks);
            return scratch;
        }, _ => { });
        return (values, present);
    }

    private YearData? Year(int year) => (uint)(year - FirstYear) < (uint)_years.Length ? _years[year - FirstYear] : null;

    /// <summary>Fills the scratch table with the cross-tabulation of portfolios <paramref name="a"/> and <paramref name="b"/>.</summary>
    private void Tabulate(YearData data, int a, int b, Scratch scratch)
    {
        var table = scratch.Table;
        table.Clear();
        var none = Coding.None;
        var level = scratch.Level;
        var seen = scratch.Seen;
        var stamp = ++scratch.Stamp;
        for (var e = data.Start[a]; e < data.Start[a + 1]; e++)
        {
            level[data.Target[e]] = data.Value[e];
        }

        long union = 0;
        var unionWeight = 0.0;
        for (var e = data.Start[b]; e < data.Start[b + 1]; e++)
        {
            var k = data.Target[e];
            var x = level[k];
            table.Add(x < 0 ? none : x, data.Value[e], data.Weights[k]);
            seen[k] = stamp;
            union++;
            unionWeight += double.IsNaN(data.Weights[k]) ? 0 : data.Weights[k];
        }

        for (var e = data.Start[a]; e < data.Start[a + 1]; e++)
        {
            var k = data.Target[e];
            if (seen[k] != stamp)
            {
                table.Add(data.Value[e], none, data.Weights[k]);
                union++;
                unionWeight += double.IsNaN(data.Weights[k]) ? 0 : data.Weights[k];
            }

            level[k] = -1;
        }

        // Every other target is "no alliance" in both portfolios.
        table.Add(none, none, data.Codes.Length - union, Math.Max(0, data.TotalWeight - unionWeight));
    }

    /// <summary>One year: members, their index by code, and the sparse portfolios (CSR: row start, target index, value).</summary>
    private sealed record YearData(int[] Codes, int[] Index, int[] Start, int[] Target, int[] Value, double[] Weights, double TotalWeight);

    /// <summary>Per-thread working memory.</summary>
    private sealed class Scratch
    {
        public Scratch(int states, int levels)
        {
            Level = new int[states];
            Array.Fill(Level, -1);
            Seen = new int[states];
            Table = new AgreementTable(levels);
        }

        public int[] Level { get; }

        public int[] Seen { get; }

        public AgreementTable Table { get; }

        public int Stamp { get; set; }
    }
}
