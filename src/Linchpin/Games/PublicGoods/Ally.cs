namespace Linchpin.Games.PublicGoods;

/// <summary>
/// One ally in the voluntary-contribution game: its income, its preferences, and the private
/// share of its defence spending (Sandler's joint product).
/// </summary>
/// <remarks>
/// Defence spending <c>q</c> adds <c>q</c> to the alliance public good and returns
/// <c>s · q</c> of ally-specific private benefit that substitutes one for one for civilian
/// consumption, so consumption is <c>c = (w − q) + s q</c> and one unit of the public good costs
/// the ally <c>p = 1 − s</c>. <c>s = 0</c> is the pure public good of Olson &amp; Zeckhauser and
/// Bergstrom, Blume &amp; Varian.
/// </remarks>
public sealed record Ally
{
    /// <summary>Creates an ally.</summary>
    /// <param name="name">Name (used in outputs only).</param>
    /// <param name="income">Income (wealth) <c>w ≥ 0</c>.</param>
    /// <param name="preference">Preferences over consumption and the public good.</param>
    /// <param name="privateShare">Joint-product private share <c>s ∈ [0, 1)</c> of each unit of defence spending.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Ally(string name, double income, Preference preference, double privateShare = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(preference);
        if (!(income >= 0) || !double.IsFinite(income))
        {
            throw new ArgumentOutOfRangeException(nameof(income), income, "income must be zero or more");
        }

        if (!(privateShare >= 0 && privateShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(privateShare), privateShare, "the private share must be in [0, 1)");
        }

        Name = name;
        Income = income;
        Preference = preference;
        PrivateShare = privateShare;
    }

    /// <summary>Name.</summary>
    public string Name { get; }

    /// <summary>Income <c>w ≥ 0</c>.</summary>
    public double Income { get; }

    /// <summary>Preferences.</summary>
    public Preference Preference { get; }

    /// <summary>Joint-product private share <c>s ∈ [0, 1)</c>.</summary>
    public double PrivateShare { get; }

    /// <summary>The ally's cost of one unit of the public good in consumption, <c>p = 1 − s</c>.</summary>
    public double Price => 1 - PrivateShare;

    /// <summary>Consumption when the ally spends <paramref name="contribution"/>: <c>c = w − p q</c>.</summary>
    public double Consumption(double contribution) => Income - (Price * contribution);

    /// <summary>A copy with another income.</summary>
    public Ally WithIncome(double income) => new(Name, income, Preference, PrivateShare);
}
