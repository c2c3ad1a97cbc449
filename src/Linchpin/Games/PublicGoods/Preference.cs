namespace Linchpin.Games.PublicGoods;

/// <summary>
/// An ally's preferences over private (civilian) consumption <c>c</c> and the alliance public good
/// <c>G</c> (total defence provision). Both goods are normal, so the voluntary-contribution
/// equilibrium is unique (Bergstrom, Blume &amp; Varian 1986).
/// </summary>
public abstract record Preference
{
    private protected Preference()
    {
    }

    /// <summary>Whether demand for <c>G</c> is linear in full income (Cobb-Douglas, CES).</summary>
    public abstract bool IsHomothetic { get; }

    /// <summary>The utility of consumption <paramref name="consumption"/> and public good <paramref name="publicGood"/> (both ≥ 0).</summary>
    public abstract double Utility(double consumption, double publicGood);

    /// <summary>
    /// For homothetic preferences, the ratio <c>c / G</c> the ally chooses when one unit of <c>G</c>
    /// costs it <paramref name="price"/> units of consumption.
    /// </summary>
    internal abstract double ConsumptionRatio(double price);
}

/// <summary>Cobb-Douglas: <c>u = α ln c + (1 − α) ln G</c>, with <c>α ∈ (0, 1)</c> the weight on the private good.</summary>
public sealed record CobbDouglas : Preference
{
    /// <summary>Creates Cobb-Douglas preferences.</summary>
    /// <param name="alpha">Weight on the private good, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1).</exception>
    public CobbDouglas(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be strictly between 0 and 1");
        }

        Alpha = alpha;
    }

    /// <summary>Weight on the private good, in (0, 1).</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public override bool IsHomothetic => true;

    /// <inheritdoc/>
    public override double Utility(double consumption, double publicGood) =>
        (Alpha * Math.Log(consumption)) + ((1 - Alpha) * Math.Log(publicGood));

    internal override double ConsumptionRatio(double price) => price * Alpha / (1 - Alpha);
}

/// <summary>
/// Constant elasticity of substitution: <c>u = (α c^ρ + (1 − α) G^ρ)^(1/ρ)</c>, with <c>α ∈ (0, 1)</c>
/// and <c>ρ &lt; 1</c>, <c>ρ ≠ 0</c> (ρ → 0 is Cobb-Douglas). The elasticity of substitution is
/// <c>σ = 1/(1 − ρ)</c>.
/// </summary>
public sealed record Ces : Preference
{
    /// <summary>Creates CES preferences.</summary>
    /// <param name="alpha">Weight on the private good, strictly between 0 and 1.</param>
    /// <param name="rho">Substitution parameter, below 1 and not 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public Ces(double alpha, double rho)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be strictly between 0 and 1");
        }

        if (!(rho < 1) || rho == 0 || !double.IsFinite(rho))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must be below 1 and not 0 (use Cobb-Douglas for 0)");
        }

        Alpha = alpha;
        Rho = rho;
    }

    /// <summary>Weight on the private good, in (0, 1).</summary>
    public double Alpha { get; }

    /// <summary>Substitution parameter ρ &lt; 1, ρ ≠ 0.</summary>
    public double Rho { get; }

    /// <inheritdoc/>
    public override bool IsHomothetic => true;

    /// <inheritdoc/>
    public override double Utility(double consumption, double publicGood) =>
        Math.Pow((Alpha * Math.Pow(consumption, Rho)) + ((1 - Alpha) * Math.Pow(publicGood, Rho)), 1 / Rho);

    internal override double ConsumptionRatio(double price) =>
        Math.Pow(price * Alpha / (1 - Alpha), 1 / (1 - Rho));
}

/// <summary>
/// Quasi-linear: <c>u = c + β ln G</c>, with <c>β &gt; 0</c>. The ally's stand-alone target is
/// <c>G° = β / p</c> at price <c>p</c>; only the allies with the highest target contribute.
/// </summary>
public sealed record QuasiLinear : Preference
{
    /// <summary>Creates quasi-linear preferences.</summary>
    /// <param name="beta">Weight on <c>ln G</c>, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive and finite.</exception>
    public QuasiLinear(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive");
        }

        Beta = beta;
    }

    /// <summary>Weight on <c>ln G</c>, positive.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override bool IsHomothetic => false;

    /// <inheritdoc/>
    public override double Utility(double consumption, double publicGood) => consumption + (Beta * Math.Log(publicGood));

    internal override double ConsumptionRatio(double price) =>
        throw new InvalidOperationException("quasi-linear preferences are not homothetic");
}
