using FsCheck.Xunit;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Tests.Games.ExpectedUtility;

public sealed class WarTrapRiskTests
{
    // Four European states (one region, so the regional and the systemic reference agree).
    private static readonly int[] Codes = [200, 220, 255, 365];
    private static readonly double[] Capabilities = [0.30, 0.15, 0.35, 0.20];

    /// <summary>UK–France defence pact, Germany–Russia neutrality, France–Russia entente; 3 toward itself.</summary>
    private static byte[] Actual() =>
    [
        3, 3, 0, 0,
        3, 3, 0, 1,
        0, 0, 3, 2,
        0, 1, 2, 3,
    ];

    /// <summary>Every hypothetical portfolio of <paramref name="state"/>: each other state's alliance set to one of four levels, both ways.</summary>
    private static IEnumerable<byte[]> AllPortfolios(byte[] actual, int state)
    {
        var n = Codes.Length;
        var others = Enumerable.Range(0, n).Where(k => k != state).ToArray();
        var count = (int)Math.Pow(4, others.Length);
        for (var combination = 0; combination < count; combination++)
        {
            var v = (byte[])actual.Clone();
            var rest = combination;
            foreach (var x in others)
            {
                var level = (byte)(rest % 4);
                rest /= 4;
                (v[(state * n) + x], v[(x * n) + state]) = (level, level);
            }

            yield return v;
        }
    }

    private static double Security(byte[] v, int state) =>
        WarTrapRisk.Security(1900, Codes, v, Capabilities, state, BdmRegions.Europe);

