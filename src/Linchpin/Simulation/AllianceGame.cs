using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// The joint-product alliance game the simulation plays each year: every ally chooses defence
/// spending <c>q</c> to maximise <c>ln(w − q) + B ln(G + E) + D ln q</c>, where <c>G</c> is the
/// allies' total spending (the alliance public good), <c>E</c> the patron's protection the ally
/// counts on (its spill-in), and <c>ln q</c> the ally's private joint product.
/// </summary>
/// <remarks>
/// <para>
/// Sandler's joint-product model (Sandler 1977; Cornes &amp; Sandler 1984) in Cobb-Douglas form, solved
/// as Bergstrom, Blume &amp; Varian (1986) solve the pure public good: the spending of an ally
/// consistent with a total <c>G</c> solves its first-order condition
/// <c>1/(w − q) = B/(G + E) + D/q</c>, i.e. the quadratic <c>B q² + (X + D X − B w) q − D w X = 0</c>
/// with <c>X = G + E</c>; it decreases in <c>G</c>, so the equilibrium is the unique root of
/// <c>h(G) = Σ q_i(G) − G</c>, found by safeguarded Newton steps.
/// </para>
/// <para>
/// With <c>D = 0</c> and <c>E = 0</c> this is the pure public good with Cobb-Douglas preferences
/// <c>α = 1/(1 + B)</c>: <see cref="Games.PublicGoods.PublicGoodGame.Solve"/> gives the same equilibrium.
/// </para>
/// </remarks>
public static class AllianceGame
{
    /// <summary>
    /// The solver stops when the total and the sum of the contributions agree to this relative
    /// precision, far below anything the model's inputs carry; a tighter one costs a further pass.
    /// </summary>
    private const double Tolerance = 1e-10;

    /// <summary>
    /// Where every ally is interior, a Halley step below this share of G is taken without a further
    /// pass: the contributions follow from their second-order expansion about the last G, with an
    /// error of order (step/G)³ ≤ 10⁻¹², inside <see cref="Tolerance"/>. It saves one of the about
    /// three passes the yearly solve took from its warm start.
    /// </summary>
    private const double TaylorStep = 1e-4;

    /// <summary>The spending of an ally consistent with a total <paramref name="total"/> (its best response to the others' <c>G − q</c>).</summary>
    /// <param name="income">Income <c>w ≥ 0</c>.</param>
    /// <param name="publicWeight">Weight <c>B ≥ 0</c> on the public good.</param>
    /// <param name="privateWeight">Weight <c>D ≥ 0</c> on the private joint product.</param>
    /// <param name="total">The allies' total spending <c>G ≥ 0</c>.</param>
    /// <param name="spillIn">The patron's protection counted on, <c>E ≥ 0</c>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Contribution(double income, double publicWeight, double privateWeight, double total, double spillIn)
    {
        if (income <= 0)
        {
            return 0;
        }

        var x = total + spillIn;
        if (publicWeight <= 0)
        {
            return privateWeight * income / (1 + privateWeight);
        }

        if (privateWeight <= 0)
        {
            return Math.Max(0, income - (x / publicWeight));
        }

        var c1 = x + (privateWeight * x) - (publicWeight * income);
        var root = Math.Sqrt((c1 * c1) + (4 * publicWeight * privateWeight * income * x));

        // The larger root, written to avoid cancellation when c1 > 0.
        return c1 > 0 ? 2 * privateWeight * income * x / (c1 + root) : (root - c1) / (2 * publicWeight);
    }

    /// <summary>Solves the game: fills <paramref name="spending"/> and returns the total <c>G</c>.</summary>
    /// <param name="income">Each ally's income (0 for an ally outside the game).</param>
    /// <param name="publicWeight">Each ally's <c>B</c>.</param>
    /// <param name="privateWeight">Each ally's <c>D</c>.</param>
    /// <param name="spillIn">Each ally's <c>E</c>.</param>
    /// <param name="spending">Receives each ally's equilibrium spending.</param>
    /// <param name="guess">A starting guess for <c>G</c> (last year's total), or 0.</param>
    public static double Solve(
        ReadOnlySpan<double> income, ReadOnlySpan<double> publicWeight, ReadOnlySpan<double> privateWeight, ReadOnlySpan<double> spillIn,
        Span<double> spending, double guess = 0) =>
        Solve(income, publicWeight, privateWeight, spillIn, spending, guess, new double[2 * income.Length]);

