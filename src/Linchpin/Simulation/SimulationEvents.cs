namespace Linchpin.Simulation;

/// <summary>The variables recorded for every ally and year of a run.</summary>
public enum TrajectoryVariable
{
    /// <summary>Defence spending, % of GDP.</summary>
    PctGdp,

    /// <summary>Defence spending in the scenario's money unit.</summary>
    Spending,

    /// <summary>Belief in the patron's commitment, E[κ] (abandonment fear is its complement).</summary>
    Belief,

    /// <summary>Threat level relative to the start year (1 = unchanged).</summary>
    Threat,

    /// <summary>Exposure to the patron's conflicts (entrapment fear), ≥ 0.</summary>
    Entrapment,

    /// <summary>Net benefit of membership against the outside option.</summary>
    NetBenefit,

    /// <summary>Cost-sharing payment in the agreement's currency (0 without an agreement).</summary>
    Payment,

    /// <summary>The patron's troops hosted (thousands).</summary>
    Troops,
}

/// <summary>What happened in a run.</summary>
public enum SimulationEventKind
{
    /// <summary>A shock fired (value: its log threat jump).</summary>
    Shock,

    /// <summary>A cost-sharing agreement was settled (value: the new annual payment).</summary>
    Settlement,

    /// <summary>Cost-sharing talks lapsed without agreement (value: rounds of talks).</summary>
    Lapse,

    /// <summary>An ally began hedging (value: its net benefit).</summary>
    Hedging,

    /// <summary>An ally left (value: its net benefit).</summary>
    Exit,

    /// <summary>The patron's doctrine changed (value: the new τ).</summary>
    DoctrineChange,

    /// <summary>The patron reinforced or cut the troops a host holds (value: the new troops, thousands).</summary>
    TroopChange,

    /// <summary>The patron threatened a host with withdrawal (value: its troops).</summary>
    WithdrawalThreat,

    /// <summary>The patron carried out a threatened withdrawal (value: the troops left).</summary>
    Withdrawal,

    /// <summary>A rival probed (value: its incidents this year; <c>Shock</c>: the rival's index).</summary>
    RivalProbe,

    /// <summary>A host decided on a demand (value: 1 accept, 0.5 partial, 0 refuse; <c>Shock</c>: the demand's index).</summary>
    Demand,
}

/// <summary>One event of a run.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Ally">Index of the ally, or −1 for an alliance-wide event.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Value">Its size (see <see cref="SimulationEventKind"/>).</param>
/// <param name="Shock">Index of the shock for <see cref="SimulationEventKind.Shock"/>, of the rival for <see cref="SimulationEventKind.RivalProbe"/>, of the demand for <see cref="SimulationEventKind.Demand"/>, else −1.</param>
public readonly record struct SimulationEvent(int Year, int Ally, SimulationEventKind Kind, double Value, int Shock);
