using Linchpin.Alignment;

namespace Linchpin.Games.ExpectedUtility;

/// <summary>
/// A state's risk attitude toward one region in one year, with the security levels it comes from.
/// </summary>
/// <param name="Risk">R = (2S − S_max − S_min)/(S_max − S_min) in [−1, 1]: −1 when the actual portfolio is the most secure found (risk averse), +1 when it is the least secure (risk acceptant); 0 when S_max = S_min; NaN where missing.</param>
/// <param name="Security">S: the sum over the other states j of the region of the <i>War Trap</i> E(U_ji), j challenging this state, under the actual portfolio (higher = more exposed).</param>
/// <param name="Highest">S_max: the highest S found over hypothetical portfolios (the least secure).</param>
/// <param name="Lowest">S_min: the lowest S found (the most secure).</param>
public readonly record struct RiskScore(double Risk, double Security, double Highest, double Lowest)
{
    /// <summary>The missing score.</summary>
    public static RiskScore Missing { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>R from S, S_max and S_min, with EUGene's rules: 0 when S_max = S_min, missing when S lies outside them.</summary>
    public static RiskScore Of(double security, double highest, double lowest)
    {
        if (double.IsNaN(security) || double.IsNaN(highest) || double.IsNaN(lowest) || security > highest || security < lowest)
        {
            return Missing with { Security = security, Highest = highest, Lowest = lowest };
        }

        var risk = highest == lowest ? 0 : ((2 * security) - highest - lowest) / (highest - lowest);
        return new(Math.Clamp(risk, -1, 1), security, highest, lowest);
    }
}

/// <summary>
/// Bueno de Mesquita's risk attitude from alliance portfolios ("The War Trap Revisited", <i>APSR</i> 79(1),
/// 1985), as EUGene computes it (Bennett and Stam 2000): how far a state's actual alliance portfolio lies
/// between the most and the least secure portfolios it could have had in a region and year.
/// </summary>
/// <remarks>
/// <para>Security of state i toward region r: S_i = Σ_j E(U_ji) over the states j ≠ i involved in r, with the
/// <i>War Trap</i> expected utility of j challenging i (<see cref="WarExpectedUtilityYear"/>: τ_b utilities
/// over each pair's relevant region, undiscounted CINC). A high S means others gain much by attacking i.</para>
/// <para>S_max and S_min come from EUGene's default search ("steepest", tolerance 0.01): starting from the
/// actual portfolios, try every single change of i's alliance with one state x of the region to each of
/// the four levels (none, entente, neutrality, defence), set the same way in both directions (i toward x and
/// x toward i), keep the one change that raises (lowers) S most, and repeat until the best change moves S by
/// less than the tolerance or after 2|V| rounds. States are tried in ascending COW code and the levels in
/// EUGene's order (defence, neutrality, entente, none); only a strictly better change replaces the best.
/// The search is deterministic. R = (2S − S_max − S_min)/(S_max − S_min).</para>
/// <para>Systemic reference: one region, the whole system (EUGene's "globe").</para>
/// </remarks>
public static class WarTrapRisk
{
    /// <summary>EUGene's default search tolerance: stop when the best single change moves S by less.</summary>
    public const double Tolerance = 0.01;

    /// <summary>The index of the whole system as a "region" (systemic reference).</summary>
    public const int Globe = BdmRegions.Count;

    /// <summary>The number of region slots of a risk table: the five regions and the globe.</summary>
    public const int Slots = BdmRegions.Count + 1;

    /// <summary>
    /// Computes the risk score of one state toward one region.
    /// </summary>
    /// <param name="year">The year (decides the regions states are involved in).</param>
    /// <param name="codes">COW codes of the states of the system, distinct, 0–999.</param>
    /// <param name="portfolios">Row-major n × n: the value (0–3) that state a pledges to state k at [a·n + k].</param>
    /// <param name="capabilities">CINC of each state; NaN where missing.</param>
    /// <param name="state">The index of the state in <paramref name="codes"/>.</param>
    /// <param name="region">A region of <see cref="BdmRegions"/>, or <see cref="Globe"/>.</param>
    /// <exception cref="ArgumentException">The arrays do not match the states, a code repeats or is out of range, or a value is not 0–3.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The state or region index is out of range.</exception>
    public static RiskScore Compute(int year, IReadOnlyList<int> codes, ReadOnlySpan<byte> portfolios, ReadOnlySpan<double> capabilities, int state, int region)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var n = codes.Count;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)state, (uint)n, nameof(state));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)region, (uint)Slots, nameof(region));
        var system = RiskSystem.Create(year, Check(codes, portfolios, capabilities), portfolios.ToArray(), capabilities.ToArray(), region == Globe);
        return system.Score(state, region);
    }

    /// <summary>The sum S over the states of the region of E(U_ji) against <paramref name="state"/> under the given portfolios (no search).</summary>
    /// <exception cref="ArgumentException">As <see cref="Compute"/>.</exception>
    public static double Security(int year, IReadOnlyList<int> codes, ReadOnlySpan<byte> portfolios, ReadOnlySpan<double> capabilities, int state, int region)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)state, (uint)codes.Count, nameof(state));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)region, (uint)Slots, nameof(region));
        var system = RiskSystem.Create(year, Check(codes, portfolios, capabilities), portfolios.ToArray(), capabilities.ToArray(), region == Globe);
        return system.ActualSecurity(state, region);
    }

    private static int[] Check(IReadOnlyList<int> codes, ReadOnlySpan<byte> portfolios, ReadOnlySpan<double> capabilities)
    {
        var n = codes.Count;
        if (portfolios.Length != n * n || capabilities.Length != n)
        {
            throw new ArgumentException($"{n} states need {n * n} portfolio values and {n} capabilities", nameof(portfolios));
        }

        var code = codes.ToArray();
        if (code.Any(c => (uint)c >= 1000) || code.Distinct().Count() != n)
        {
            throw new ArgumentException("state codes must be distinct and lie in 0-999", nameof(codes));
        }

        foreach (var v in portfolios)
        {
            if (v >= WarExpectedUtilityYear.Levels)
            {
                throw new ArgumentException($"a portfolio value {v} is not 0-{WarExpectedUtilityYear.Levels - 1}", nameof(portfolios));
            }
        }

        return code;
    }
}

