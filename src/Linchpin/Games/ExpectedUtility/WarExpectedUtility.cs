namespace Linchpin.Games.ExpectedUtility;

/// <summary>The reference system of the τ_b utilities: the dyad's relevant region, or every state.</summary>
public enum EuReference
{
    /// <summary>The states involved in the dyad's relevant region, and the two states themselves (<i>The War Trap</i>; EUGene's default).</summary>
    Regional,

    /// <summary>Every member of the state system (EUGene's "systemic" option).</summary>
    Systemic,
}

/// <summary>Settings of the expected-utility dyad variables.</summary>
/// <param name="Reference">Regional or systemic reference system.</param>
/// <param name="Risk">Risk attitude R in [−1, 1] given to every state in the <i>War and Reason</i> terms (an assumption; 0 = risk neutral); ignored when <paramref name="ComputedRisk"/>.</param>
/// <param name="ComputedRisk">Compute each state's R toward each region from its alliance portfolio (<see cref="WarTrapRisk"/>, as EUGene) instead of giving every state <paramref name="Risk"/>.</param>
public sealed record WarUtilityOptions(EuReference Reference = EuReference.Regional, double Risk = 0, bool ComputedRisk = false)
{
    /// <summary>The exponent r = (1 − R/3) / (1 + R/3), in [0.5, 2], of <see cref="Risk"/>.</summary>
    public double RiskExponent => Exponent(Risk);

    /// <summary>The exponent r = (1 − R/3) / (1 + R/3) of a risk attitude R in [−1, 1] (<i>War and Reason</i>; "The War Trap Revisited").</summary>
    public static double Exponent(double risk) => (1 - (risk / 3)) / (1 + (risk / 3));

    /// <summary>Checks the range of <see cref="Risk"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">R outside [−1, 1].</exception>
    public WarUtilityOptions Validated() =>
        Risk is >= -1 and <= 1 ? this : throw new ArgumentOutOfRangeException(nameof(Risk), Risk, "the risk attitude R must lie in [-1, 1]");
}

/// <summary>A state's <i>War and Reason</i> utilities in a dyad: its own demand, the other's demand, the status quo.</summary>
/// <param name="Own">U_i(Δ_i) = 2 − 4((1 + τ)/4)^r.</param>
/// <param name="Other">U_i(Δ_j) = 2 − 4((3 − τ)/4)^r.</param>
/// <param name="StatusQuo">U_i(SQ) = 2 − 4(1/2)^r.</param>
public readonly record struct DemandUtilities(double Own, double Other, double StatusQuo);

/// <summary>
/// Bueno de Mesquita's expected utility of challenge for every ordered pair of states in one year, from
/// alliance-portfolio similarity (Kendall's τ_b) and capabilities, as EUGene computes it (Bennett and
/// Stam 2000, "EUGene: A Conceptual Manual", <i>International Interactions</i> 26: 179–204): the
/// <i>War Trap</i> expected utility (Bueno de Mesquita 1981) and the <i>War and Reason</i> probability of
/// prevailing and demand utilities (Bueno de Mesquita and Lalman 1992, pp. 291–297).
/// </summary>
/// <remarks>
/// <para>U_ij = τ_b of i's and j's portfolios (values 0–3) over the reference system: the states involved
/// in the relevant region of (i, j) (see <see cref="BdmRegions"/>) plus i and j, or every state;
/// U_ii = 1. Missing (NaN) when a portfolio is constant over the reference system.</para>
/// <para><i>War Trap</i>: E(U_ij) = P_i(1 − U_ij) + (1 − P_i)(U_ij − 1) + Σ_k (P_ik + P_jk − 1)(U_ki − U_kj),
/// P_i = C_i/(C_i + C_j), P_ik = (C_i + C_k)/(C_i + C_j + C_k), P_jk = (C_j + C_k)/(C_i + C_j + C_k), over
/// the third states k involved in the relevant region of (i, j), each U_ki over the relevant region of
/// (k, i). C is the CINC score, not discounted by distance. Third states with a missing C or U are left
/// out; a missing C_i, C_j or U_ij makes the value missing.</para>
/// <para><i>War and Reason</i>: τ_b of 1 between different states becomes 0.999 (p. 291). P^i = Σ_{K: a_K &gt; 0}
/// C_K a_K / Σ_K C_K |a_K|, a_K = ((U_Ki − U_Kj)/2)·e^{R_i (U_Ki − U_Kj)}, over i, j and the states involved in
/// the relevant region; P^j likewise with the signs reversed and R_j. Utilities as <see cref="DemandUtilities"/>,
/// r = (1 − R/3)/(1 + R/3).</para>
/// </remarks>
public sealed partial class WarExpectedUtilityYear
{
    /// <summary>The number of portfolio levels (0 none, 1 entente, 2 neutrality or non-aggression, 3 defence).</summary>
    public const int Levels = 4;

