namespace Linchpin.Simulation;

/// <summary>An ally's membership status. Transitions only go forward: member → hedging → left.</summary>
public enum AllyStatus
{
    /// <summary>A full member.</summary>
    Member = 0,

    /// <summary>Still a member, but hedging: it discounts the patron's protection and courts other partners.</summary>
    Hedging = 1,

    /// <summary>Left the alliance: self-help, outside the public good.</summary>
    Left = 2,
}

/// <summary>A host-nation cost-sharing agreement (a Special Measures Agreement) and what its renegotiation is worth to each side, per year, in the agreement's currency.</summary>
/// <param name="Currency">The currency of all amounts (e.g. <c>KRW bn</c>).</param>
/// <param name="Payment">The host's annual payment under the agreement in force.</param>
/// <param name="Expires">The first simulated year with no agreement unless a new one is settled.</param>
/// <param name="Term">Years a new agreement runs, ≥ 1.</param>
/// <param name="PatronValue">The patron's value <c>V_P</c> of keeping its forces there.</param>
/// <param name="StationingCost">The patron's stationing cost <c>K</c>, ≥ 0.</param>
/// <param name="HostValue">The host's value <c>V_H</c> of the presence at the start-year threat and belief.</param>
/// <param name="WithdrawalSaving">What withdrawing saves the patron, ≥ 0.</param>
/// <param name="StrategicLoss">What withdrawing costs the patron strategically under a fully multilateral doctrine, ≥ 0.</param>
/// <param name="SelfHelpCost">What replacing the forces costs the host, ≥ 0.</param>
/// <param name="PatronDemand">The patron's opening demand under a fully transactional doctrine (recorded, and widening the gap that delays talks).</param>
/// <param name="LapseRisk">Probability that talks lapse after a rejected round, in [0, 1).</param>
/// <param name="Uncertainty">Log-scale standard deviation of the parties' valuations in a negotiation, ≥ 0.</param>
/// <param name="Indexation">How the payment moves in the later years of an agreement's term.</param>
/// <param name="IndexRate">The yearly rate for <see cref="PaymentIndexation.Rate"/> (0.02 = 2 %).</param>
/// <param name="IndexCap">The most the payment may rise in a year under indexation (0.05 = 5 %), or <c>null</c> for no cap.</param>
public sealed record CostSharingSetup(
    string Currency, double Payment, int Expires, int Term, double PatronValue, double StationingCost, double HostValue,
    double WithdrawalSaving, double StrategicLoss, double SelfHelpCost, double PatronDemand, double LapseRisk = 0.1, double Uncertainty = 0.1,
    PaymentIndexation Indexation = PaymentIndexation.None, double IndexRate = 0, double? IndexCap = null);

/// <summary>
/// How a cost-sharing payment moves after an agreement's first year. Runs are in constant prices,
/// so an index of consumer prices (the 9th and 12th SMAs) leaves the real payment flat (<see cref="None"/>),
/// and the 11th SMA's index, the host's defence budget growth, is its real defence spending growth.
/// </summary>
public enum PaymentIndexation
{
    /// <summary>The payment stays at its first-year level (in constant prices) for the term.</summary>
    None,

    /// <summary>The payment grows each year by the host's defence spending growth of the year before (the 11th SMA's rule), capped if a cap is set.</summary>
    DefenceBudget,

    /// <summary>The payment grows by a fixed yearly rate, capped if a cap is set.</summary>
    Rate,
}