/// <summary>
/// One year's system for the risk search: the regions, the reference set of each ordered pair, and the
/// τ_b matrix of the actual portfolios, shared by every (state, region) search of the year.
/// </summary>
internal sealed class RiskSystem
{
    private const int Levels = WarExpectedUtilityYear.Levels;

    // The levels in the order EUGene tries them: defence, neutrality, entente, none.
    private static readonly byte[] SearchOrder = [3, 2, 1, 0];

    private readonly int _n;
    private readonly int[] _codes;
    private readonly byte[] _v;
    private readonly double[] _c;
    private readonly bool _systemic;
    private readonly int[] _home;
    private readonly int[] _mask;
    private readonly int[][] _members;
    private readonly int[] _relevant;
    private readonly double[] _u;

    private RiskSystem(int year, int[] codes, byte[] portfolios, double[] capabilities, bool systemic)
    {
        _n = codes.Length;
        _codes = codes;
        _v = portfolios;
        _c = capabilities;
        _systemic = systemic;
        _home = [.. codes.Select(BdmRegions.Home)];
        _mask = [.. codes.Select(c => BdmRegions.InvolvedMask(c, year))];

        // Members of each region in ascending COW code (the order EUGene tries them), the globe last.
        var byCode = Enumerable.Range(0, _n).OrderBy(k => codes[k]).ToArray();
        _members = [.. Enumerable.Range(0, WarTrapRisk.Slots).Select(r => r == WarTrapRisk.Globe ? byCode : byCode.Where(k => (_mask[k] & (1 << r)) != 0).ToArray())];
        _relevant = new int[_n * _n];
        for (var x = 0; x < _n; x++)
        {
            for (var y = 0; y < _n; y++)
            {
                _relevant[(x * _n) + y] = systemic ? WarTrapRisk.Globe
                    : _home[x] == _home[y] || (_mask[x] & (1 << _home[y])) != 0 ? _home[y] : _home[x];
            }
        }

        _u = new double[_n * _n];
        for (var x = 0; x < _n; x++)
        {
            for (var y = 0; y < _n; y++)
            {
                _u[(x * _n) + y] = Tau(_v, x, y);
            }
        }
    }

    public static RiskSystem Create(int year, int[] codes, byte[] portfolios, double[] capabilities, bool systemic) =>
        new(year, codes, portfolios, capabilities, systemic);

    /// <summary>S of the actual portfolios.</summary>
    public double ActualSecurity(int state, int region) => new Search(this, state, region).Security();

    /// <summary>The risk score of a state toward a region: S, and S_max and S_min by EUGene's steepest search.</summary>
    public RiskScore Score(int state, int region)
    {
        if (_systemic != (region == WarTrapRisk.Globe))
        {
            throw new ArgumentException("the globe goes with the systemic reference, and the five regions with the regional one", nameof(region));
        }

        var search = new Search(this, state, region);
        var security = search.Security();
        if (double.IsNaN(security))
        {
            return RiskScore.Missing;
        }

        var highest = new Search(this, state, region).Steepest(maximize: true, security);
        var lowest = new Search(this, state, region).Steepest(maximize: false, security);
        return RiskScore.Of(security, highest, lowest);
    }

    /// <summary>τ_b of x's and y's portfolios in <paramref name="v"/> over the relevant region of (x, y), with x and y; NaN where a portfolio is constant.</summary>
    private double Tau(byte[] v, int x, int y)
    {
        if (x == y)
        {
            return 1;
        }

        Span<int> table = stackalloc int[Levels * Levels];
        table.Clear();
        var set = _members[_relevant[(x * _n) + y]];
        bool hasX = false, hasY = false;
        var (rowX, rowY) = (x * _n, y * _n);
        foreach (var k in set)
        {
            table[(v[rowX + k] * Levels) + v[rowY + k]]++;
            hasX |= k == x;
            hasY |= k == y;
        }

        if (!hasX)
        {
            table[(v[rowX + x] * Levels) + v[rowY + x]]++;
        }

        if (!hasY)
        {
            table[(v[rowX + y] * Levels) + v[rowY + y]]++;
        }

        return PortfolioSimilarity.TauB4(table);
    }