    /// <summary><see cref="Solve(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, double)"/> with room of its own for two values per ally (the simulation's, one per run).</summary>
    internal static double Solve(
        ReadOnlySpan<double> income, ReadOnlySpan<double> publicWeight, ReadOnlySpan<double> privateWeight, ReadOnlySpan<double> spillIn,
        Span<double> spending, double guess, Span<double> scratch)
    {
        var n = income.Length;
        if (publicWeight.Length != n || privateWeight.Length != n || spillIn.Length != n || spending.Length != n || scratch.Length < 2 * n)
        {
            throw new ArgumentException("every span must have one entry per ally", nameof(spending));
        }

        // Four allies at a time where every ally is interior (w, B, D > 0) or out of the game (all 0),
        // as in the simulation; the lanes compute exactly what the scalar pass computes.
        double lo = 0, hi = 0;
        for (var i = 0; i < n; i++)
        {
            hi += Math.Max(0, income[i]);
        }

        // Out-of-game lanes divide by 2X², which must not overflow.
        var lanes = hi > 1e-100 && InteriorOrOut(income, publicWeight, privateWeight);
        var allySlopes = scratch[..n];
        var allyCurvatures = scratch.Slice(n, n);
        var g = guess > lo && guess < hi ? guess : hi / 2;
        var filled = false;
        for (var iteration = 0; iteration < 200 && hi > 0; iteration++)
        {
            // h(G) = Σ q_i(G) − G and its first two derivatives, for a Halley step.
            var (sum, slope, curvature) = lanes
                ? InteriorPass(income, publicWeight, privateWeight, spillIn, spending, allySlopes, allyCurvatures, g)
                : GeneralPass(income, publicWeight, privateWeight, spillIn, spending, g);
            var h = sum - g;
            if (Math.Abs(h) <= Tolerance * Math.Max(g, 1e-300))
            {
                // spending already holds every contribution at this g.
                filled = true;
                break;
            }

            if (h > 0)
            {
                lo = g;
            }
            else
            {
                hi = g;
            }

            // Halley's step where its correction is moderate, else Newton's.
            var newton = h / slope;
            var correction = 1 - (0.5 * newton * curvature / slope);
            var step = correction > 0.5 && correction < 2 ? newton / correction : newton;
            var next = g - step;
            if (lanes && Math.Abs(step) <= TaylorStep * g && next > lo && next < hi)
            {
                // A step this small is the last: Halley's error and the second-order Taylor
                // expansion of every contribution are third order in step/g, ~10⁻¹² of g.
                TaylorFill(spending, allySlopes, allyCurvatures, -step);
                return next;
            }

            g = next > lo && next < hi ? next : (lo + hi) / 2;
            if (hi - lo <= 1e-15 * hi)
            {
                break;
            }
        }

        if (!filled)
        {
            for (var i = 0; i < n; i++)
            {
                spending[i] = Contribution(income[i], publicWeight[i], privateWeight[i], g, spillIn[i]);
            }
        }

        return g;
    }

    /// <summary>
    /// Σ q_i(G), Σ q_i'(G) − 1 and Σ q_i''(G) for every kind of ally, filling
    /// <paramref name="spending"/> with the q_i(G).
    /// </summary>
    private static (double Sum, double Slope, double Curvature) GeneralPass(
        ReadOnlySpan<double> income, ReadOnlySpan<double> publicWeight, ReadOnlySpan<double> privateWeight, ReadOnlySpan<double> spillIn,
        Span<double> spending, double g)
    {
        double sum = 0, slope = -1, curvature = 0;
        for (var i = 0; i < income.Length; i++)
        {
            var w = income[i];
            var b = publicWeight[i];
            var d = privateWeight[i];
            double q;
            if (w > 0 && b > 0 && d > 0)
            {
                var (dq, d2q) = (0.0, 0.0);
                q = Interior(w, b, d, g + spillIn[i], ref dq, ref d2q);
                slope += dq;
                curvature += d2q;
            }
            else
            {
                q = Contribution(w, b, d, g, spillIn[i]);
                if (q > 0 && b > 0)
                {
                    // Linear in X here (D = 0: q = w − X/B), so no curvature.
                    var x = g + spillIn[i];
                    var fq = (2 * b * q) + x + (d * x) - (b * w);
                    var fx = (q * (1 + d)) - (d * w);
                    slope -= fx / fq;
                }
            }

            sum += q;
            spending[i] = q;
        }

        return (sum, slope, curvature);
    }

    /// <summary>
    /// An interior ally's contribution at X = G + E, with its first and second derivatives.
    /// Implicit differentiation of the first-order quadratic F(q, X) = Bq² + c1 q − DwX gives
    /// q' = −F_X/F_q and q'' = −2q'(Bq' + 1 + D)/F_q, with F_X = q(1 + D) − Dw and F_q = 2Bq + c1,
    /// the discriminant's root for the larger root.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Interior(double w, double b, double d, double x, ref double dq, ref double d2q)
    {
        var c1 = x + (d * x) - (b * w);
        var root = Math.Sqrt((c1 * c1) + (4 * b * d * w * x));

        // The larger root, written to avoid cancellation: 2DwX/(c1 + root) when c1 > 0, else
        // (root − c1)/(2B); one division gives both it and 1/root.
        var positive = c1 > 0;
        var numerator = positive ? 2 * d * w * x : root - c1;
        var denominator = positive ? c1 + root : 2 * b;
        var inverse = 1 / (denominator * root);
        var q = numerator * root * inverse;
        var inverseRoot = denominator * inverse;
        dq = -((q * (1 + d)) - (d * w)) * inverseRoot;
        d2q = -2 * dq * ((b * dq) + 1 + d) * inverseRoot;
        return q;
    }

