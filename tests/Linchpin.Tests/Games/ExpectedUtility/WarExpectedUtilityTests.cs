using FsCheck.Xunit;
using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Tests.Games.ExpectedUtility;

public sealed class WarExpectedUtilityTests
{
    private static readonly WarUtilityOptions Systemic = new(EuReference.Systemic);

    /// <summary>Three states: A and B in a defence pact with each other, C alone; capabilities 0.5, 0.3, 0.2.</summary>
    private static WarExpectedUtilityYear ThreeStates(WarUtilityOptions options) =>
        WarExpectedUtilityYear.Compute(1990, [210, 211, 212], [3, 3, 0, 3, 3, 0, 0, 0, 3], [0.5, 0.3, 0.2], options);

    public sealed class By_hand
    {
        [Fact]
        public void Tau_b_is_one_for_allies_with_the_same_portfolio_and_minus_one_against_the_outsider()
        {
            var year = ThreeStates(Systemic);
            Assert.Equal(1, year.TauB(210, 211)!.Value, 12);
            Assert.Equal(-1, year.TauB(210, 212)!.Value, 12);
        }

        [Fact]
        public void War_Trap_adds_the_third_states_capability_share_times_its_preference()
        {
            var year = ThreeStates(Systemic);

            // (2 P_A − 1)(1 − U_AC) + C_B/(C_A + C_B + C_C)(U_BA − U_BC), P_A = 0.5/0.7.
            Assert.Equal(((2 * 0.5 / 0.7) - 1) * 2 + (0.3 * 2), year.WarTrap(210, 212)!.Value, 12);
            Assert.Equal(-1.4571428571428571, year.WarTrap(212, 210)!.Value, 12);
        }

        [Fact]
        public void Identical_portfolios_give_zero_expected_utility()
        {
            var year = ThreeStates(Systemic);
            Assert.Equal(0, year.WarTrap(210, 211)!.Value, 12);
            Assert.Equal(0, year.WarTrap(211, 210)!.Value, 12);
        }

        [Fact]
        public void War_and_Reason_probability_weighs_each_state_by_capability_and_preference()
        {
            // K = A: d = 1 − (−1); K = C: d = −1 − 1; K = B: d = 0.999 − (−1) (τ of 1 becomes 0.999).
            var year = ThreeStates(Systemic);
            Assert.Equal(0.79985 / 0.99985, year.WinProbability(210, 212)!.Value, 12);
            Assert.Equal(0.2 / 0.99985, year.TargetWinProbability(210, 212)!.Value, 12);
        }

        [Fact]
        public void Risk_neutral_War_and_Reason_utilities_are_linear_in_tau()
        {
            var u = WarExpectedUtilityYear.Utilities(0.25, new WarUtilityOptions().RiskExponent);
            Assert.Equal(0.75, u.Own, 12);
            Assert.Equal(-0.75, u.Other, 12);
            Assert.Equal(0, u.StatusQuo, 12);
        }

        [Fact]
        public void The_risk_exponent_runs_from_two_to_one_half()
        {
            Assert.Equal(2, new WarUtilityOptions(Risk: -1).RiskExponent, 12);
            Assert.Equal(0.5, new WarUtilityOptions(Risk: 1).RiskExponent, 12);
            Assert.Throws<ArgumentOutOfRangeException>(() => new WarUtilityOptions(Risk: 1.5).Validated());
        }

        [Fact]
        public void A_missing_capability_makes_the_dyad_missing_but_not_the_others()
        {
            var year = WarExpectedUtilityYear.Compute(1990, [210, 211, 212], [3, 3, 0, 3, 3, 0, 0, 0, 3], [0.5, double.NaN, 0.2], Systemic);
            Assert.Null(year.WarTrap(210, 211));
            Assert.Null(year.WinProbability(211, 212));
            Assert.Equal(((2 * 0.5 / 0.7) - 1) * 2, year.WarTrap(210, 212)!.Value, 12);
        }
    }

    public sealed class Regions
    {
        [Fact]
        public void Home_regions_follow_the_COW_code_ranges()
        {
            Assert.Equal(BdmRegions.Americas, BdmRegions.Home(2));
            Assert.Equal(BdmRegions.Europe, BdmRegions.Home(365));
            Assert.Equal(BdmRegions.Africa, BdmRegions.Home(475));
            Assert.Equal(BdmRegions.MiddleEast, BdmRegions.Home(640));
            Assert.Equal(BdmRegions.Asia, BdmRegions.Home(900));
        }