    /// <summary>One search for one state and region: its own copies of the portfolios and the τ_b matrix.</summary>
    private sealed class Search
    {
        private readonly RiskSystem _s;
        private readonly int _i;
        private readonly int[] _region;
        private readonly byte[] _v;
        private readonly double[] _u;
        private readonly double[] _savedRows;

        public Search(RiskSystem system, int state, int region)
        {
            _s = system;
            _i = state;

            // The states whose alliance with i may vary, and whose challenges of i are summed: those involved in the region, and i.
            var members = system._members[region];
            _region = members.Contains(state) ? members : [.. members.Append(state).OrderBy(k => system._codes[k])];
            _v = (byte[])system._v.Clone();
            _u = (double[])system._u.Clone();
            _savedRows = new double[4 * system._n];
        }

        /// <summary>S = Σ_{j ≠ i} E(U_ji) over the region under the current portfolios; NaN when no term is present.</summary>
        public double Security()
        {
            var (n, i, c, u) = (_s._n, _i, _s._c, _u);
            var ci = c[i];
            var sum = 0.0;
            var any = false;
            if (double.IsNaN(ci))
            {
                return double.NaN;
            }

            foreach (var j in _region)
            {
                var cj = c[j];
                var uji = u[(j * n) + i];
                if (j == i || double.IsNaN(cj) || double.IsNaN(uji))
                {
                    continue;
                }

                var both = cj + ci;
                var p = both == 0 ? 0.5 : cj / both;
                var eu = (p * (1 - uji)) + ((1 - p) * (uji - 1));

                // Third states k involved in the relevant region of (j, i): C_k/(C_j + C_i + C_k)·(U_kj − U_ki).
                foreach (var k in _s._members[_s._relevant[(j * n) + i]])
                {
                    if (k == i || k == j)
                    {
                        continue;
                    }

                    var ck = c[k];
                    var term = ck / (both + ck) * (u[(k * n) + j] - u[(k * n) + i]);
                    if (!double.IsNaN(term))
                    {
                        eu += term;
                    }
                }

                sum += eu;
                any = true;
            }

            return any ? sum : double.NaN;
        }

        /// <summary>EUGene's steepest search for the highest (lowest) S from the actual portfolios.</summary>
        public double Steepest(bool maximize, double start)
        {
            var (n, i) = (_s._n, _i);
            var best = (Value: start, Other: i, Level: (byte)0);
            for (var round = 1; round <= 2 * _region.Length; round++)
            {
                var before = best.Value;
                foreach (var x in _region)
                {
                    if (x == i)
                    {
                        continue;
                    }

                    var current = _v[(i * n) + x];
                    foreach (var level in SearchOrder)
                    {
                        if (level == current)
                        {
                            continue;
                        }

                        var (oldIx, oldXi) = (_v[(i * n) + x], _v[(x * n) + i]);
                        Set(x, level, level, save: true);
                        var value = Security();
                        Restore(x, oldIx, oldXi);
                        if (!double.IsNaN(value) && (maximize ? value > best.Value : value < best.Value))
                        {
                            best = (value, x, level);
                        }
                    }
                }

                if (best.Other != i)
                {
                    Set(best.Other, best.Level, best.Level, save: false);
                }

                if (Math.Abs(before - best.Value) < WarTrapRisk.Tolerance)
                {
                    break;
                }
            }

            return best.Value;
        }

        /// <summary>Sets i's alliance with x (both directions) and updates the τ_b of every pair with i or x.</summary>
        private void Set(int x, byte ix, byte xi, bool save)
        {
            var (n, i) = (_s._n, _i);
            if (save)
            {
                for (var k = 0; k < n; k++)
                {
                    _savedRows[k] = _u[(i * n) + k];
                    _savedRows[n + k] = _u[(k * n) + i];
                    _savedRows[(2 * n) + k] = _u[(x * n) + k];
                    _savedRows[(3 * n) + k] = _u[(k * n) + x];
                }
            }

            (_v[(i * n) + x], _v[(x * n) + i]) = (ix, xi);
            for (var k = 0; k < n; k++)
            {
                _u[(i * n) + k] = _s.Tau(_v, i, k);
                _u[(k * n) + i] = _s.Tau(_v, k, i);
                _u[(x * n) + k] = _s.Tau(_v, x, k);
                _u[(k * n) + x] = _s.Tau(_v, k, x);
            }
        }

        private void Restore(int x, byte ix, byte xi)
        {
            var (n, i) = (_s._n, _i);
            (_v[(i * n) + x], _v[(x * n) + i]) = (ix, xi);
            for (var k = 0; k < n; k++)
            {
                _u[(i * n) + k] = _savedRows[k];
                _u[(k * n) + i] = _savedRows[n + k];
                _u[(x * n) + k] = _savedRows[(2 * n) + k];
                _u[(k * n) + x] = _savedRows[(3 * n) + k];
            }
        }
    }
}
