namespace Linchpin.Simulation;

/// <summary>
/// The alliance-system simulation: yearly steps over a <see cref="SimulationSetup"/>, as DESIGN.md
/// and docs/models/simulation.md describe them. Immutable and thread-safe: many runs may share one
/// engine, each with its own <see cref="RunBuffer"/>.
/// </summary>
/// <remarks>
/// Each mechanism is a type of its own, a step over the run's arrays, composed by <see cref="Run"/>
/// in this order each year: the scenario's shocks (<c>ScenarioShocks</c>), the rivals' probing
/// (<c>RivalReactions</c>), friction between allies (<c>AllyFriction</c>), threat levels
/// (<c>ThreatLevels</c>), the patron's posture, threats and reassurance (<c>PatronPolicy</c>), the
/// hosts' decisions on demands (<c>Demands</c>), beliefs with reputation (<c>Beliefs</c>,
/// <c>Reputation</c>), cost-sharing talks (<c>CostSharingTalks</c>), the treaties' club goods
/// (<c>TreatyGoods</c>) and the hazard of hedging and exit (<c>Hazard</c>).
/// </remarks>
public sealed class SimulationEngine
{
    /// <summary>The number of recorded variables per ally-year.</summary>
    public const int VariableCount = 8;

    private readonly EngineTables _tables;

    /// <summary>Builds the engine and calibrates each ally's weights so that the start year is an equilibrium.</summary>
    /// <exception cref="ArgumentException">The setup is inconsistent (no allies, non-positive GDP or spending).</exception>
    public SimulationEngine(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Allies.Count == 0)
        {
            throw new ArgumentException("a simulation needs at least one ally", nameof(setup));
        }

        if (setup.Years < 1)
        {
            throw new ArgumentException("a simulation runs at least one year", nameof(setup));
        }