    public sealed class Security_sum
    {
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(3)]
        public void Is_the_sum_of_the_War_Trap_expected_utilities_of_the_others_challenging_the_state(int state)
        {
            var year = WarExpectedUtilityYear.Compute(1900, Codes, Actual(), Capabilities, new WarUtilityOptions());
            var expected = Enumerable.Range(0, Codes.Length).Where(j => j != state).Sum(j => year.WarTrapAt(j, state));
            Assert.Equal(expected, Security(Actual(), state), 12);
        }
    }

    public sealed class Risk_score
    {
        [Fact]
        public void A_state_whose_actual_portfolio_is_the_most_secure_of_all_has_risk_minus_one()
        {
            const int state = 1;
            var safest = AllPortfolios(Actual(), state).Where(v => !double.IsNaN(Security(v, state))).MinBy(v => Security(v, state))!;
            var score = WarTrapRisk.Compute(1900, Codes, safest, Capabilities, state, BdmRegions.Europe);
            Assert.True(Math.Abs(score.Risk + 1) < 1e-12, $"{score}");
            Assert.Equal(score.Lowest, score.Security, 12);
            Assert.True(score.Highest > score.Security);
        }

        [Fact]
        public void A_state_whose_actual_portfolio_is_the_least_secure_of_all_has_risk_plus_one()
        {
            const int state = 2;
            var exposed = AllPortfolios(Actual(), state).Where(v => !double.IsNaN(Security(v, state))).MaxBy(v => Security(v, state))!;
            var score = WarTrapRisk.Compute(1900, Codes, exposed, Capabilities, state, BdmRegions.Europe);
            Assert.Equal(1, score.Risk, 12);
        }

        [Fact]
        public void The_search_stays_within_the_exhaustive_bounds_and_matches_the_formula()
        {
            for (var state = 0; state < Codes.Length; state++)
            {
                var all = AllPortfolios(Actual(), state).Select(v => Security(v, state)).Where(s => !double.IsNaN(s)).ToArray();
                var score = WarTrapRisk.Compute(1900, Codes, Actual(), Capabilities, state, BdmRegions.Europe);
                Assert.InRange(score.Highest, score.Security, all.Max() + 1e-12);
                Assert.InRange(score.Lowest, all.Min() - 1e-12, score.Security);
                Assert.Equal(((2 * score.Security) - score.Highest - score.Lowest) / (score.Highest - score.Lowest), score.Risk, 12);
            }
        }

        [Fact]
        public void Equal_bounds_give_zero_and_a_missing_capability_gives_missing()
        {
            Assert.Equal(0, RiskScore.Of(0.4, 0.4, 0.4).Risk);
            Assert.True(double.IsNaN(RiskScore.Of(0.5, 0.4, 0.1).Risk));
            double[] capabilities = [0.3, double.NaN, 0.35, 0.2];
            Assert.True(double.IsNaN(WarTrapRisk.Compute(1900, Codes, Actual(), capabilities, 1, BdmRegions.Europe).Risk));
        }

        [Fact]
        public void A_region_the_state_is_not_involved_in_counts_only_the_states_involved_there()
        {
            // In 1910 only the UK and France among these four are involved in the Americas (Russia not in 1901–1944).
            var americas = WarTrapRisk.Security(1910, Codes, Actual(), Capabilities, 2, BdmRegions.Americas);
            var year = WarExpectedUtilityYear.Compute(1910, Codes, Actual(), Capabilities, new WarUtilityOptions());
            Assert.Equal(year.WarTrapAt(0, 2) + year.WarTrapAt(1, 2), americas, 12);
        }
    }

    public sealed class In_the_dyad_frame
    {
        private static readonly Linchpin.Data.DyadInputs Inputs = Linchpin.Data.ShippedDyadData.Load(Linchpin.Data.DyadJoins.Atop | Linchpin.Data.DyadJoins.Nmc);

        [Fact]
        public void Computed_risk_columns_are_each_states_score_toward_the_dyads_relevant_region()
        {
            var frame = Linchpin.Data.DyadYears.Build(Inputs, new Linchpin.Data.DyadYearRequest(1816, 1816, true, Linchpin.Data.DyadJoins.Eu, new WarUtilityOptions(ComputedRisk: true)));
            var (riskI, riskJ) = (frame.IndexOf("eu_risk_i"), frame.IndexOf("eu_risk_j"));
            var year = Linchpin.Data.DyadExpectedUtility.Portfolios(Inputs.Spells, Inputs.Atop!, 1816, 1816)[0]!.Value;
            var cinc = Inputs.Nmc!.Column("cinc");
            double[] capabilities = [.. year.Codes.Select(c => Inputs.Nmc.RowOf(c, 1816) is var row and >= 0 && cinc.Present[row] ? cinc.Doubles![row] : double.NaN)];
            var checkedRows = 0;
            for (var r = 0; r < frame.RowCount; r += 37)
            {
                var (a, b) = (frame.Ccode1[r], frame.Ccode2[r]);
                var region = BdmRegions.Relevant(a, b, 1816);
                var expectedI = WarTrapRisk.Compute(1816, year.Codes, year.Matrix, capabilities, Array.IndexOf(year.Codes, a), region).Risk;
                var expectedJ = WarTrapRisk.Compute(1816, year.Codes, year.Matrix, capabilities, Array.IndexOf(year.Codes, b), region).Risk;
                Assert.Equal(double.IsNaN(expectedI) ? null : expectedI, (double?)frame.Value(r, riskI));
                Assert.Equal(double.IsNaN(expectedJ) ? null : expectedJ, (double?)frame.Value(r, riskJ));
                Assert.InRange((double?)frame.Value(r, riskI) ?? 0, -1, 1);
                checkedRows++;
            }

            Assert.True(checkedRows > 5);
        }

        [Fact]
        public void A_given_risk_is_every_states_and_a_risk_acceptant_challenger_has_a_different_probability()
        {
            var neutral = Linchpin.Data.DyadYears.Build(Inputs, new Linchpin.Data.DyadYearRequest(1900, 1900, true, Linchpin.Data.DyadJoins.Eu));
            var acceptant = Linchpin.Data.DyadYears.Build(Inputs, new Linchpin.Data.DyadYearRequest(1900, 1900, true, Linchpin.Data.DyadJoins.Eu, new WarUtilityOptions(Risk: 0.5)));
            var (risk, win) = (acceptant.IndexOf("eu_risk_i"), acceptant.IndexOf("eu_wr_pij"));
            var differ = 0;
            for (var r = 0; r < acceptant.RowCount; r++)
            {
                Assert.Equal(0.5, (double?)acceptant.Value(r, risk));
                Assert.Equal(0.0, (double?)neutral.Value(r, risk));
                differ += Equals(acceptant.Value(r, win), neutral.Value(r, win)) ? 0 : 1;
            }

            Assert.True(differ > acceptant.RowCount / 2);
        }
    }

    public sealed class Properties
    {
        [Property(MaxTest = 40)]
        public bool Risk_lies_in_minus_one_to_one_with_the_bounds_around_the_actual_security(int seed)
        {
            var (portfolios, capabilities) = RandomSystem(seed);
            return Enumerable.Range(0, 4).All(state =>
            {
                var score = WarTrapRisk.Compute(1900, Codes, portfolios, capabilities, state, BdmRegions.Europe);
                return double.IsNaN(score.Risk) || (score.Risk is >= -1 and <= 1 && score.Lowest <= score.Security && score.Security <= score.Highest);
            });
        }

        [Property(MaxTest = 25)]
        public bool Permuting_the_states_leaves_each_states_score_unchanged(int seed)
        {
            var (original, capabilities) = RandomSystem(seed);
            int[] order = [2, 0, 3, 1];
            var codes = order.Select(k => Codes[k]).ToArray();
            var permutedCapabilities = order.Select(k => capabilities[k]).ToArray();
            var permuted = new byte[16];
            for (var a = 0; a < 4; a++)
            {
                for (var b = 0; b < 4; b++)
                {
                    permuted[(a * 4) + b] = original[(order[a] * 4) + order[b]];
                }
            }

            return Enumerable.Range(0, 4).All(p =>
            {
                var before = WarTrapRisk.Compute(1900, Codes, original, capabilities, order[p], BdmRegions.Europe).Risk;
                var after = WarTrapRisk.Compute(1900, codes, permuted, permutedCapabilities, p, BdmRegions.Europe).Risk;
                return before.Equals(after) || Math.Abs(before - after) < 1e-12;
            });
        }

        private static (byte[] Portfolios, double[] Capabilities) RandomSystem(int seed)
        {
            var random = new Random(seed);
            var v = new byte[16];
            for (var a = 0; a < 4; a++)
            {
                v[(a * 4) + a] = 3;
                for (var b = a + 1; b < 4; b++)
                {
                    v[(a * 4) + b] = v[(b * 4) + a] = (byte)random.Next(4);
                }
            }

            return (v, [.. Enumerable.Range(0, 4).Select(_ => random.Next(1, 101) / 100.0)]);
        }
    }
}

