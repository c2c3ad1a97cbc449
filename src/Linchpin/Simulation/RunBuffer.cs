namespace Linchpin.Simulation;

/// <summary>
/// One run's working state and record, reused from run to run on one thread: every ally-year's
/// variables (<c>[year][ally][variable]</c>), statuses, events and outcomes.
/// </summary>
public sealed class RunBuffer
{
    internal RunBuffer(int allies, int years, int theatres, int pools = 1, int rivals = 0, int pairs = 0, int demands = 0)
    {
        Allies = allies;
        Years = years;
        Values = new double[years * allies * SimulationEngine.VariableCount];
        StatusByYear = new AllyStatus[years * allies];
        Income = new double[allies];
        Spending = new double[allies];
        Pct = new double[allies];
        Alpha = new double[allies];
        Beta = new double[allies];
        Transient = new double[allies];
        Level = new double[allies];
        Entrapment = new double[allies];
        Status = new AllyStatus[allies];
        Payment = new double[allies];
        Expires = new int[allies];
        PublicWeight = new double[allies];
        PrivateWeight = new double[allies];
        SpillIn = new double[allies];
        GameIncome = new double[allies];
        Solved = new double[allies];
        ShockJump = new double[allies];
        Signal = new double[allies];
        ThreatLevel = new double[allies];
        Benefit = new double[allies];
        HazardTerm = new double[allies];
        Warm = new double[allies];
        SolverScratch = new double[2 * allies];
        Multiplier = new double[allies];
        BeliefNow = new double[allies];
        ShareLast = new double[allies];
        ShareNow = new double[allies];
        RegimeChangedUntil = new int[allies];
        AgreedIn = new int[allies];
        OutsideAllianceUntil = new int[allies];
        CredibilityNow = new double[allies];
        TheatreDraw = new double[theatres];
        Settled = new bool[allies];
        Lapsed = new bool[allies];
        Hedged = new bool[allies];
        Exited = new bool[allies];
        FirstSettlement = new double[allies];
        PoolIncome = new double[allies];
        PoolPublic = new double[allies];
        PoolPrivate = new double[allies];
        PoolSpill = new double[allies];
        PoolSolved = new double[allies];
        PoolTotal = new double[pools];
        PoolGuess = new double[pools];
        Troops = new double[allies];
        Exposure = new double[allies];
        Standing = new double[allies];
        CostSharingStanding = new double[allies];
        PatronSignal = new double[allies];
        Reputation = new double[allies];
        Senders = new int[allies];
        SenderSignals = new double[allies];
        Coercion = new double[allies];
        FrictionSum = new double[allies];
        LapsedIn = new int[allies];
        FrictionLevel = new double[pairs];
        FrictionShock = new double[pairs];
        RivalRate = new double[rivals];
        Basing = new double[rivals];
        DemandChoice = new double[demands];
    }

    /// <summary>Number of allies.</summary>
    public int Allies { get; }

    /// <summary>Number of recorded years.</summary>
    public int Years { get; }

    /// <summary>Recorded values, <c>[(year · allies + ally) · variables + variable]</c>.</summary>
    public double[] Values { get; }

    /// <summary>Recorded statuses, <c>[year · allies + ally]</c>.</summary>
    public AllyStatus[] StatusByYear { get; }

    /// <summary>The events of the run, in order.</summary>
    public List<SimulationEvent> Events { get; } = [];

    /// <summary>Whether each ally settled a cost-sharing agreement.</summary>
    public bool[] Settled { get; }

    /// <summary>Whether each ally's cost-sharing talks lapsed at least once.</summary>
    public bool[] Lapsed { get; }

    /// <summary>Whether each ally hedged.</summary>
    public bool[] Hedged { get; }

    /// <summary>Whether each ally left.</summary>
    public bool[] Exited { get; }

    /// <summary>Each ally's first settled payment (NaN if none).</summary>
    public double[] FirstSettlement { get; }

    /// <summary>Each demand's outcome: 1 accepted, 0.5 met in part, 0 refused, NaN not decided (the host had left).</summary>
    public double[] DemandChoice { get; }

    /// <summary>A recorded value.</summary>
    public double Value(int year, int ally, TrajectoryVariable variable) =>
        Values[(((year * Allies) + ally) * SimulationEngine.VariableCount) + (int)variable];

    internal double[] Income { get; }

    internal double[] Spending { get; }

    internal double[] Pct { get; }

    internal double[] Alpha { get; }

    internal double[] Beta { get; }

    internal double[] Transient { get; }

    internal double[] Level { get; }

    internal double[] Entrapment { get; }

    internal AllyStatus[] Status { get; }

    internal double[] Payment { get; }

    internal int[] Expires { get; }

    internal double[] PublicWeight { get; }

    internal double[] PrivateWeight { get; }

    internal double[] SpillIn { get; }

