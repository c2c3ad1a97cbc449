using System.Runtime.CompilerServices;
using Linchpin.Games.Bargaining;

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

/// <summary>
/// The alliance-system simulation: yearly steps over a <see cref="SimulationSetup"/>, as DESIGN.md
/// and docs/models/simulation.md describe them. Immutable and thread-safe: many runs may share one
/// engine, each with its own <see cref="RunBuffer"/>.
/// </summary>
public sealed class SimulationEngine
{
    /// <summary>The number of recorded variables per ally-year.</summary>
    public const int VariableCount = 7;

    private readonly SimulationSetup _setup;
    private readonly int _n;
    private readonly double[] _income0;
    private readonly double[] _growth;
    private readonly double[] _pct0;
    private readonly double[] _publicWeight;
    private readonly double[] _privateWeight;
    private readonly int[] _theatre;
    private readonly double[] _exposure;
    private readonly double[] _belief0;
    private readonly double[] _troopCost;
    private readonly double[] _outside;
    private readonly double[] _age0;
    private readonly double[] _beliefWeight;
    private readonly double[] _ageFactor;
    private readonly double[] _patronProtection;
    private readonly double[] _doctrineByYear;
    private readonly bool[][] _shockTouches;
    private readonly CostSharingSetup?[] _costSharing;
    private readonly ShockSetup[] _shocks;
    private readonly double[] _patronSpending;
    private readonly double[] _standingCovariates;
    private readonly double[] _backgroundThreat;
    private readonly double[] _backgroundEntrapment;
    private readonly bool _hasCovariates;
    private readonly double _total0;

