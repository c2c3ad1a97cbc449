namespace Linchpin.Validation;

/// <summary>First-order and total Sobol indices of a function, one entry per input.</summary>
/// <param name="FirstOrder">First-order indices <c>S_i = V_i / V</c>.</param>
/// <param name="Total">Total indices <c>ST_i</c>: the share of variance that involves input <c>i</c>.</param>
public sealed record SobolIndicesExact(IReadOnlyList<double> FirstOrder, IReadOnlyList<double> Total);

/// <summary>
/// Analytic test functions of global sensitivity analysis with closed-form Sobol indices, so a
/// user can check the estimators (reference formulations, model 11 §11.4).
/// </summary>
public static class TestFunctions
{
    /// <summary>The Ishigami function's default coefficient <c>a</c>.</summary>
    public const double IshigamiA = 7;

    /// <summary>The Ishigami function's default coefficient <c>b</c>.</summary>
    public const double IshigamiB = 0.1;

    /// <summary>The Sobol G function's coefficients used in the reference notes: (0, 1, 4.5, 9, 99, 99, 99, 99).</summary>
    public static IReadOnlyList<double> SobolGReferenceA { get; } = [0, 1, 4.5, 9, 99, 99, 99, 99];

    /// <summary>
    /// Ishigami &amp; Homma (1990): <c>f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁</c> on <c>[−π, π]³</c>.
    /// </summary>
    /// <param name="x">Three inputs, each in [−π, π].</param>
    /// <param name="a">Coefficient a (default 7).</param>
    /// <param name="b">Coefficient b (default 0.1).</param>
    public static double Ishigami(ReadOnlySpan<double> x, double a = IshigamiA, double b = IshigamiB)
    {
        if (x.Length != 3)
        {
            throw new ArgumentException("the Ishigami function takes three inputs", nameof(x));
        }

        var s2 = Math.Sin(x[1]);
        return Math.Sin(x[0]) + (a * s2 * s2) + (b * Math.Pow(x[2], 4) * Math.Sin(x[0]));
    }

    /// <summary>
    /// The Ishigami function's indices in closed form: <c>V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½</c>,
    /// <c>V₁ = ½(1 + bπ⁴/5)²</c>, <c>V₂ = a²/8</c>, <c>V₁₃ = 8b²π⁸/225</c>, every other term 0.
    /// For a = 7, b = 0.1: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
    /// </summary>
    public static SobolIndicesExact IshigamiIndices(double a = IshigamiA, double b = IshigamiB)
    {
        var pi4 = Math.Pow(Math.PI, 4);
        var pi8 = pi4 * pi4;
        var v = (a * a / 8) + (b * pi4 / 5) + (b * b * pi8 / 18) + 0.5;
        var v1 = 0.5 * Math.Pow(1 + (b * pi4 / 5), 2);
        var v2 = a * a / 8;
        var v13 = 8 * b * b * pi8 / 225;
        return new SobolIndicesExact([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>
    /// Sobol's G function (Saltelli &amp; Sobol 1995): <c>f(x) = Πᵢ (|4xᵢ − 2| + aᵢ)/(1 + aᵢ)</c> on
    /// <c>[0, 1]^D</c>; a small <c>aᵢ</c> makes input <c>i</c> important.
    /// </summary>
    /// <param name="x">D inputs in [0, 1].</param>
    /// <param name="a">D coefficients, each ≥ 0.</param>
    public static double SobolG(ReadOnlySpan<double> x, IReadOnlyList<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (x.Length != a.Count)
        {
            throw new ArgumentException($"the G function has {a.Count} inputs, got {x.Length}", nameof(x));
        }

        var product = 1.0;
        for (var i = 0; i < x.Length; i++)
        {
            product *= (Math.Abs((4 * x[i]) - 2) + a[i]) / (1 + a[i]);
        }

        return product;
    }

    /// <summary>
    /// The G function's indices in closed form: <c>Vᵢ = 1/(3(1 + aᵢ)²)</c>, <c>V = Π(1 + Vᵢ) − 1</c>,
    /// <c>Sᵢ = Vᵢ/V</c>, <c>STᵢ = Vᵢ Π_{j≠i}(1 + Vⱼ)/V</c>.
    /// </summary>
    /// <param name="a">The coefficients, each ≥ 0.</param>
    public static SobolIndicesExact SobolGIndices(IReadOnlyList<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var partial = a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai))).ToArray();
        var all = partial.Aggregate(1.0, (p, vi) => p * (1 + vi));
        var v = all - 1;
        return new SobolIndicesExact([.. partial.Select(vi => vi / v)], [.. partial.Select(vi => vi * (all / (1 + vi)) / v)]);
    }
}
