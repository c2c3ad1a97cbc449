namespace Linchpin.Games.PublicGoods;

/// <summary>
/// The Nash equilibrium of voluntary contributions to the alliance public good, with the
/// Pareto-optimal benchmark it falls short of.
/// </summary>
/// <param name="Allies">The allies, in input order.</param>
/// <param name="Contributions">Each ally's defence spending <c>q_i ≥ 0</c>, in input order.</param>
/// <param name="Total">Equilibrium provision <c>G* = Σ q_i</c>.</param>
/// <param name="ParetoTotal">The Pareto-optimal (Lindahl) provision, where the Samuelson condition <c>Σ MRS_i = MRT</c> holds.</param>
/// <param name="SplitIndeterminate">
/// Whether allies tie in a way that leaves the split of <c>G*</c> among them indeterminate
/// (quasi-linear preferences with equal targets); the split reported is then the equal split.
/// </param>
public sealed record PublicGoodEquilibrium(
    IReadOnlyList<Ally> Allies,
    IReadOnlyList<double> Contributions,
    double Total,
    double ParetoTotal,
    bool SplitIndeterminate)
{
    /// <summary>Relative tolerance below which a contribution counts as zero (a free rider at its threshold).</summary>
    public const double ZeroTolerance = 1e-12;

    /// <summary>Each ally's consumption <c>c_i = w_i − p_i q_i</c>, in input order.</summary>
    public IReadOnlyList<double> Consumption => [.. Allies.Select((a, i) => a.Consumption(Contributions[i]))];

    /// <summary>Whether ally <paramref name="index"/> contributes a positive amount.</summary>
    public bool IsContributor(int index) => Contributions[index] > ZeroTolerance * Math.Max(1, Total);

    /// <summary>The names of the allies that contribute nothing: the free riders.</summary>
    public IReadOnlyList<string> FreeRiders => [.. Allies.Where((_, i) => !IsContributor(i)).Select(a => a.Name)];

    /// <summary>The names of the contributing allies.</summary>
    public IReadOnlyList<string> Contributors => [.. Allies.Where((_, i) => IsContributor(i)).Select(a => a.Name)];

    /// <summary>The under-provision gap <c>G^PO − G*</c> (in public-good units).</summary>
    public double Gap => ParetoTotal - Total;

    /// <summary>Nash provision as a share of the Pareto-optimal level, <c>G* / G^PO</c> (1 when both are 0).</summary>
    public double ProvisionRatio => ParetoTotal > 0 ? Total / ParetoTotal : 1;
}