        _tables = new EngineTables(setup);
    }

    /// <summary>The setup.</summary>
    public SimulationSetup Setup => _tables.Setup;

    /// <summary>The number of allies.</summary>
    public int AllyCount => _tables.N;

    /// <summary>Years recorded per run: the start year and every simulated year.</summary>
    public int RecordedYears => _tables.Setup.Years + 1;

    /// <summary>The number of distinct theatres.</summary>
    public int TheatreCount => _tables.TheatreCount;

    /// <summary>Each ally's calibrated weight on the public good, <c>B</c>.</summary>
    public IReadOnlyList<double> PublicWeights => _tables.PublicWeight;

    /// <summary>Each ally's calibrated weight on its private joint product, <c>D</c>.</summary>
    public IReadOnlyList<double> PrivateWeights => _tables.PrivateWeight;

    /// <summary>The patron's protection (spending times reach) in year <paramref name="t"/> after the start.</summary>
    public double PatronProtection(int t) => _tables.PatronProtection[t];

    /// <summary>A buffer sized for this engine (one per thread).</summary>
    public RunBuffer NewBuffer() =>
        new(_tables.N, RecordedYears, TheatreCount, _tables.PoolCount, _tables.Actors.Rivals.Length, _tables.Actors.Friction0.Length, _tables.Actors.Demands.Length);

    /// <summary>Runs one trajectory with the random stream of (<paramref name="seed"/>, <paramref name="run"/>) into <paramref name="buffer"/>.</summary>
    public void Run(ulong seed, long run, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var tables = _tables;
        var rng = new SimRandom(seed, run);
        Start(buffer);
        var total = tables.Total0;
        TreatyGoods.Start(tables, buffer);
        var tau = tables.DoctrineByYear[0];
        Record(buffer, 0, tau);

        // Each mechanism is a step of its own: a few short loops each keep their values in
        // registers, which one long loop body could not.
        for (var t = 1; t <= tables.Setup.Years; t++)
        {
            var year = tables.Setup.StartYear + t;
            var newTau = tables.DoctrineByYear[t];
            if (newTau != tau)
            {
                buffer.Events.Add(new SimulationEvent(year, -1, SimulationEventKind.DoctrineChange, newTau, -1));
                tau = newTau;
            }

            Beliefs.NewYear(buffer);
            ScenarioShocks.Fire(tables, buffer, ref rng, year, tau);
            RivalReactions.Step(tables, buffer, ref rng, year, tau);
            AllyFriction.Step(tables, buffer);
            ThreatLevels.Evolve(tables, buffer);
            PatronPolicy.Step(tables, buffer, ref rng, year, tau);
            Demands.Step(tables, buffer, ref rng, year, tau);
            Beliefs.Update(tables, buffer, tau);
            CostSharingTalks.Step(tables, buffer, ref rng, t, year, tau);
            var guess = TreatyGoods.SetUp(tables, buffer, t, tau);
            total = TreatyGoods.Solve(tables, buffer, guess > 0 ? guess : total);
            TreatyGoods.TakeSpending(tables, buffer);
            Hazard.Step(tables, buffer, ref rng, t, year, tau);
            Record(buffer, t, tau);
        }
    }

    /// <summary>The start year's state.</summary>
    private void Start(RunBuffer buffer)
    {
        var tables = _tables;
        buffer.Reset();
        for (var i = 0; i < tables.N; i++)
        {
            buffer.Income[i] = tables.Income0[i];
            buffer.Pct[i] = tables.Pct0[i];
            buffer.Spending[i] = tables.Income0[i] * tables.Pct0[i] / 100;
            var w = tables.BeliefWeight[i];
            buffer.Alpha[i] = tables.Belief0[i] * w;
            buffer.Beta[i] = (1 - tables.Belief0[i]) * w;
            buffer.Transient[i] = tables.BackgroundThreat[i];
            buffer.Level[i] = 0;
            buffer.Entrapment[i] = tables.BackgroundEntrapment[i];
            buffer.Status[i] = AllyStatus.Member;
            buffer.Payment[i] = tables.CostSharing[i]?.Payment ?? 0;
            buffer.AgreedIn[i] = tables.Setup.StartYear;
            buffer.Expires[i] = tables.CostSharing[i]?.Expires ?? int.MaxValue;
            buffer.ThreatLevel[i] = 1;
            buffer.Benefit[i] = double.NaN;
            buffer.PrivateWeight[i] = tables.PrivateWeight[i];
            buffer.Troops[i] = tables.Troops0[i];
            buffer.Exposure[i] = tables.Exposure[i];
            buffer.Standing[i] = 1;
            buffer.CostSharingStanding[i] = 1;
            buffer.Coercion[i] = 0;
            buffer.CredibilityNow[i] = tables.Belief0[i];
            buffer.BeliefNow[i] = buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]);
            buffer.LapsedIn[i] = int.MinValue;
        }

        Array.Clear(buffer.Basing);
        AllyFriction.Start(tables, buffer);

        Array.Fill(buffer.RegimeChangedUntil, int.MinValue);
        Array.Fill(buffer.OutsideAllianceUntil, int.MinValue);
        if (tables.HasCovariates)
        {
            Hazard.SystemShares(tables, buffer, 0, buffer.ShareLast);
        }
    }

    /// <summary>Records year <paramref name="t"/>; the belief is the one the year's game and hazard used (the hazard leaves it unchanged).</summary>
    private void Record(RunBuffer buffer, int t, double tau)
    {
        var tables = _tables;
        var p = tables.Parameters;
        var n = tables.N;
        var target = tables.Setup.Doctrine.FairShareTarget;
        var values = buffer.Values.AsSpan(t * n * VariableCount, n * VariableCount);
        var statuses = buffer.StatusByYear.AsSpan(t * n, n);
        var pct = buffer.Pct.AsSpan(0, n);
        var spending = buffer.Spending.AsSpan(0, n);
        var beliefs = buffer.BeliefNow.AsSpan(0, n);
        var threats = buffer.ThreatLevel.AsSpan(0, n);
        var entrapment = buffer.Entrapment.AsSpan(0, n);
        var benefits = buffer.Benefit.AsSpan(0, n);
        var payment = buffer.Payment.AsSpan(0, n);
        var troops = buffer.Troops.AsSpan(0, n);
        var status = buffer.Status.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            var row = values.Slice(i * VariableCount, VariableCount);
            var threat = threats[i];
            var benefit = benefits[i];
            var belief = beliefs[i];
            row[(int)TrajectoryVariable.PctGdp] = pct[i];
            row[(int)TrajectoryVariable.Spending] = spending[i];
            row[(int)TrajectoryVariable.Belief] = belief;
            row[(int)TrajectoryVariable.Threat] = threat;
            row[(int)TrajectoryVariable.Entrapment] = entrapment[i];
            row[(int)TrajectoryVariable.NetBenefit] = double.IsNaN(benefit)
                ? Hazard.NetBenefit(tables, buffer, i, Beliefs.Credibility(belief, status[i], p), threat, entrapment[i], pct[i], tau, target)
                : benefit;
            row[(int)TrajectoryVariable.Payment] = payment[i];
            row[(int)TrajectoryVariable.Troops] = troops[i];
            statuses[i] = status[i];
        }
    }
}