        [Fact]
        public void The_relevant_region_is_the_targets_when_the_challenger_is_involved_there()
        {
            Assert.Equal(BdmRegions.Asia, BdmRegions.Relevant(2, 732, 1990));
            Assert.Equal(BdmRegions.Asia, BdmRegions.Relevant(732, 2, 1990));
            Assert.Equal(BdmRegions.Americas, BdmRegions.Relevant(2, 20, 1990));
            Assert.Equal(BdmRegions.Americas, BdmRegions.Relevant(2, 200, 1890));
            Assert.Equal(BdmRegions.Europe, BdmRegions.Relevant(2, 200, 1900));
        }

        [Fact]
        public void Russia_is_involved_outside_Europe_except_1901_to_1944()
        {
            Assert.True(BdmRegions.IsInvolved(365, BdmRegions.Asia, 1900));
            Assert.False(BdmRegions.IsInvolved(365, BdmRegions.Asia, 1930));
            Assert.True(BdmRegions.IsInvolved(365, BdmRegions.Europe, 1930));
            Assert.True(BdmRegions.IsInvolved(365, BdmRegions.Americas, 1945));
        }
    }

    public sealed class Properties
    {
        private static (int[] Codes, byte[] Portfolios, double[] Capabilities) RandomSystem(int seed)
        {
            var random = new Random(seed);
            var n = random.Next(2, 12);
            var codes = Enumerable.Range(0, 999).OrderBy(_ => random.Next()).Take(n).ToArray();
            var portfolios = new byte[n * n];
            for (var a = 0; a < n; a++)
            {
                for (var k = 0; k < n; k++)
                {
                    portfolios[(a * n) + k] = a == k ? (byte)3 : random.Next(3) == 0 ? (byte)random.Next(4) : (byte)0;
                }
            }

            var capabilities = Enumerable.Range(0, n).Select(_ => random.Next(8) == 0 ? double.NaN : random.NextDouble()).ToArray();
            return (codes, portfolios, capabilities);
        }