/// <summary>One ally at the start year.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Name">Name.</param>
/// <param name="Gdp">GDP in the scenario's money unit, &gt; 0.</param>
/// <param name="PctGdp">Defence spending, % of GDP, &gt; 0.</param>
/// <param name="GdpGrowth">Real GDP growth per year (0.02 = 2 %).</param>
/// <param name="Theatre">The theatre whose threat the ally faces (allies in one theatre share threat draws).</param>
/// <param name="Belief">Prior belief in the patron's commitment, in (0, 1).</param>
/// <param name="BeliefWeight">Pseudo-observations behind the prior, &gt; 0 (the Beta prior is <c>Belief·w, (1 − Belief)·w</c>).</param>
/// <param name="TroopsHosted">Patron troops hosted (thousands), ≥ 0.</param>
/// <param name="AllianceAge">Years the alliance has run at the start, ≥ 0.</param>
/// <param name="OutsideOption">The ally's outside option in net-benefit units.</param>
/// <param name="CostSharing">Its cost-sharing agreement, if any.</param>
/// <param name="Traits">Its standing traits that enter the hazard (default: <see cref="AllyTraits"/>'s defaults).</param>
/// <param name="Treaty">
/// The treaty whose club good the ally's spending belongs to (an ATOP alliance id such as <c>3180</c>,
/// NATO, or <c>3240</c>, US–ROK), or <c>null</c>: allies without a treaty share one pool.
/// </param>
public sealed record AllySetup(
    string Iso3, string Name, double Gdp, double PctGdp, double GdpGrowth, string Theatre, double Belief, double BeliefWeight,
    double TroopsHosted, double AllianceAge, double OutsideOption, CostSharingSetup? CostSharing = null, AllyTraits? Traits = null,
    string? Treaty = null);

/// <summary>
/// An ally's standing traits that Leeds &amp; Savun (2007) and Morrow (1991) relate to the risk of
/// breaking an alliance; each enters the hazard with its coefficient in <see cref="SimulationParameters"/>.
/// </summary>
/// <param name="Democracy">The ally is a democracy (with a democratic patron: a jointly democratic pair), which makes breaking commitments costlier.</param>
/// <param name="IssueLinkage">The alliance is linked to other issues (trade, aid, basing agreements).</param>
/// <param name="Asymmetric">The alliance is asymmetric (a great-power patron and a smaller ally), as every patron–ally pair here is by default.</param>
public sealed record AllyTraits(bool Democracy = false, bool IssueLinkage = false, bool Asymmetric = true);

/// <summary>The patron at the start year.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Gdp">GDP in the scenario's money unit.</param>
/// <param name="PctGdp">Defence spending, % of GDP.</param>
/// <param name="GdpGrowth">Real GDP growth per year.</param>
/// <param name="Reach">Share of the patron's spending that protects its allies (the committed part of the public good), in [0, 1].</param>
public sealed record PatronSetup(string Iso3, double Gdp, double PctGdp, double GdpGrowth, double Reach);

/// <summary>
/// The patron's doctrine on a continuum from multilateral (0: consultation, reaffirmation, joint
/// programmes) to transactional (1: demands tied to a fair-share rule, withdrawal threats, weaker
/// commitment signals).
/// </summary>
/// <param name="Transactional">Position τ on the continuum, in [0, 1].</param>
/// <param name="FairShareTarget">The fair-share rule's target, % of GDP (e.g. 2), or 0 for none.</param>
/// <param name="Pledge">Whether the allies have pledged the target themselves (it pulls spending under any doctrine).</param>
/// <param name="Changes">Later changes of τ, by year (e.g. a new administration).</param>
public sealed record Doctrine(double Transactional, double FairShareTarget, bool Pledge, IReadOnlyList<DoctrineChange>? Changes = null)
{
    /// <summary>The position τ in force in <paramref name="year"/>: the latest change at or before it, else the initial one.</summary>
    public double TransactionalAt(int year) =>
        Changes?.Where(c => c.Year <= year).OrderBy(c => c.Year).LastOrDefault() is { } change ? change.Transactional : Transactional;
}

/// <summary>A change of doctrine.</summary>
/// <param name="Year">The first year of the new doctrine.</param>
/// <param name="Transactional">The new position τ in [0, 1].</param>
public sealed record DoctrineChange(int Year, double Transactional);

/// <summary>The kinds of shock, each with documented default effects (docs/models/simulation.md).</summary>
public enum ShockKind
{
    /// <summary>A missile test by a rival: threat up in the theatre.</summary>
    MissileTest,

    /// <summary>A maritime incident: threat up; the patron's response is a commitment signal.</summary>
    MaritimeIncident,

    /// <summary>An invasion: a large, persistent threat rise; the patron's response is a strong signal.</summary>
    Invasion,

    /// <summary>The patron withholds an expected reaffirmation (evidence against commitment).</summary>
    WithheldReaffirmation,

    /// <summary>The patron reaffirms or extends its commitment (evidence for).</summary>
    Reaffirmation,

