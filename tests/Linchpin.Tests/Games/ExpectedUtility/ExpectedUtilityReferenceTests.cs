using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Tests.Games.ExpectedUtility;

/// <summary>
/// The yearly computation (bit-set τ_b tables, only the reference sets each pair reads, vectorised sums)
/// against the definitions written out pair by pair, on state-years of the shipped data.
/// </summary>
public sealed class ExpectedUtilityReferenceTests
{
    private static readonly DyadInputs Inputs = ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc);

    // The vectorised sums add the third states in four (or eight) lanes, the definition one by one: the
    // two orders may differ in the last bits, never by more than this.
    private const double SumTolerance = 1e-12;

    public static TheoryData<int> Years => [1816, 1870, 1914, 1950, 1990, 2012];

    [Theory]
    [MemberData(nameof(Years))]
    public void Tau_b_War_Trap_and_War_and_Reason_are_the_definitions(int year)
    {
        var (codes, matrix, capabilities) = Year(year);
        var computed = WarExpectedUtilityYear.Compute(year, codes, matrix, capabilities, new WarUtilityOptions());
        var reference = new Reference(year, codes, matrix, capabilities);
        var n = codes.Length;
        var checkedPairs = 0;
        for (var at = 0; at < n * n; at += 13)
        {
            var (i, j) = (at / n, at % n);
            var tau = reference.U(i, j);

            // τ_b: the same integer counts and the same two floating-point steps, so the same bits.
            Assert.Equal(BitConverter.DoubleToInt64Bits(tau), BitConverter.DoubleToInt64Bits(computed.TauAt(i, j)));
            if (i == j)
            {
                continue;
            }

            AssertClose(reference.WarTrap(i, j), computed.WarTrapAt(i, j));
            AssertClose(reference.Win(i, j), computed.WinAt(i, j));
            AssertClose(1 - reference.Win(i, j), computed.TargetWinAt(i, j));
            checkedPairs++;
        }

        Assert.True(checkedPairs > n * n / 14);
    }

    [Theory]
    [InlineData(1914)]
    [InlineData(1990)]
    public void Every_frame_row_carries_its_years_values_bit_for_bit(int year)
    {
        var (codes, matrix, capabilities) = Year(year);
        var computed = WarExpectedUtilityYear.Compute(year, codes, matrix, capabilities, new WarUtilityOptions());
        var frame = DyadYears.Build(Inputs, new DyadYearRequest(year - 1, year + 1, true, DyadJoins.Eu));
        var columns = DyadExpectedUtility.Columns.Select(frame.IndexOf).ToArray();
        var rows = 0;
        for (var r = 0; r < frame.RowCount; r++)
        {
            if (frame.Year[r] != year)
            {
                continue;
            }

            var (c1, c2) = (frame.Ccode1[r], frame.Ccode2[r]);
            double?[] expected = [computed.TauB(c1, c2), computed.WarTrap(c1, c2), computed.WarTrap(c2, c1), computed.WinProbability(c1, c2), computed.TargetWinProbability(c1, c2), 0, 0];
            for (var c = 0; c < columns.Length; c++)
            {
                Assert.Equal(expected[c], (double?)frame.Value(r, columns[c]));
            }

            rows++;
        }

        // A row for every ordered pair of spells that share a day of the year: states that left the system
        // before another entered it (the GDR and the Republic of Yemen in 1990) have none.
        var spells = Inputs.Spells.Where(s => s.Start.Year <= year && s.End.Year >= year).ToArray();
        var expectedRows = spells.Sum(a => spells.Count(b =>
            a.Ccode != b.Ccode && (a.Start > b.Start ? a.Start : b.Start) <= (a.End < b.End ? a.End : b.End)));
        Assert.Equal(expectedRows, rows);
    }

    [Fact]
    public void Keys_in_any_order_get_the_values_of_the_frame_order()
    {
        var frame = DyadYears.Build(Inputs, new DyadYearRequest(1985, 1992, true, DyadJoins.None));
        var sorted = DyadExpectedUtility.Compute(Inputs.Spells, Inputs.Atop!, Inputs.Nmc!, frame.Ccode1.ToArray(), frame.Ccode2.ToArray(), frame.Year.ToArray(), new WarUtilityOptions());

        // Reversed rows: every dyad's years descending, so the year-by-year fill cannot be used.
        var order = Enumerable.Range(0, frame.RowCount).Reverse().ToArray();
        var reversed = DyadExpectedUtility.Compute(
            Inputs.Spells, Inputs.Atop!, Inputs.Nmc!, [.. order.Select(r => frame.Ccode1[r])], [.. order.Select(r => frame.Ccode2[r])], [.. order.Select(r => frame.Year[r])], new WarUtilityOptions());
        var present = 0;
        for (var c = 0; c < sorted.Count; c++)
        {
            for (var k = 0; k < order.Length; k++)
            {
                var r = order[k];
                Assert.Equal(sorted[c].Present[r], reversed[c].Present[k]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(sorted[c].Values[r]), BitConverter.DoubleToInt64Bits(reversed[c].Values[k]));
                present += sorted[c].Present[r] ? 1 : 0;
            }
        }

        Assert.True(present > frame.RowCount * 5, $"{present} values present");
    }

    private static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"expected missing, got {actual}");
        }
        else
        {
            Assert.True(Math.Abs(expected - actual) <= SumTolerance, $"expected {expected}, got {actual}");
        }
    }

    private static (int[] Codes, byte[] Matrix, double[] Capabilities) Year(int year)
    {
        var (codes, matrix) = DyadExpectedUtility.Portfolios(Inputs.Spells, Inputs.Atop!, year, year)[0]!.Value;
        var cinc = Inputs.Nmc!.Column("cinc");
        double[] capabilities = [.. codes.Select(c => Inputs.Nmc.RowOf(c, year) is var row and >= 0 && cinc.Present[row] ? cinc.Doubles![row] : double.NaN)];
        return (codes, matrix, capabilities);
    }

    /// <summary>The definitions, one pair at a time, as the model page writes them.</summary>
    private sealed class Reference(int year, int[] codes, byte[] matrix, double[] capabilities)
    {
        private readonly int _n = codes.Length;
        private readonly Dictionary<(int, int), double> _u = [];

        /// <summary>The states involved in a region, in the order of the inputs.</summary>
        private int[] Involved(int region) => [.. Enumerable.Range(0, _n).Where(k => BdmRegions.IsInvolved(codes[k], region, year))];

        /// <summary>U_xy: τ_b of x's and y's portfolios over the relevant region of (x, y) with x and y, counted pair by pair; 1 for x = y.</summary>
        public double U(int x, int y)
        {
            if (x == y)
            {
                return 1;
            }

            if (_u.TryGetValue((x, y), out var known))
            {
                return known;
            }

            var set = Involved(BdmRegions.Relevant(codes[x], codes[y], year)).Union([x, y]).ToArray();
            double[] px = [.. set.Select(k => (double)matrix[(x * _n) + k])];
            double[] py = [.. set.Select(k => (double)matrix[(y * _n) + k])];
            return _u[(x, y)] = PortfolioSimilarity.TauB(px, py) ?? double.NaN;
        }

        /// <summary>E(U_ij) = P_i(1 − U_ij) + (1 − P_i)(U_ij − 1) + Σ_k (P_ik + P_jk − 1)(U_ki − U_kj), k the third states of the dyad's region.</summary>
        public double WarTrap(int i, int j)
        {
            var (ci, cj, uij) = (capabilities[i], capabilities[j], U(i, j));
            if (double.IsNaN(ci) || double.IsNaN(cj) || double.IsNaN(uij))
            {
                return double.NaN;
            }

            var pi = ci + cj == 0 ? 0.5 : ci / (ci + cj);
            var eu = (pi * (1 - uij)) + ((1 - pi) * (uij - 1));
            foreach (var k in ThirdStates(i, j))
            {
                var ck = capabilities[k];
                var term = (((ci + ck) / (ci + cj + ck)) + ((cj + ck) / (ci + cj + ck)) - 1) * (U(k, i) - U(k, j));
                eu += double.IsNaN(term) ? 0 : term;
            }

            return eu;
        }

        /// <summary>P^i = Σ_{K: a_K &gt; 0} C_K a_K / Σ_K C_K |a_K|, a_K = (U_Ki − U_Kj)/2 (R = 0), τ_b of 1 between different states read as 0.999.</summary>
        public double Win(int i, int j)
        {
            var (ci, cj, uij) = (capabilities[i], capabilities[j], U(i, j));
            if (double.IsNaN(ci) || double.IsNaN(cj) || double.IsNaN(uij))
            {
                return double.NaN;
            }

            var adjusted = WarExpectedUtilityYear.WarReasonTau(uij);
            List<(double C, double A)> parts = [(ci, (1 - adjusted) / 2), (cj, (adjusted - 1) / 2)];
            parts.AddRange(ThirdStates(i, j).Select(k => (capabilities[k], (WarExpectedUtilityYear.WarReasonTau(U(k, i)) - WarExpectedUtilityYear.WarReasonTau(U(k, j))) / 2)));
            var valid = parts.Where(p => !double.IsNaN(p.C) && !double.IsNaN(p.A)).ToList();
            var denominator = valid.Sum(p => p.C * Math.Abs(p.A));
            return denominator > 0 ? valid.Where(p => p.A > 0).Sum(p => p.C * p.A) / denominator : double.NaN;
        }

        private IEnumerable<int> ThirdStates(int i, int j) =>
            Involved(BdmRegions.Relevant(codes[i], codes[j], year)).Where(k => k != i && k != j);
    }
}