        private static bool Close(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < 1e-9;

        [Property(MaxTest = 200)]
        public bool Systemic_War_Trap_is_antisymmetric_and_probabilities_sum_to_one(int seed)
        {
            var (codes, portfolios, capabilities) = RandomSystem(seed);
            var year = WarExpectedUtilityYear.Compute(1990, codes, portfolios, capabilities, Systemic);
            var n = codes.Length;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i == j || double.IsNaN(year.WarTrapAt(i, j)))
                    {
                        continue;
                    }

                    var p = year.WinAt(i, j);
                    if (!Close(year.WarTrapAt(i, j), -year.WarTrapAt(j, i)) || !Close(p + year.TargetWinAt(i, j), 1) || p is < 0 or > 1)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        [Property(MaxTest = 200)]
        public bool Regional_probabilities_of_a_dyad_sum_to_one_and_tau_stays_in_range(int seed)
        {
            var (codes, portfolios, capabilities) = RandomSystem(seed);
            var year = WarExpectedUtilityYear.Compute(1990, codes, portfolios, capabilities, new());
            var n = codes.Length;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var (tau, p, q) = (year.TauAt(i, j), year.WinAt(i, j), year.TargetWinAt(i, j));
                    if (tau is < -1 - 1e-12 or > 1 + 1e-12 || (!double.IsNaN(p) && !Close(p + q, 1)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        [Property(MaxTest = 200)]
        public bool Equal_capabilities_and_no_third_states_give_zero(int seed)
        {
            var random = new Random(seed);
            byte[] portfolios = [3, (byte)random.Next(4), (byte)random.Next(4), 3];
            var c = random.NextDouble();
            var year = WarExpectedUtilityYear.Compute(1990, [200, 210], portfolios, [c, c], new());
            return year.WarTrapAt(0, 1) is var eu && (double.IsNaN(eu) || Math.Abs(eu) < 1e-12);
        }

        [Property(MaxTest = 200)]
        public bool Identical_portfolios_give_zero_in_the_systemic_variant(int seed)
        {
            var (codes, portfolios, capabilities) = RandomSystem(seed);
            var n = codes.Length;

            // Make state 1 a copy of state 0: the same pledges to every target, 3 to each other.
            for (var k = 0; k < n; k++)
            {
                portfolios[n + k] = portfolios[k];
            }

            portfolios[1] = 3;
            portfolios[n + 1] = 3;
            for (var a = 2; a < n; a++)
            {
                portfolios[(a * n) + 1] = portfolios[a * n];
            }

            var year = WarExpectedUtilityYear.Compute(1990, codes, portfolios, capabilities, Systemic);
            return double.IsNaN(year.WarTrapAt(0, 1)) || Math.Abs(year.WarTrapAt(0, 1)) < 1e-12;
        }

        [Property(MaxTest = 100)]
        public bool Permuting_the_states_permutes_the_results(int seed)
        {
            var (codes, portfolios, capabilities) = RandomSystem(seed);
            var n = codes.Length;
            var order = Enumerable.Range(0, n).Reverse().ToArray();
            var permuted = new byte[n * n];
            for (var a = 0; a < n; a++)
            {
                for (var k = 0; k < n; k++)
                {
                    permuted[(a * n) + k] = portfolios[(order[a] * n) + order[k]];
                }
            }

            var options = new WarUtilityOptions();
            var (x, y) = (
                WarExpectedUtilityYear.Compute(1990, codes, portfolios, capabilities, options),
                WarExpectedUtilityYear.Compute(1990, [.. order.Select(i => codes[i])], permuted, [.. order.Select(i => capabilities[i])], options));
            return codes.All(a => codes.All(b => a == b || (
                Same(x.WarTrap(a, b), y.WarTrap(a, b)) && Same(x.WinProbability(a, b), y.WinProbability(a, b)) && Same(x.TauB(a, b), y.TauB(a, b)))));
        }

        [Property(MaxTest = 100)]
        public bool Risk_attitude_keeps_probabilities_in_range(int seed)
        {
            var (codes, portfolios, capabilities) = RandomSystem(seed);
            var risk = (new Random(seed).NextDouble() * 2) - 1;
            var year = WarExpectedUtilityYear.Compute(1990, codes, portfolios, capabilities, new(Risk: risk));
            var n = codes.Length;
            return Enumerable.Range(0, n * n).All(at => double.IsNaN(year.WinAt(at / n, at % n)) || year.WinAt(at / n, at % n) is >= 0 and <= 1);
        }

        private static bool Same(double? a, double? b) => (a is null && b is null) || (a is { } u && b is { } v && Math.Abs(u - v) < 1e-9);
    }

    public sealed class On_the_shipped_data
    {
        private static readonly DyadInputs Inputs = ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc);

        [Fact]
        public void The_dense_portfolios_are_the_alliance_portfolios()
        {
            var portfolios = AlliancePortfolios.Build(Inputs.Spells, Inputs.Atop!, PortfolioCoding.Standard, Inputs.Nmc, 1990, 1990, "atop");
            var dense = DyadExpectedUtility.Portfolios(Inputs.Spells, Inputs.Atop!, 1990, 1990)[0]!.Value;
            Assert.Equal(portfolios.Members(1990), dense.Codes);
            var n = dense.Codes.Length;
            for (var a = 0; a < n; a++)
            {
                Assert.Equal(portfolios.Portfolio(dense.Codes[a], 1990)!, dense.Matrix.AsSpan(a * n, n).ToArray().Select(v => (int)v));
            }
        }

        [Fact]
        public void Systemic_tau_b_is_the_similarity_commands_tau_b()
        {
            var portfolios = AlliancePortfolios.Build(Inputs.Spells, Inputs.Atop!, PortfolioCoding.Standard, Inputs.Nmc, 1990, 1990, "atop");
            var frame = DyadYears.Build(Inputs, new DyadYearRequest(1990, 1990, true, DyadJoins.Eu, Systemic));
            var taub = frame.IndexOf("eu_taub");
            var options = SimilarityOptions.For(PortfolioCoding.Standard);
            for (var r = 0; r < frame.RowCount; r += 97)
            {
                var expected = portfolios.Compare(frame.Ccode1[r], frame.Ccode2[r], 1990, options)!.TauB;
                Assert.Equal(expected, (double?)frame.Value(r, taub) is { } v ? Math.Round(v, 12) : null, (a, b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-12);
            }
        }

        [Fact]
        public void The_frame_columns_are_the_yearly_values_and_missing_after_ATOP()
        {
            var frame = DyadYears.Build(Inputs, new DyadYearRequest(2018, 2019, true, DyadJoins.Eu));
            Assert.Equal(["ccode1", "ccode2", "year", .. DyadExpectedUtility.Columns], frame.Columns.Select(c => c.Name));
            var wt = frame.IndexOf("eu_wt_ij");
            var reverse = frame.IndexOf("eu_wt_ji");
            var byDyad = new Dictionary<(int, int, int), double?>();
            for (var r = 0; r < frame.RowCount; r++)
            {
                byDyad[(frame.Ccode1[r], frame.Ccode2[r], frame.Year[r])] = (double?)frame.Value(r, wt);
            }

            var present2018 = 0;
            for (var r = 0; r < frame.RowCount; r++)
            {
                if (frame.Year[r] == 2019)
                {
                    Assert.Null(frame.Value(r, wt));
                }
                else if (frame.Value(r, wt) is double)
                {
                    present2018++;
                    Assert.Equal(byDyad[(frame.Ccode2[r], frame.Ccode1[r], 2018)], (double?)frame.Value(r, reverse));
                }
            }

            Assert.True(present2018 > 30000);
        }
    }
}
