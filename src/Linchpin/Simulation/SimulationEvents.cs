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
}

/// <summary>One event of a run.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Ally">Index of the ally, or −1 for an alliance-wide event.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Value">Its size (see <see cref="SimulationEventKind"/>).</param>
/// <param name="Shock">Index of the shock for <see cref="SimulationEventKind.Shock"/>, else −1.</param>
public readonly record struct SimulationEvent(int Year, int Ally, SimulationEventKind Kind, double Value, int Shock);
