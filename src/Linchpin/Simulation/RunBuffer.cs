namespace Linchpin.Simulation;

/// <summary>
/// One run's working state and record, reused from run to run on one thread: every ally-year's
/// variables (<c>[year][ally][variable]</c>), statuses, events and outcomes.
/// </summary>
public sealed class RunBuffer
{
    internal RunBuffer(int allies, int years, int theatres, int pools = 1)
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

    internal void Reset()
    {
        Events.Clear();
        Array.Clear(Settled);
        Array.Clear(Lapsed);
        Array.Clear(Hedged);
        Array.Clear(Exited);
        Array.Fill(FirstSettlement, double.NaN);
    }
}