    /// <summary>
    /// <see cref="GeneralPass"/> when every ally is interior or out of the game (w = B = D = 0, where
    /// the interior formulas give q = q' = q'' = 0 as X > 0), four allies per step; the lanes are
    /// summed in a fixed order, the last allies one at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Sum, double Slope, double Curvature) InteriorPass(
        ReadOnlySpan<double> income, ReadOnlySpan<double> publicWeight, ReadOnlySpan<double> privateWeight, ReadOnlySpan<double> spillIn,
        Span<double> spending, Span<double> allySlopes, Span<double> allyCurvatures, double g)
    {
        var n = income.Length;
        var (sums, slopes, curvatures) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
        var gs = Vector256.Create(g);
        var one = Vector256.Create(1.0);
        var two = Vector256.Create(2.0);
        var four = Vector256.Create(4.0);
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            var w = AllyLanes.Load(income, i);
            var b = AllyLanes.Load(publicWeight, i);
            var d = AllyLanes.Load(privateWeight, i);
            var x = gs + AllyLanes.Load(spillIn, i);
            var c1 = x + (d * x) - (b * w);
            var root = Vector256.Sqrt((c1 * c1) + (four * b * d * w * x));
            var positive = Vector256.GreaterThan(c1, Vector256<double>.Zero);
            var numerator = Vector256.ConditionalSelect(positive, two * d * w * x, root - c1);
            var denominator = Vector256.ConditionalSelect(positive, c1 + root, two * b);
            var inverse = one / (denominator * root);
            var q = numerator * root * inverse;
            var inverseRoot = denominator * inverse;
            var dq = -((q * (one + d)) - (d * w)) * inverseRoot;
            var d2q = -two * dq * ((b * dq) + one + d) * inverseRoot;
            sums += q;
            slopes += dq;
            curvatures += d2q;
            AllyLanes.Store(q, spending, i);
            AllyLanes.Store(dq, allySlopes, i);
            AllyLanes.Store(d2q, allyCurvatures, i);
        }

        double sum = AllyLanes.Sum(sums), slope = AllyLanes.Sum(slopes) - 1, curvature = AllyLanes.Sum(curvatures);
        for (; i < n; i++)
        {
            var (dq, d2q) = (0.0, 0.0);
            var q = Interior(income[i], publicWeight[i], privateWeight[i], g + spillIn[i], ref dq, ref d2q);
            sum += q;
            slope += dq;
            curvature += d2q;
            spending[i] = q;
            allySlopes[i] = dq;
            allyCurvatures[i] = d2q;
        }

        return (sum, slope, curvature);
    }

    /// <summary>Whether every ally is interior (w, B, D &gt; 0) or out of the game (all three 0), so <see cref="InteriorPass"/> applies.</summary>
    private static bool InteriorOrOut(ReadOnlySpan<double> income, ReadOnlySpan<double> publicWeight, ReadOnlySpan<double> privateWeight)
    {
        var n = income.Length;
        if (!Vector256.IsHardwareAccelerated || n < AllyLanes.Width)
        {
            return false;
        }

        var zero = Vector256<double>.Zero;
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            var (w, b, d) = (AllyLanes.Load(income, i), AllyLanes.Load(publicWeight, i), AllyLanes.Load(privateWeight, i));
            var interior = Vector256.GreaterThan(w, zero) & Vector256.GreaterThan(b, zero) & Vector256.GreaterThan(d, zero);
            var outside = Vector256.Equals(w, zero) & Vector256.Equals(b, zero) & Vector256.Equals(d, zero);
            if (!Vector256.EqualsAll((interior | outside).AsUInt64(), Vector256<ulong>.AllBitsSet))
            {
                return false;
            }
        }

        for (; i < n; i++)
        {
            var (w, b, d) = (income[i], publicWeight[i], privateWeight[i]);
            if (!((w > 0 && b > 0 && d > 0) || (w == 0 && b == 0 && d == 0)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>q_i(G + δ) ≈ q_i + q_i′ δ + ½ q_i″ δ², in place, four allies at a time.</summary>
    private static void TaylorFill(Span<double> spending, ReadOnlySpan<double> allySlopes, ReadOnlySpan<double> allyCurvatures, double delta)
    {
        var n = spending.Length;
        var halfSquare = 0.5 * delta * delta;
        var (deltas, halfSquares) = (Vector256.Create(delta), Vector256.Create(halfSquare));
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            var q = AllyLanes.Load(spending, i) + (AllyLanes.Load(allySlopes, i) * deltas) + (AllyLanes.Load(allyCurvatures, i) * halfSquares);
            AllyLanes.Store(q, spending, i);
        }

        for (; i < n; i++)
        {
            spending[i] = spending[i] + (allySlopes[i] * delta) + (allyCurvatures[i] * halfSquare);
        }
    }
}