    private const int CcodeLimit = 1000;
    private readonly int[] _index;
    private readonly double[] _tau;
    private readonly double[] _warTrap;
    private readonly double[] _win;
    private readonly double[] _targetWin;
    private readonly double[] _riskA;
    private readonly double[] _riskB;
    private readonly int _n;

    private WarExpectedUtilityYear(int year, int[] codes, double[] tau, double[] warTrap, double[] win, double[] targetWin, double[] riskA, double[] riskB, WarUtilityOptions options)
    {
        _riskA = riskA;
        _riskB = riskB;
        Year = year;
        Codes = codes;
        Options = options;
        _n = codes.Length;
        _tau = tau;
        _warTrap = warTrap;
        _win = win;
        _targetWin = targetWin;
        _index = new int[CcodeLimit];
        Array.Fill(_index, -1);
        for (var i = 0; i < codes.Length; i++)
        {
            _index[codes[i]] = i;
        }
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The states, in the order of the inputs.</summary>
    public IReadOnlyList<int> Codes { get; }

    /// <summary>The settings used.</summary>
    public WarUtilityOptions Options { get; }

    /// <summary>
    /// Computes every ordered pair's values for one year.
    /// </summary>
    /// <param name="year">The year (decides the regions states are involved in).</param>
    /// <param name="codes">COW codes of the states of the system, distinct, 0–999.</param>
    /// <param name="portfolios">Row-major n × n: the value (0–3) of what state a pledges to state k at [a·n + k] (3 on the diagonal in the standard coding).</param>
    /// <param name="capabilities">CINC of each state; NaN where missing.</param>
    /// <param name="options">Reference system and risk attitude.</param>
    /// <exception cref="ArgumentException">The arrays do not match the states, a code repeats or is out of range, or a value is not 0–3.</exception>
    public static WarExpectedUtilityYear Compute(int year, IReadOnlyList<int> codes, ReadOnlySpan<byte> portfolios, ReadOnlySpan<double> capabilities, WarUtilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var n = codes.Count;
        if (portfolios.Length != n * n || capabilities.Length != n)
        {
            throw new ArgumentException($"{n} states need {n * n} portfolio values and {n} capabilities", nameof(portfolios));
        }

        var code = codes.ToArray();
        if (code.Any(c => (uint)c >= CcodeLimit) || code.Distinct().Count() != n)
        {
            throw new ArgumentException("state codes must be distinct and lie in 0-999", nameof(codes));
        }

        foreach (var v in portfolios)
        {
            if (v >= Levels)
            {
                throw new ArgumentException($"a portfolio value {v} is not 0-{Levels - 1}", nameof(portfolios));
            }
        }

        WarExpectedUtilityYear? result = null;
        ComputeInto(year, code, portfolios.ToArray(), capabilities.ToArray(), options, (count, arrays) =>
            result = new WarExpectedUtilityYear(year, code, arrays.Tau[..(count * count)], arrays.WarTrap[..(count * count)], arrays.Win[..(count * count)], arrays.TargetWin[..(count * count)], arrays.Full(arrays.RiskA, count * count), arrays.Full(arrays.RiskB, count * count), options));
        return result!;
    }

    /// <summary>
    /// Computes one year into pooled working arrays and hands them to <paramref name="results"/>
    /// (row-major n × n; valid only during the call); no checks of the inputs.
    /// </summary>
    internal static void ComputeInto(int year, int[] codes, byte[] portfolios, double[] capabilities, WarUtilityOptions options, YearResults results)
    {
        var work = new Work(year, codes, portfolios, capabilities, options);
        try
        {
            work.Taus();
            work.Risks();
            work.Utilities();
            results(codes.Length, new YearArrays(work.U, work.WarTrap, work.Win, work.TargetWin, work.RiskA, work.RiskB, options.Risk));
        }
        finally
        {
            work.Return();
        }
    }

    /// <summary>The <i>War and Reason</i> utilities for a τ_b (already adjusted) and a risk exponent r.</summary>
    public static DemandUtilities Utilities(double tau, double exponent) => exponent == 1
        ? new(1 - tau, tau - 1, 0)
        : new(
            2 - (4 * Math.Pow((2 - (1 - tau)) / 4, exponent)),
            2 - (4 * Math.Pow((2 - (tau - 1)) / 4, exponent)),
            2 - (4 * Math.Pow(0.5, exponent)));

    /// <summary>τ_b as <i>War and Reason</i> uses it: 1 between different states becomes 0.999.</summary>
    public static double WarReasonTau(double tau) => tau == 1 ? 0.999 : tau;

    /// <summary>The index of a state in <see cref="Codes"/>, or -1.</summary>
    public int IndexOf(int ccode) => (uint)ccode < CcodeLimit ? _index[ccode] : -1;

    /// <summary>U_ij: τ_b of states i and j (indices) over the dyad's reference system; NaN where missing.</summary>
    public double TauAt(int i, int j) => _tau[(i * _n) + j];

    /// <summary><i>War Trap</i> E(U_ij) of i (index) challenging j; NaN where missing.</summary>
    public double WarTrapAt(int i, int j) => _warTrap[(i * _n) + j];

    /// <summary><i>War and Reason</i> P^i: the probability that i prevails against j; NaN where missing.</summary>
    public double WinAt(int i, int j) => _win[(i * _n) + j];

    /// <summary><i>War and Reason</i> P^j in the dyad (i, j): the probability that j prevails; NaN where missing.</summary>
    public double TargetWinAt(int i, int j) => _targetWin[(i * _n) + j];

    /// <summary>R of i (index) toward the relevant region of (i, j); NaN where missing.</summary>
    public double RiskAAt(int i, int j) => _riskA[(i * _n) + j];

    /// <summary>R of j (index) toward the relevant region of (i, j); NaN where missing.</summary>
    public double RiskBAt(int i, int j) => _riskB[(i * _n) + j];

    /// <summary>R of the first state toward the relevant region of the dyad, by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? RiskA(int ccode1, int ccode2) => Get(_riskA, ccode1, ccode2);

    /// <summary>R of the second state toward the relevant region of the dyad, by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? RiskB(int ccode1, int ccode2) => Get(_riskB, ccode1, ccode2);

    /// <summary>U_ij for two states by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? TauB(int ccode1, int ccode2) => Get(_tau, ccode1, ccode2);

    /// <summary><i>War Trap</i> E(U_ij) by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? WarTrap(int ccode1, int ccode2) => Get(_warTrap, ccode1, ccode2);

    /// <summary><i>War and Reason</i> P^i by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? WinProbability(int ccode1, int ccode2) => Get(_win, ccode1, ccode2);

    /// <summary><i>War and Reason</i> P^j of the dyad (i, j) by code; <c>null</c> where missing.</summary>
    /// <exception cref="ArgumentException">A state is not in this year's system.</exception>
    public double? TargetWinProbability(int ccode1, int ccode2) => Get(_targetWin, ccode1, ccode2);

    private double? Get(double[] values, int ccode1, int ccode2)
    {
        var (i, j) = (IndexOf(ccode1), IndexOf(ccode2));
        if (i < 0 || j < 0)
        {
            throw new ArgumentException($"state {(i < 0 ? ccode1 : ccode2)} is not in the system in {Year}", i < 0 ? nameof(ccode1) : nameof(ccode2));
        }

        var value = values[(i * _n) + j];
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>Receives one year's results (each n × n row-major, owned by the receiver).</summary>
    internal delegate void YearResults(int n, YearArrays arrays);

    /// <summary>One year's results: τ_b, <i>War Trap</i> E(U), P^i and P^j, and the risk attitudes of i and j toward the dyad's region.</summary>
    /// <remarks>The risk arrays are empty when every state has the given risk <paramref name="Given"/>.</remarks>
    internal readonly record struct YearArrays(double[] Tau, double[] WarTrap, double[] Win, double[] TargetWin, double[] RiskA, double[] RiskB, double Given)
    {
        /// <summary>R of i toward the region of the pair at <paramref name="at"/>.</summary>
        public double RiskAOf(int at) => RiskA.Length == 0 ? Given : RiskA[at];

        /// <summary>R of j toward the region of the pair at <paramref name="at"/>.</summary>
        public double RiskBOf(int at) => RiskB.Length == 0 ? Given : RiskB[at];

        /// <summary>A risk array of <paramref name="length"/> values, the given risk repeated when it is empty.</summary>
        public double[] Full(double[] risks, int length) => risks.Length == 0 ? [.. Enumerable.Repeat(Given, length)] : risks[..length];
    }
}