/// <summary>The expected-utility columns in a Parquet file: a given risk (the same value on every row) is written as a one-entry dictionary.</summary>
public sealed class ExpectedUtilityParquetTests(Linchpin.Tests.TestSupport.StoreFixture fixture) : IClassFixture<Linchpin.Tests.TestSupport.StoreFixture>
{
    [Fact]
    public void Parquet_reads_back_the_expected_utility_columns_with_their_nulls()
    {
        var inputs = Linchpin.Data.ShippedDyadData.Load(Linchpin.Data.DyadJoins.Atop | Linchpin.Data.DyadJoins.Nmc);
        var frame = Linchpin.Data.DyadYears.Build(inputs, new Linchpin.Data.DyadYearRequest(2017, 2019, true, Linchpin.Data.DyadJoins.Eu, new WarUtilityOptions(Risk: 0.25)));
        using var home = new Linchpin.Tests.TestSupport.TempHome();
        var path = home.File("eu.parquet");
        Assert.Equal(frame.RowCount, Linchpin.Data.DyadFrameFile.Write(frame, path));
        var read = fixture.Store.Query($"SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')");
        var expected = frame.ToResultTable();
        Assert.Equal(expected.Rows.Count, read.Rows.Count);
        var risk = frame.IndexOf("eu_risk_i");
        Assert.Contains(expected.Rows, row => row[risk] is null);
        Assert.Contains(expected.Rows, row => Equals(row[risk], 0.25));
        for (var r = 0; r < read.Rows.Count; r++)
        {
            for (var c = 0; c < read.Columns.Count; c++)
            {
                Assert.Equal(expected.Rows[r][c], read.Rows[r][c]);
            }
        }
    }
}