    /// <summary>A change of the ally's domestic political institutions (a hazard covariate for the years after it).</summary>
    RegimeChange,

    /// <summary>The ally forms a new alliance outside the patron's system (a hazard covariate for the years after it).</summary>
    OutsideAlliance,
}

/// <summary>A shock: scheduled in a year, or stochastic with an annual probability.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Year">The year it happens, or <c>null</c> for a stochastic shock.</param>
/// <param name="Probability">For a stochastic shock, the probability per year, in [0, 1].</param>
/// <param name="Targets">Theatres or ISO3 codes it touches.</param>
/// <param name="ThreatJump">Jump in log threat for the allies it touches.</param>
/// <param name="Signal">Evidence about the patron's commitment: positive for, negative against (pseudo-observations).</param>
/// <param name="Entrapment">Addition to the touched allies' exposure to the patron's conflicts.</param>
/// <param name="Label">Text for the event log.</param>
public sealed record ShockSetup(ShockKind Kind, int? Year, double Probability, IReadOnlyList<string> Targets, double ThreatJump, double Signal, double Entrapment, string Label)
{
    /// <summary>The documented default effects of a kind: (log threat jump, commitment signal, entrapment).</summary>
    public static (double ThreatJump, double Signal, double Entrapment) Defaults(ShockKind kind) => kind switch
    {
        ShockKind.MissileTest => (0.10, 0, 0.05),
        ShockKind.MaritimeIncident => (0.08, 1, 0.10),
        ShockKind.Invasion => (0.50, 2, 0.20),
        ShockKind.WithheldReaffirmation => (0, -3, 0),
        ShockKind.RegimeChange or ShockKind.OutsideAlliance => (0, 0, 0),
        _ => (0, 3, 0.05),
    };
}