    internal double[] GameIncome { get; }

    internal double[] Solved { get; }

    internal double[] ShockJump { get; }

    internal double[] Signal { get; }

    internal double[] TheatreDraw { get; }

    /// <summary>This year's threat multiplier exp(x) per ally.</summary>
    internal double[] ThreatLevel { get; }

    /// <summary>This year's net benefit per ally from the hazard step, NaN when it must be recomputed (status changed, or left).</summary>
    internal double[] Benefit { get; }

    /// <summary>Each ally's share of the system's defence spending last year (for the power-change covariate).</summary>
    internal double[] ShareLast { get; }

    /// <summary>Each ally's share of the system's defence spending this year.</summary>
    internal double[] ShareNow { get; }

    /// <summary>The year each ally's cost-sharing agreement in force was settled (the start year for the one in force then).</summary>
    internal int[] AgreedIn { get; }

    /// <summary>The last year each ally's regime change counts as recent (<see cref="int.MinValue"/>: none).</summary>
    internal int[] RegimeChangedUntil { get; }

    /// <summary>The last year each ally's new outside alliance counts as recent (<see cref="int.MinValue"/>: none).</summary>
    internal int[] OutsideAllianceUntil { get; }

    /// <summary>This year's belief E[κ] per ally, once talks are over.</summary>
    internal double[] BeliefNow { get; }

    /// <summary>This year's credibility acted on per ally (belief, discounted while hedging, 0 once left).</summary>
    internal double[] CredibilityNow { get; }

    /// <summary>This year's threat multiplier of the game's weights, exp(η·x), per ally.</summary>
    internal double[] Multiplier { get; }

    /// <summary>This year's hazard term exp(−β·net benefit) per ally.</summary>
    internal double[] HazardTerm { get; }

    /// <summary>Scratch: each ally's warm start of this year's solve.</summary>
    internal double[] Warm { get; }

    /// <summary>The yearly solve's room for each ally's slope and curvature.</summary>
    internal double[] SolverScratch { get; }

    /// <summary>The game's inputs and solution gathered pool by pool (in <c>EngineTables.PoolOrder</c>).</summary>
    internal double[] PoolIncome { get; }

    internal double[] PoolPublic { get; }

    internal double[] PoolPrivate { get; }

    internal double[] PoolSpill { get; }

    internal double[] PoolSolved { get; }

    /// <summary>Each treaty pool's total spending this year.</summary>
    internal double[] PoolTotal { get; }

    /// <summary>Each pool's warm start for this year's solve.</summary>
    internal double[] PoolGuess { get; }

    /// <summary>The patron's troops hosted by each ally (thousands).</summary>
    internal double[] Troops { get; }

    /// <summary>Each ally's exposure to the patron's conflicts, 0.2 + 0.8 min(1, troops/30).</summary>
    internal double[] Exposure { get; }

    /// <summary>Each host's standing with the patron in [0, 1] (1 at the start), scaling its reassurance.</summary>
    internal double[] Standing { get; }

    /// <summary>Each host's standing in the cost-sharing talks in [0, 1], scaling the patron's strategic loss of withdrawing.</summary>
    internal double[] CostSharingStanding { get; }

    /// <summary>This year's evidence from what the patron did to each ally (pseudo-observations, + for commitment).</summary>
    internal double[] PatronSignal { get; }

    /// <summary>This year's evidence each ally takes from what the patron did to the others.</summary>
    internal double[] Reputation { get; }

    /// <summary>Scratch: the allies a rival's incident made the patron reassure, in order.</summary>
    internal int[] Senders { get; }

    /// <summary>Scratch: the reassurance each of <see cref="Senders"/> received.</summary>
    internal double[] SenderSignals { get; }

    /// <summary>Each host's net-benefit cost of rivals' coercion.</summary>
    internal double[] Coercion { get; }

    /// <summary>Each ally's total friction with the others.</summary>
    internal double[] FrictionSum { get; }

    /// <summary>The last year each ally's cost-sharing talks lapsed (<see cref="int.MinValue"/>: never).</summary>
    internal int[] LapsedIn { get; }

    /// <summary>Each pair's friction in [0, 1].</summary>
    internal double[] FrictionLevel { get; }

    /// <summary>This year's friction shocks per pair.</summary>
    internal double[] FrictionShock { get; }

    /// <summary>Each rival's probing rate this year (incidents per year).</summary>
    internal double[] RivalRate { get; }

    /// <summary>The new-basing stock each rival reacts to.</summary>
    internal double[] Basing { get; }

    internal void Reset()
    {
        Array.Fill(DemandChoice, double.NaN);
        Events.Clear();
        Array.Clear(Settled);
        Array.Clear(Lapsed);
        Array.Clear(Hedged);
        Array.Clear(Exited);
        Array.Fill(FirstSettlement, double.NaN);
    }
}
