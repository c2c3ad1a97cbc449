namespace Linchpin.Games.Bargaining;

/// <summary>
/// A host-nation cost-sharing negotiation (a Special Measures Agreement) between a patron that
/// stations forces and the host that receives them. All amounts per year, in one currency.
/// </summary>
/// <param name="PatronValue">The patron's value <c>V_P</c> of keeping its forces forward.</param>
/// <param name="StationingCost">The patron's cost <c>K</c> of stationing them (before any host payment), ≥ 0.</param>
/// <param name="HostValue">The host's value <c>V_H</c> of the presence.</param>
/// <param name="WithdrawalSaving">What the patron gains by withdrawing (costs saved, forces used elsewhere), ≥ 0.</param>
/// <param name="StrategicLoss">What withdrawing costs the patron strategically (access, reputation), ≥ 0.</param>
/// <param name="SelfHelpCost">What the host must spend to replace the forces with its own (self-help), ≥ 0.</param>
/// <param name="PatronDelta">The patron's discount factor per round of talks.</param>
/// <param name="HostDelta">The host's discount factor per round of talks.</param>
/// <param name="Breakdown">The probability that talks lapse after a rejection (the agreement expires, forces leave).</param>
/// <param name="PatronProposesFirst">Whether the patron makes the first demand.</param>
/// <param name="Deadline">Rounds before the current agreement expires, or <c>null</c> for open-ended talks.</param>
public sealed record SmaNegotiation(
    double PatronValue,
    double StationingCost,
    double HostValue,
    double WithdrawalSaving,
    double StrategicLoss,
    double SelfHelpCost,
    double PatronDelta,
    double HostDelta,
    double Breakdown = 0,
    bool PatronProposesFirst = true,
    int? Deadline = null);

/// <summary>The settlement of a cost-sharing negotiation.</summary>
/// <param name="Agreement">Whether the parties agree; if not, the patron withdraws and the host turns to self-help.</param>
/// <param name="Surplus">The alliance surplus <c>S = V_P − K + V_H</c> the parties divide.</param>
/// <param name="PatronOutside">The patron's outside option <c>o_P = saving − strategic loss</c>.</param>
/// <param name="HostOutside">The host's outside option <c>o_H = V_H − self-help cost</c>.</param>
/// <param name="PatronPayoff">The patron's payoff.</param>
/// <param name="HostPayoff">The host's payoff.</param>
/// <param name="PatronShare">The patron's share of the surplus (<c>NaN</c> without agreement).</param>
/// <param name="Transfer">The host's payment <c>T = u_P − (V_P − K)</c> (<c>NaN</c> without agreement).</param>
/// <param name="CostSharingRatio">The host's payment as a share of the stationing cost, <c>T / K</c> (<c>NaN</c> without agreement or when <c>K = 0</c>).</param>
/// <param name="Binding">Which outside options bind (player 1 is the first proposer).</param>
/// <param name="ExpectedDelay">Expected rounds before agreement.</param>
/// <param name="BreakdownProbability">Probability the talks end without agreement.</param>
public sealed record SmaSettlement(
    bool Agreement, double Surplus, double PatronOutside, double HostOutside, double PatronPayoff, double HostPayoff,
    double PatronShare, double Transfer, double CostSharingRatio, BindingOptions Binding, double ExpectedDelay, double BreakdownProbability);

/// <summary>
/// Host-nation cost sharing as alternating-offers bargaining with outside options (the patron's
/// threat to withdraw, the host's self-help) and a risk that talks lapse.
/// </summary>
/// <remarks>
/// Payoffs with agreement: <c>u_P = V_P − K + T</c>, <c>u_H = V_H − T</c>, so the parties divide
/// <c>S = V_P − K + V_H</c>. Withdrawal gives the patron <c>o_P = saving − strategic loss</c>; the host
/// then buys back the same security at the self-help cost, <c>o_H = V_H − C_H</c>. The split is
/// <see cref="AlternatingOffers"/>'s equilibrium; by the outside-option principle a threat moves
/// the split only when it beats the inside share.
/// </remarks>
public static class SmaBargaining
{
    /// <summary>Settles a negotiation.</summary>
    /// <param name="negotiation">The negotiation.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or the surplus is not positive.</exception>
    public static SmaSettlement Settle(SmaNegotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var n = negotiation;
        Require.Finite(n.PatronValue, nameof(n.PatronValue));
        Require.NonNegative(n.StationingCost, nameof(n.StationingCost));
        Require.Finite(n.HostValue, nameof(n.HostValue));
        Require.NonNegative(n.WithdrawalSaving, nameof(n.WithdrawalSaving));
        Require.NonNegative(n.StrategicLoss, nameof(n.StrategicLoss));
        Require.NonNegative(n.SelfHelpCost, nameof(n.SelfHelpCost));
        var surplus = n.PatronValue - n.StationingCost + n.HostValue;
        var patronOutside = n.WithdrawalSaving - n.StrategicLoss;
        var hostOutside = n.HostValue - n.SelfHelpCost;
        if (!(surplus > 0))
        {
            return new SmaSettlement(false, surplus, patronOutside, hostOutside, patronOutside, hostOutside, double.NaN, double.NaN, double.NaN, BindingOptions.Both, 0, 1);
        }

        var patronFirst = n.PatronProposesFirst;
        var problem = patronFirst
            ? new BargainingProblem(n.PatronDelta, n.HostDelta, surplus, patronOutside, hostOutside, n.Breakdown, n.Deadline)
            : new BargainingProblem(n.HostDelta, n.PatronDelta, surplus, hostOutside, patronOutside, n.Breakdown, n.Deadline);
        var outcome = AlternatingOffers.Solve(problem);
        var (patron, host) = patronFirst ? (outcome.Amount1, outcome.Amount2) : (outcome.Amount2, outcome.Amount1);
        if (!outcome.Agreement)
        {
            return new SmaSettlement(false, surplus, patronOutside, hostOutside, patron, host, double.NaN, double.NaN, double.NaN, outcome.Binding, outcome.ExpectedDelay, outcome.BreakdownProbability);
        }

        var transfer = patron - (n.PatronValue - n.StationingCost);
        var ratio = n.StationingCost > 0 ? transfer / n.StationingCost : double.NaN;
        return new SmaSettlement(true, surplus, patronOutside, hostOutside, patron, host, patron / surplus, transfer, ratio, outcome.Binding, outcome.ExpectedDelay, outcome.BreakdownProbability);
    }

    /// <summary>
    /// The cost-sharing ratio as CRS Report 94-515 defines it: host-nation support over host-nation
    /// support plus the patron's own non-personnel stationing cost, <c>HNS / (HNS + K_P)</c>.
    /// </summary>
    /// <param name="hostSupport">Host-nation support, ≥ 0.</param>
    /// <param name="patronCost">The patron's own non-personnel stationing cost, ≥ 0 (not both 0).</param>
    public static double CostSharingRatio(double hostSupport, double patronCost)
    {
        Require.NonNegative(hostSupport, nameof(hostSupport));
        Require.NonNegative(patronCost, nameof(patronCost));
        Require.Positive(hostSupport + patronCost, nameof(patronCost));
        return hostSupport / (hostSupport + patronCost);
    }
}