/// <summary>Model parameters: documented defaults (docs/models/simulation.md says which are published and which are assumptions).</summary>
/// <param name="Publicness">Share π of an ally's marginal benefit of defence that comes from the alliance public good (the rest is its private joint product), in [0, 1].</param>
/// <param name="ThreatPersistence">AR(1) persistence φ of log threat, in [0, 1].</param>
/// <param name="ThreatVolatility">Standard deviation σ of the yearly log-threat innovation, ≥ 0.</param>
/// <param name="ThreatElasticity">Elasticity of the weight on security to threat, ≥ 0 (default: the NATO backtest's calibration on 2014→2019).</param>
/// <param name="PledgePull">Extra weight on own spending per unit of relative gap to a pledged target, ≥ 0 (default: the NATO backtest's calibration on 2014→2019).</param>
/// <param name="TransactionalPressure">Extra weight per unit gap, times τ, from the patron's demands, ≥ 0.</param>
/// <param name="BeliefMemory">Yearly retention λ of past evidence about the patron, in (0, 1].</param>
/// <param name="MultilateralCredibility">The credibility a fully multilateral doctrine signals, in (0, 1).</param>
/// <param name="TransactionalCredibility">The credibility a fully transactional doctrine signals, in (0, 1).</param>
/// <param name="EntrapmentMemory">Yearly retention of entrapment exposure, in [0, 1].</param>
/// <param name="HedgingDiscount">Share of the patron's protection a hedging ally still counts on, in [0, 1].</param>
/// <param name="SecurityValue">Weight of believed protection (κ × threat) in the net benefit.</param>
/// <param name="AutonomyCost">Autonomy cost per 10,000 patron troops hosted, in net-benefit units.</param>
/// <param name="DemandCost">Autonomy cost of the patron's demands, per unit τ × relative gap.</param>
/// <param name="EntrapmentCost">Net-benefit cost per unit of entrapment exposure.</param>
/// <param name="BaseHazard">Hazard of hedging per ally-year at zero net benefit.</param>
/// <param name="HazardShape">Weibull shape k of the baseline hazard in alliance age (k &gt; 1: rising, Bennett 1997).</param>
/// <param name="HazardReferenceAge">Alliance age at which the baseline hazard equals <paramref name="BaseHazard"/>, years.</param>
/// <param name="NetBenefitEffect">Coefficient on net benefit in the log hazard (hazard × e^(−b·NB)), ≥ 0.</param>
/// <param name="ExitHazardRatio">Hazard of leaving, for a hedging ally, relative to the hedging hazard.</param>
/// <param name="SelfHelpFactor">A leaving ally's spending relative to its last spending, ≥ 0.</param>
/// <param name="PowerChangeEffect">Log-hazard coefficient of the yearly absolute change in the ally's share of the system's defence spending (a fraction); the literature's sign is positive.</param>
/// <param name="RegimeChangeEffect">Log-hazard coefficient of a recent change of the ally's political institutions (1 within <paramref name="CovariateWindow"/> years of a regime-change shock); positive in the literature.</param>
/// <param name="OutsideAllianceEffect">Log-hazard coefficient of a recent new outside alliance (1 within the window of an outside-alliance shock); positive in the literature.</param>
/// <param name="DemocracyEffect">Log-hazard coefficient of <see cref="AllyTraits.Democracy"/>; negative in the literature.</param>
/// <param name="IssueLinkageEffect">Log-hazard coefficient of <see cref="AllyTraits.IssueLinkage"/>; negative in the literature.</param>
/// <param name="ThreatHazardEffect">Log-hazard coefficient of log threat relative to the start year, beyond its effect through the net benefit; negative in the literature.</param>
/// <param name="AsymmetryEffect">Log-hazard coefficient of <see cref="AllyTraits.Asymmetric"/>; negative in the literature.</param>
/// <param name="TreatySpillover">Weight s in [0, 1] with which the spending of allies in other treaties enters an ally's security (Sandler &amp; Murdoch's spill-in; assumption, default 0: separate spokes).</param>
/// <param name="CovariateWindow">Years a regime change or a new outside alliance counts as recent (the shock's year included), ≥ 1.</param>
public sealed record SimulationParameters(
    double Publicness = 0.5,
    double ThreatPersistence = 0.8,
    double ThreatVolatility = 0.05,
    double ThreatElasticity = 0.25,
    double PledgePull = 0,
    double TransactionalPressure = 0.5,
    double BeliefMemory = 0.8,
    double MultilateralCredibility = 0.85,
    double TransactionalCredibility = 0.55,
    double EntrapmentMemory = 0.7,
    double HedgingDiscount = 0.5,
    double SecurityValue = 1.0,
    double AutonomyCost = 0.05,
    double DemandCost = 0.3,
    double EntrapmentCost = 0.5,
    double BaseHazard = 0.0179,
    double HazardShape = 1.2,
    double HazardReferenceAge = 30,
    double NetBenefitEffect = 4,
    double ExitHazardRatio = 1.0,
    double SelfHelpFactor = 1.5,
    double PowerChangeEffect = 0,
    double RegimeChangeEffect = 0,
    double OutsideAllianceEffect = 0,
    double DemocracyEffect = 0,
    double IssueLinkageEffect = 0,
    double ThreatHazardEffect = 0,
    double AsymmetryEffect = 0,
    int CovariateWindow = 3,
    double TreatySpillover = 0)
{
    /// <summary>Whether any hazard covariate has a non-zero coefficient (the step loop skips them otherwise).</summary>
    public bool HasHazardCovariates =>
        PowerChangeEffect != 0 || RegimeChangeEffect != 0 || OutsideAllianceEffect != 0 || DemocracyEffect != 0
        || IssueLinkageEffect != 0 || ThreatHazardEffect != 0 || AsymmetryEffect != 0;
}

/// <summary>Everything a run needs: the actors at the start year, the doctrine, the shocks and the parameters.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="StartYear">The start year (year 0 of every trajectory).</param>
/// <param name="Years">Simulated years after the start, ≥ 1.</param>
/// <param name="Patron">The patron.</param>
/// <param name="Allies">The allies, at least one.</param>
/// <param name="Doctrine">The patron's doctrine.</param>
/// <param name="Shocks">Scheduled and stochastic shocks.</param>
/// <param name="Parameters">Model parameters.</param>
public sealed record SimulationSetup(
    string Name, int StartYear, int Years, PatronSetup Patron, IReadOnlyList<AllySetup> Allies, Doctrine Doctrine,
    IReadOnlyList<ShockSetup> Shocks, SimulationParameters Parameters);