    /// <summary>Builds the engine and calibrates each ally's weights so that the start year is an equilibrium.</summary>
    /// <exception cref="ArgumentException">The setup is inconsistent (no allies, non-positive GDP or spending).</exception>
    public SimulationEngine(SimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        var allies = setup.Allies;
        _n = allies.Count;
        if (_n == 0)
        {
            throw new ArgumentException("a simulation needs at least one ally", nameof(setup));
        }

        if (setup.Years < 1)
        {
            throw new ArgumentException("a simulation runs at least one year", nameof(setup));
        }

        var p = setup.Parameters;
        _income0 = [.. allies.Select(a => a.Gdp)];
        _growth = [.. allies.Select(a => a.GdpGrowth)];
        _pct0 = [.. allies.Select(a => a.PctGdp)];
        _belief0 = [.. allies.Select(a => a.Belief)];
        _troopCost = [.. allies.Select(a => p.AutonomyCost * a.TroopsHosted / 10)];
        _outside = [.. allies.Select(a => a.OutsideOption)];
        _age0 = [.. allies.Select(a => a.AllianceAge)];
        _beliefWeight = [.. allies.Select(a => a.BeliefWeight)];
        _exposure = [.. allies.Select(a => 0.2 + (0.8 * Math.Min(1, a.TroopsHosted / 30)))];
        _costSharing = [.. allies.Select(a => a.CostSharing)];
        _shocks = [.. setup.Shocks];
        var theatres = allies.Select(a => a.Theatre).Distinct(StringComparer.Ordinal).ToList();
        _theatre = [.. allies.Select(a => theatres.IndexOf(a.Theatre))];
        TheatreCount = theatres.Count;
        foreach (var a in allies)
        {
            if (!(a.Gdp > 0) || !(a.PctGdp > 0) || !(a.PctGdp < 100) || !(a.Belief > 0 && a.Belief < 1) || !(a.BeliefWeight > 0))
            {
                throw new ArgumentException($"{a.Iso3}: GDP and spending must be positive, spending below 100 % of GDP, belief in (0, 1)", nameof(setup));
            }
        }

        _patronProtection = new double[setup.Years + 1];
        _patronSpending = new double[setup.Years + 1];
        for (var t = 0; t <= setup.Years; t++)
        {
            _patronSpending[t] = setup.Patron.PctGdp / 100 * setup.Patron.Gdp * Math.Pow(1 + setup.Patron.GdpGrowth, t);
            _patronProtection[t] = setup.Patron.Reach * _patronSpending[t];
        }

        // The hazard covariates that do not change during a run (Leeds & Savun 2007; Morrow 1991).
        _hasCovariates = p.HasHazardCovariates;
        _standingCovariates =
        [
            .. allies.Select(a => a.Traits ?? new AllyTraits()).Select(traits =>
                (traits.Democracy ? p.DemocracyEffect : 0) + (traits.IssueLinkage ? p.IssueLinkageEffect : 0) + (traits.Asymmetric ? p.AsymmetryEffect : 0)),
        ];

        // The baseline hazard's age term (age/A)^(k−1) depends only on the ally and the year: one table per engine.
        _ageFactor = new double[(setup.Years + 1) * _n];
        for (var t = 1; t <= setup.Years; t++)
        {
            for (var i = 0; i < _n; i++)
            {
                var age = Math.Max(1, _age0[i] + t);
                _ageFactor[(t * _n) + i] = Math.Pow(age / p.HazardReferenceAge, p.HazardShape - 1);
            }
        }

        // Stochastic shocks are a background rate, already there in the start year: a run starts with the
        // transient threat and the entrapment at their long-run means under them (AR(1) with persistence φ:
        // Σ p·jump/(1 − φ); entrapment with memory μ: Σ p·entrapment·exposure·(1 + 0.5(1 − τ₀))/(1 − μ)),
        // and threat is measured from that mean, so the calibrated start year is a typical year. Scheduled
        // shocks are new events.
        _backgroundThreat = new double[_n];
        _backgroundEntrapment = new double[_n];
        var tau0 = setup.Doctrine.TransactionalAt(setup.StartYear);
        for (var s = 0; s < setup.Shocks.Count; s++)
        {
            var shock = setup.Shocks[s];
            if (shock.Year is not null || shock.Probability <= 0)
            {
                continue;
            }

            for (var i = 0; i < _n; i++)
            {
                if (Touches(shock, allies[i]))
                {
                    if (shock.Kind != ShockKind.Invasion && p.ThreatPersistence < 1)
                    {
                        _backgroundThreat[i] += shock.Probability * shock.ThreatJump / (1 - p.ThreatPersistence);
                    }

                    if (p.EntrapmentMemory < 1)
                    {
                        _backgroundEntrapment[i] += shock.Probability * shock.Entrapment * _exposure[i] * (1 + (0.5 * (1 - tau0))) / (1 - p.EntrapmentMemory);
                    }
                }
            }
        }

        _doctrineByYear = new double[setup.Years + 1];
        for (var t = 0; t <= setup.Years; t++)
        {
            _doctrineByYear[t] = setup.Doctrine.TransactionalAt(setup.StartYear + t);
        }

        _shockTouches = [.. setup.Shocks.Select(s => allies.Select(a => Touches(s, a)).ToArray())];

        // Calibration: with ln(w − q) normalised to weight 1, the start year is an interior equilibrium with
        // marginal benefit M = 1/(w − q0) split into a public part π M and a private part (1 − π) M.
        _total0 = _income0.Select((w, i) => w * _pct0[i] / 100).Sum();
        _publicWeight = new double[_n];
        _privateWeight = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var q0 = _income0[i] * _pct0[i] / 100;
            var m = 1 / (_income0[i] - q0);
            var x0 = _total0 + (_belief0[i] * _patronProtection[0]);
            _publicWeight[i] = p.Publicness * m * x0;
            _privateWeight[i] = (1 - p.Publicness) * m * q0;
        }
    }

    private static bool Touches(ShockSetup shock, AllySetup ally) =>
        shock.Targets.Contains(ally.Iso3, StringComparer.Ordinal) || shock.Targets.Contains(ally.Theatre, StringComparer.Ordinal)
        || shock.Targets.Contains("all", StringComparer.Ordinal);

    /// <summary>The setup.</summary>
    public SimulationSetup Setup => _setup;

    /// <summary>The number of allies.</summary>
    public int AllyCount => _n;

    /// <summary>Years recorded per run: the start year and every simulated year.</summary>
    public int RecordedYears => _setup.Years + 1;

    /// <summary>The number of distinct theatres.</summary>
    public int TheatreCount { get; }

    /// <summary>Each ally's calibrated weight on the public good, <c>B</c>.</summary>
    public IReadOnlyList<double> PublicWeights => _publicWeight;

    /// <summary>Each ally's calibrated weight on its private joint product, <c>D</c>.</summary>
    public IReadOnlyList<double> PrivateWeights => _privateWeight;

    /// <summary>The patron's protection (spending times reach) in year <paramref name="t"/> after the start.</summary>
    public double PatronProtection(int t) => _patronProtection[t];

    /// <summary>A buffer sized for this engine (one per thread).</summary>
    public RunBuffer NewBuffer() => new(_n, RecordedYears, TheatreCount);

    /// <summary>Runs one trajectory with the random stream of (<paramref name="seed"/>, <paramref name="run"/>) into <paramref name="buffer"/>.</summary>
    public void Run(ulong seed, long run, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var rng = new SimRandom(seed, run);
        var n = _n;
        buffer.Reset();
        var income = buffer.Income;
        var spending = buffer.Spending;
        var pct = buffer.Pct;
        var alpha = buffer.Alpha;
        var beta = buffer.Beta;
        var transient = buffer.Transient;
        var level = buffer.Level;
        var entrapment = buffer.Entrapment;
        var status = buffer.Status;
        var payment = buffer.Payment;
        var expires = buffer.Expires;
        var privW = buffer.PrivateWeight;
        var threat = buffer.ThreatLevel;
        var benefits = buffer.Benefit;
        for (var i = 0; i < n; i++)
        {
            income[i] = _income0[i];
            pct[i] = _pct0[i];
            spending[i] = _income0[i] * _pct0[i] / 100;
            var w = _beliefWeight[i];
            alpha[i] = _belief0[i] * w;
            beta[i] = (1 - _belief0[i]) * w;
            transient[i] = _backgroundThreat[i];
            level[i] = 0;
            entrapment[i] = _backgroundEntrapment[i];
            status[i] = AllyStatus.Member;
            payment[i] = _costSharing[i]?.Payment ?? 0;
            buffer.AgreedIn[i] = _setup.StartYear;
            expires[i] = _costSharing[i]?.Expires ?? int.MaxValue;
            threat[i] = 1;
            benefits[i] = double.NaN;
            privW[i] = _privateWeight[i];
        }

        var total = _total0;
        var tau = _doctrineByYear[0];
        Array.Fill(buffer.RegimeChangedUntil, int.MinValue);
        Array.Fill(buffer.OutsideAllianceUntil, int.MinValue);
        if (_hasCovariates)
        {
            SystemShares(buffer, 0, buffer.ShareLast);
        }
        Record(buffer, 0, tau);

        // Each step is a method of its own: a few short loops each keep their values in registers,
        // which one long loop body could not.
        for (var t = 1; t <= _setup.Years; t++)
        {
            var year = _setup.StartYear + t;
            var newTau = _doctrineByYear[t];
            if (newTau != tau)
            {
                buffer.Events.Add(new SimulationEvent(year, -1, SimulationEventKind.DoctrineChange, newTau, -1));
                tau = newTau;
            }

            ShockThreats(buffer, ref rng, year, tau);
            UpdateBeliefs(buffer, tau);
            for (var i = 0; i < n; i++)
            {
                // 3. Agreements in force are indexed; expiring ones are re-bargained.
                if (_costSharing[i] is not { } deal || buffer.Status[i] == AllyStatus.Left)
                {
                    continue;
                }

                if (year >= buffer.Expires[i])
                {
                    Negotiate(buffer, ref rng, i, deal, year, tau);
                }
                else if (year > buffer.AgreedIn[i])
                {
                    buffer.Payment[i] *= 1 + IndexGrowth(buffer, deal, i, t);
                }
            }

            var guess = SetUpGame(buffer, t, tau);
            total = AllianceGame.Solve(buffer.GameIncome, buffer.PublicWeight, buffer.PrivateWeight, buffer.SpillIn, buffer.Solved, guess > 0 ? guess : total);
            TakeSpending(buffer);
            Hazards(buffer, ref rng, t, year, tau);
            Record(buffer, t, tau);
        }
    }

    /// <summary>Step 1. Threats: a persistent AR(1) transient per ally with one draw per theatre, plus shocks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ShockThreats(RunBuffer buffer, ref SimRandom rng, int year, double tau)
    {
        var p = _setup.Parameters;
        var theatreDraw = buffer.TheatreDraw;
        for (var k = 0; k < theatreDraw.Length; k++)
        {
            theatreDraw[k] = p.ThreatVolatility > 0 ? p.ThreatVolatility * rng.NextNormal() : 0;
        }

        var shocksToday = buffer.ShockJump;
        var signal = buffer.Signal;
        var level = buffer.Level;
        var entrapment = buffer.Entrapment;
        Array.Clear(shocksToday);
        Array.Clear(signal);
        for (var s = 0; s < _shocks.Length; s++)
        {
            var shock = _shocks[s];
            var fires = shock.Year is { } y ? y == year : shock.Probability > 0 && rng.NextDouble() < shock.Probability;
            if (!fires)
            {
                continue;
            }

            buffer.Events.Add(new SimulationEvent(year, -1, SimulationEventKind.Shock, shock.ThreatJump, s));
            var touches = _shockTouches[s];
            for (var i = 0; i < _n; i++)
            {
                if (!touches[i])
                {
                    continue;
                }

                if (shock.Kind == ShockKind.Invasion)
                {
                    level[i] += shock.ThreatJump;
                }
                else
                {
                    shocksToday[i] += shock.ThreatJump;
                }

                signal[i] += shock.Signal;
                entrapment[i] += shock.Entrapment * _exposure[i] * (1 + (0.5 * (1 - tau)));
                if (shock.Kind == ShockKind.RegimeChange)
                {
                    buffer.RegimeChangedUntil[i] = year + _setup.Parameters.CovariateWindow - 1;
                }
                else if (shock.Kind == ShockKind.OutsideAlliance)
                {
                    buffer.OutsideAllianceUntil[i] = year + _setup.Parameters.CovariateWindow - 1;
                }
            }
        }
    }

    /// <summary>Step 2. Threat levels, GDP growth, doctrine signals and belief updates (Beta evidence with memory λ), entrapment decay.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UpdateBeliefs(RunBuffer buffer, double tau)
    {
        var p = _setup.Parameters;
        var signalled = (p.MultilateralCredibility * (1 - tau)) + (p.TransactionalCredibility * tau);
        var lambda = p.BeliefMemory;
        var persistence = p.ThreatPersistence;
        var entrapmentMemory = p.EntrapmentMemory;
        var (transient, level, income, alpha, beta) = (buffer.Transient, buffer.Level, buffer.Income, buffer.Alpha, buffer.Beta);
        var (signal, shocksToday, entrapment, threat, theatreDraw) = (buffer.Signal, buffer.ShockJump, buffer.Entrapment, buffer.ThreatLevel, buffer.TheatreDraw);
        for (var i = 0; i < _n; i++)
        {
            transient[i] = (persistence * transient[i]) + theatreDraw[_theatre[i]] + shocksToday[i];
            income[i] *= 1 + _growth[i];
            var weight = _beliefWeight[i];
            alpha[i] = (lambda * alpha[i]) + ((1 - lambda) * weight * signalled);
            beta[i] = (lambda * beta[i]) + ((1 - lambda) * weight * (1 - signalled));
            if (signal[i] > 0)
            {
                alpha[i] += signal[i];
            }
            else if (signal[i] < 0)
            {
                beta[i] -= signal[i];
            }

            entrapment[i] *= entrapmentMemory;
            threat[i] = transient[i] + level[i] - _backgroundThreat[i];
        }

        // The game's weights scale with exp(η·x); exp(x) itself is the recorded threat level.
        var multiplier = buffer.Multiplier;
        var elasticity = p.ThreatElasticity;
        if (elasticity != 1)
        {
            for (var i = 0; i < _n; i++)
            {
                multiplier[i] = elasticity * threat[i];
            }

            ExpSpan.Exp(multiplier, multiplier);
        }

        ExpSpan.Exp(threat, threat);
        if (elasticity == 1)
        {
            threat.CopyTo(multiplier, 0);
        }
    }

    /// <summary>
    /// Step 4, before solving: each ally's weights in this year's game given threat, beliefs and
    /// demands. Returns the solver's warm start: last year's spending of those still in the game,
    /// grown with GDP and scaled by the change of their weight on their own spending (the
    /// equilibrium does not depend on the start).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double SetUpGame(RunBuffer buffer, int t, double tau)
    {
        var p = _setup.Parameters;
        var doctrine = _setup.Doctrine;
        var target = doctrine.FairShareTarget;
        var inverseTarget = target > 0 ? 1 / target : 0;
        var pull = (doctrine.Pledge ? p.PledgePull : 0) + (p.TransactionalPressure * tau);
        var protection = _patronProtection[t];
        var (alpha, beta, status, belief, credibility) = (buffer.Alpha, buffer.Beta, buffer.Status, buffer.BeliefNow, buffer.CredibilityNow);
        var (gameIncome, pubW, privW, spill, threat) = (buffer.GameIncome, buffer.PublicWeight, buffer.PrivateWeight, buffer.SpillIn, buffer.ThreatLevel);
        var (income, pct, spending) = (buffer.Income, buffer.Pct, buffer.Spending);
        var guess = 0.0;
        for (var i = 0; i < _n; i++)
        {
            // Beliefs are settled for the year (talks included): the credibility each ally acts on, here and in step 5.
            belief[i] = alpha[i] / (alpha[i] + beta[i]);
            credibility[i] = Credibility(belief[i], status[i], p);
            if (status[i] == AllyStatus.Left)
            {
                gameIncome[i] = 0;
                pubW[i] = 0;
                privW[i] = 0;
                spill[i] = 0;
                continue;
            }

            var multiplier = buffer.Multiplier[i];
            var gap = Math.Max(0, target - pct[i]) * inverseTarget;
            gameIncome[i] = income[i];
            pubW[i] = _publicWeight[i] * multiplier;
            var previous = privW[i];
            privW[i] = _privateWeight[i] * multiplier * (1 + (pull * gap));
            spill[i] = credibility[i] * protection;
            guess += spending[i] * (1 + _growth[i]) * (previous > 0 ? privW[i] / previous : 1);
        }

        return guess;
    }

    /// <summary>Step 4, after solving: members and hedgers spend their best responses; those who left grow theirs with GDP.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TakeSpending(RunBuffer buffer)
    {
        var (status, spending, solved, pct, income) = (buffer.Status, buffer.Spending, buffer.Solved, buffer.Pct, buffer.Income);
        for (var i = 0; i < _n; i++)
        {
            spending[i] = status[i] == AllyStatus.Left ? spending[i] * (1 + _growth[i]) : solved[i];
            pct[i] = 100 * spending[i] / income[i];
        }
    }

    /// <summary>
    /// Step 5. Net benefit drives the hazard of hedging, then of leaving. An ally's net benefit
    /// depends on its own state only, so all are computed (and their exponentials taken together)
    /// before any status changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Hazards(RunBuffer buffer, ref SimRandom rng, int t, int year, double tau)
    {
        var p = _setup.Parameters;
        var target = _setup.Doctrine.FairShareTarget;
        var (status, benefits, hazardTerm, credibility, threat) = (buffer.Status, buffer.Benefit, buffer.HazardTerm, buffer.CredibilityNow, buffer.ThreatLevel);
        var (entrapment, pct) = (buffer.Entrapment, buffer.Pct);
        var effect = p.NetBenefitEffect;
        for (var i = 0; i < _n; i++)
        {
            var benefit = status[i] == AllyStatus.Left
                ? double.NaN
                : NetBenefit(i, credibility[i], threat[i], entrapment[i], pct[i], tau, p, target);
            benefits[i] = benefit;
            hazardTerm[i] = double.IsNaN(benefit) ? 0 : -effect * benefit;
        }

        if (_hasCovariates)
        {
            AddCovariates(buffer, t, year);
        }

        ExpSpan.Exp(hazardTerm, hazardTerm);
        var baseHazard = p.BaseHazard;
        var exitRatio = p.ExitHazardRatio;
        for (var i = 0; i < _n; i++)
        {
            if (status[i] == AllyStatus.Left)
            {
                continue;
            }

            var hazard = baseHazard * _ageFactor[(t * _n) + i] * hazardTerm[i];
            if (status[i] == AllyStatus.Hedging)
            {
                hazard *= exitRatio;
            }

            // 1 − e^(−h) < h, so a draw at or above h never fires: the exponential is needed only below it.
            var draw = rng.NextDouble();
            if (draw < hazard && draw < 1 - Math.Exp(-hazard))
            {
                ChangeStatus(buffer, i, year);
            }
        }
    }

    /// <summary>
    /// Adds the hazard covariates of model 9 (§9.3) to each ally's log-hazard term: the change in
    /// its share of the system's defence spending since last year, a recent regime change or new
    /// outside alliance, log threat, and its standing traits, each times its coefficient.
    /// </summary>
    private void AddCovariates(RunBuffer buffer, int t, int year)
    {
        var p = _setup.Parameters;
        var (hazardTerm, status, shareLast, share) = (buffer.HazardTerm, buffer.Status, buffer.ShareLast, buffer.ShareNow);
        SystemShares(buffer, t, share);
        for (var i = 0; i < _n; i++)
        {
            if (status[i] != AllyStatus.Left)
            {
                hazardTerm[i] += _standingCovariates[i]
                    + (p.PowerChangeEffect * Math.Abs(share[i] - shareLast[i]))
                    + (year <= buffer.RegimeChangedUntil[i] ? p.RegimeChangeEffect : 0)
                    + (year <= buffer.OutsideAllianceUntil[i] ? p.OutsideAllianceEffect : 0)
                    + (p.ThreatHazardEffect * (buffer.Transient[i] + buffer.Level[i] - _backgroundThreat[i]));
            }

            shareLast[i] = share[i];
        }
    }

    /// <summary>Each ally's share of the defence spending of the whole system (the allies and the patron) in year <paramref name="t"/> after the start.</summary>
    private void SystemShares(RunBuffer buffer, int t, double[] shares)
    {
        var spending = buffer.Spending;
        var total = _patronSpending[t];
        for (var i = 0; i < _n; i++)
        {
            total += spending[i];
        }

        for (var i = 0; i < _n; i++)
        {
            shares[i] = spending[i] / total;
        }
    }

    /// <summary>
    /// This year's rise of an indexed payment: the host's defence spending growth last year (from
    /// the record; before the second simulated year, its GDP growth stands in for it) or the fixed
    /// rate, at most the cap.
    /// </summary>
    private double IndexGrowth(RunBuffer buffer, CostSharingSetup deal, int i, int t)
    {
        var growth = deal.Indexation switch
        {
            PaymentIndexation.DefenceBudget => t >= 2
                ? (buffer.Value(t - 1, i, TrajectoryVariable.Spending) / buffer.Value(t - 2, i, TrajectoryVariable.Spending)) - 1
                : _growth[i],
            PaymentIndexation.Rate => deal.IndexRate,
            _ => 0,
        };
        return deal.IndexCap is { } cap ? Math.Min(cap, growth) : growth;
    }

    /// <summary>A member starts hedging; a hedger leaves and falls back on self-help.</summary>
    private void ChangeStatus(RunBuffer buffer, int i, int year)
    {
        var benefit = buffer.Benefit[i];
        buffer.Benefit[i] = double.NaN;
        if (buffer.Status[i] == AllyStatus.Member)
        {
            buffer.Status[i] = AllyStatus.Hedging;
            buffer.Hedged[i] = true;
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Hedging, benefit, -1));
        }
        else
        {
            buffer.Status[i] = AllyStatus.Left;
            buffer.Exited[i] = true;
            buffer.Spending[i] *= _setup.Parameters.SelfHelpFactor;
            buffer.Pct[i] = 100 * buffer.Spending[i] / buffer.Income[i];
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Exit, benefit, -1));
        }
    }

    /// <summary>The credibility an ally acts on: its belief E[κ], discounted while hedging, none once it has left.</summary>
    private static double Credibility(double belief, AllyStatus status, SimulationParameters p) => status switch
    {
        AllyStatus.Member => belief,
        AllyStatus.Hedging => p.HedgingDiscount * belief,
        _ => 0,
    };

    private double NetBenefit(int i, double credibility, double threat, double entrapment, double pct, double tau, SimulationParameters p, double target)
    {
        var gap = target > 0 ? Math.Max(0, target - pct) / target : 0;
        return (p.SecurityValue * credibility * threat)
            - _troopCost[i] - (p.DemandCost * tau * gap) - (p.EntrapmentCost * entrapment) - _outside[i];
    }

    private void Negotiate(RunBuffer buffer, ref SimRandom rng, int i, CostSharingSetup deal, int year, double tau)
    {
        var p = _setup.Parameters;
        var credibility = Credibility(buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]), buffer.Status[i], p);
        var hostNoise = deal.Uncertainty > 0 ? Math.Exp(deal.Uncertainty * rng.NextNormal()) : 1;
        var patronNoise = deal.Uncertainty > 0 ? Math.Exp(deal.Uncertainty * rng.NextNormal()) : 1;
        var threat = buffer.ThreatLevel[i];
        var hostValue = deal.HostValue * threat * (credibility / _belief0[i]) * hostNoise;
        var strategicLoss = deal.StrategicLoss * (1 - (0.5 * tau)) * patronNoise;
        var settlement = SmaBargaining.Settle(new SmaNegotiation(
            deal.PatronValue, deal.StationingCost, hostValue, deal.WithdrawalSaving, strategicLoss, deal.SelfHelpCost,
            0.9, 0.9, deal.LapseRisk, tau >= 0.5));
        var transfer = settlement.Agreement ? Math.Max(0, settlement.Transfer) : double.NaN;

        // Rounds of talks grow with the gap between the patron's opening demand and the settlement.
        var demand = (tau * deal.PatronDemand) + ((1 - tau) * (double.IsNaN(transfer) ? deal.Payment : transfer));
        var gap = double.IsNaN(transfer) || transfer <= 0 ? 4 : Math.Min(4, Math.Max(0, demand - transfer) / transfer);
        var rounds = 1 + (int)(rng.NextDouble() * (1 + (4 * gap)));
        var lapse = !settlement.Agreement || rng.NextDouble() < 1 - Math.Pow(1 - deal.LapseRisk, rounds - 1);
        if (lapse)
        {
            buffer.Lapsed[i] = true;
            buffer.Beta[i] += 1;
            buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Lapse, rounds, -1));
            buffer.Expires[i] = year + 1;
            return;
        }

        buffer.Payment[i] = transfer;
        buffer.Expires[i] = year + deal.Term;
        buffer.AgreedIn[i] = year;
        if (!buffer.Settled[i])
        {
            buffer.Settled[i] = true;
            buffer.FirstSettlement[i] = transfer;
        }

        buffer.Events.Add(new SimulationEvent(year, i, SimulationEventKind.Settlement, transfer, -1));
    }

    private void Record(RunBuffer buffer, int t, double tau)
    {
        var p = _setup.Parameters;
        var values = buffer.Values;
        var target = _setup.Doctrine.FairShareTarget;
        for (var i = 0; i < _n; i++)
        {
            var at = ((t * _n) + i) * VariableCount;
            var threat = buffer.ThreatLevel[i];
            var benefit = buffer.Benefit[i];
            values[at + (int)TrajectoryVariable.PctGdp] = buffer.Pct[i];
            values[at + (int)TrajectoryVariable.Spending] = buffer.Spending[i];
            var belief = buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]);
            values[at + (int)TrajectoryVariable.Belief] = belief;
            values[at + (int)TrajectoryVariable.Threat] = threat;
            values[at + (int)TrajectoryVariable.Entrapment] = buffer.Entrapment[i];
            values[at + (int)TrajectoryVariable.NetBenefit] = double.IsNaN(benefit)
                ? NetBenefit(i, Credibility(belief, buffer.Status[i], p), threat, buffer.Entrapment[i], buffer.Pct[i], tau, p, target)
                : benefit;
            values[at + (int)TrajectoryVariable.Payment] = buffer.Payment[i];
            buffer.StatusByYear[(t * _n) + i] = buffer.Status[i];
        }
    }
}

/// <summary>
/// One run's working state and record, reused from run to run on one thread: every ally-year's
/// variables (<c>[year][ally][variable]</c>), statuses, events and outcomes.
/// </summary>
public sealed class RunBuffer
{
    internal RunBuffer(int allies, int years, int theatres)
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
