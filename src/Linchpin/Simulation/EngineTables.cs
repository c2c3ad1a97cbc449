namespace Linchpin.Simulation;

/// <summary>
/// What every run of one setup shares and never changes: each ally's start-year values and
/// calibrated weights, and the tables by year (doctrine, the patron's spending, the hazard's age
/// term), as plain arrays indexed by ally. The mechanisms' steps read these and write only the
/// run's <see cref="RunBuffer"/>.
/// </summary>
internal sealed class EngineTables
{
    internal EngineTables(SimulationSetup setup)
    {
        Setup = setup;
        Parameters = setup.Parameters;
        var allies = setup.Allies;
        N = allies.Count;
        var p = setup.Parameters;
        Income0 = [.. allies.Select(a => a.Gdp)];
        Growth = [.. allies.Select(a => a.GdpGrowth)];
        Pct0 = [.. allies.Select(a => a.PctGdp)];
        Belief0 = [.. allies.Select(a => a.Belief)];
        Outside = [.. allies.Select(a => a.OutsideOption)];
        Age0 = [.. allies.Select(a => a.AllianceAge)];
        BeliefWeight = [.. allies.Select(a => a.BeliefWeight)];
        Exposure = [.. allies.Select(a => 0.2 + (0.8 * Math.Min(1, a.TroopsHosted / 30)))];
        CostSharing = [.. allies.Select(a => a.CostSharing)];
        Shocks = [.. setup.Shocks];
        var theatres = allies.Select(a => a.Theatre).Distinct(StringComparer.Ordinal).ToList();
        Theatre = [.. allies.Select(a => theatres.IndexOf(a.Theatre))];
        TheatreCount = theatres.Count;
        var treaties = allies.Select(a => a.Treaty ?? "").Distinct(StringComparer.Ordinal).ToList();
        Pool = [.. allies.Select(a => treaties.IndexOf(a.Treaty ?? ""))];
        PoolCount = treaties.Count;
        PoolOrder = [.. Enumerable.Range(0, N).OrderBy(i => Pool[i])];
        PoolStart = new int[PoolCount + 1];
        foreach (var k in Pool)
        {
            PoolStart[k + 1]++;
        }

        for (var k = 0; k < PoolCount; k++)
        {
            PoolStart[k + 1] += PoolStart[k];
        }

        Spillover = p.TreatySpillover;
        foreach (var a in allies)
        {
            if (!(a.Gdp > 0) || !(a.PctGdp > 0) || !(a.PctGdp < 100) || !(a.Belief > 0 && a.Belief < 1) || !(a.BeliefWeight > 0))
            {
                throw new ArgumentException($"{a.Iso3}: GDP and spending must be positive, spending below 100 % of GDP, belief in (0, 1)", nameof(setup));
            }
        }

        PatronProtection = new double[setup.Years + 1];
        PatronSpending = new double[setup.Years + 1];
        for (var t = 0; t <= setup.Years; t++)
        {
            PatronSpending[t] = setup.Patron.PctGdp / 100 * setup.Patron.Gdp * Math.Pow(1 + setup.Patron.GdpGrowth, t);
            PatronProtection[t] = setup.Patron.Reach * PatronSpending[t];
        }

        // The hazard covariates that do not change during a run (Leeds & Savun 2007; Morrow 1991).
        HasCovariates = p.HasHazardCovariates;
        StandingCovariates =
        [
            .. allies.Select(a => a.Traits ?? new AllyTraits()).Select(traits =>
                (traits.Democracy ? p.DemocracyEffect : 0) + (traits.IssueLinkage ? p.IssueLinkageEffect : 0) + (traits.Asymmetric ? p.AsymmetryEffect : 0)),
        ];

        // The baseline hazard's age term (age/A)^(k−1) depends only on the ally and the year: one table per engine.
        AgeFactor = new double[(setup.Years + 1) * N];
        for (var t = 1; t <= setup.Years; t++)
        {
            for (var i = 0; i < N; i++)
            {
                var age = Math.Max(1, Age0[i] + t);
                AgeFactor[(t * N) + i] = Math.Pow(age / p.HazardReferenceAge, p.HazardShape - 1);
            }
        }

        ShockTouches = [.. setup.Shocks.Select(s => allies.Select(a => Touches(s, a)).ToArray())];
        Troops0 = [.. allies.Select(a => a.TroopsHosted)];
        Hosts = [.. Enumerable.Range(0, N).Where(i => Troops0[i] > 0)];
        CostShare0 = [.. allies.Select(a => a.CostSharing is { } deal ? CostShare(deal.Payment, deal) : 0)];
        Similarity = setup.Similarity is { } similarity
            ? similarity.Count == N * N ? [.. similarity] : throw new ArgumentException($"the similarity matrix needs {N * N} entries", nameof(setup))
            : [.. Enumerable.Repeat(1.0, N * N)];
        ReputationFrom = new double[p.ReputationWeight > 0 ? N * N : 0];
        for (var from = 0; from < N && p.ReputationWeight > 0; from++)
        {
            for (var i = 0; i < N; i++)
            {
                // Zero toward the ally itself, so one pass over every ally spreads a signal to the others.
                ReputationFrom[(from * N) + i] = i == from ? 0 : p.ReputationWeight * Similarity[(i * N) + from];
            }
        }

        Actors = new ActorTables(setup, this);
        BackgroundThreat = new double[N];
        BackgroundEntrapment = new double[N];
        AddBackground(setup);

        DoctrineByYear = new double[setup.Years + 1];
        for (var t = 0; t <= setup.Years; t++)
        {
            DoctrineByYear[t] = setup.Doctrine.TransactionalAt(setup.StartYear + t);
        }

        // Calibration: with ln(w − q) normalised to weight 1, the start year is an interior equilibrium with
        // marginal benefit M = 1/(w − q0) split into a public part π M and a private part (1 − π) M.
        Total0 = Income0.Select((w, i) => w * Pct0[i] / 100).Sum();
        var poolTotal0 = new double[PoolCount];
        for (var i = 0; i < N; i++)
        {
            poolTotal0[Pool[i]] += Income0[i] * Pct0[i] / 100;
        }

        if (PoolCount == 1)
        {
            poolTotal0[0] = Total0;
        }

        PublicWeight = new double[N];
        PrivateWeight = new double[N];
        for (var i = 0; i < N; i++)
        {
            var q0 = Income0[i] * Pct0[i] / 100;
            var m = 1 / (Income0[i] - q0);
            // The club good an ally counts: its treaty's spending, the other treaties' at weight s, and the patron's protection.
            var own = poolTotal0[Pool[i]];
            var x0 = own + (Spillover * (Total0 - own)) + (Belief0[i] * PatronProtection[0]);
            PublicWeight[i] = p.Publicness * m * x0;
            PrivateWeight[i] = (1 - p.Publicness) * m * q0;
        }
    }

    internal SimulationSetup Setup { get; }

    internal SimulationParameters Parameters { get; }

    /// <summary>The rivals, demands and ally pairs, resolved to indices.</summary>
    internal ActorTables Actors { get; }

    /// <summary>The patron's troops hosted at the start (thousands).</summary>
    internal double[] Troops0 { get; }

    /// <summary>The allies hosting the patron's troops at the start, in ally order.</summary>
    internal int[] Hosts { get; }

    /// <summary>The share of the patron's stationing cost the host's payment covers at the start.</summary>
    internal double[] CostShare0 { get; }

    /// <summary>The allies' pairwise similarity, <c>[i · n + j]</c>, in [0, 1].</summary>
    internal double[] Similarity { get; }

    /// <summary>
    /// ρ × similarity(i, from) at <c>[from · n + i]</c>: the weight ally i gives what the patron does to
    /// ally <c>from</c>, one contiguous row per <c>from</c> (empty when ρ = 0).
    /// </summary>
    internal double[] ReputationFrom { get; }

    /// <summary>The number of allies.</summary>
    internal int N { get; }

    internal int TheatreCount { get; }

    internal double[] Income0 { get; }

    /// <summary>Each ally's treaty pool (the club good its spending belongs to), 0 … <see cref="PoolCount"/> − 1.</summary>
    internal int[] Pool { get; }

    internal int PoolCount { get; }

    /// <summary>The allies ordered by pool, so that each pool is a contiguous run <c>[PoolStart[k], PoolStart[k + 1])</c>.</summary>
    internal int[] PoolOrder { get; }

    internal int[] PoolStart { get; }

    /// <summary>The cross-treaty spillover weight s.</summary>
    internal double Spillover { get; }

    internal double[] Growth { get; }

    internal double[] Pct0 { get; }

    internal double[] PublicWeight { get; }

    internal double[] PrivateWeight { get; }

    internal int[] Theatre { get; }

    /// <summary>Each ally's exposure to the patron's conflicts, 0.2 + 0.8 min(1, troops/30).</summary>
    internal double[] Exposure { get; }

    internal double[] Belief0 { get; }

    internal double[] Outside { get; }

    internal double[] Age0 { get; }

    internal double[] BeliefWeight { get; }

    /// <summary>The hazard's age term (age/A)^(k−1), <c>[t · n + i]</c>.</summary>
    internal double[] AgeFactor { get; }

    internal double[] PatronProtection { get; }

    internal double[] DoctrineByYear { get; }

    internal bool[][] ShockTouches { get; }

    internal CostSharingSetup?[] CostSharing { get; }

    internal ShockSetup[] Shocks { get; }

    internal double[] PatronSpending { get; }

    internal double[] StandingCovariates { get; }

    /// <summary>The long-run mean of the transient log threat under the background shocks, per ally.</summary>
    internal double[] BackgroundThreat { get; }

    /// <summary>The long-run mean of entrapment under the background shocks, per ally.</summary>
    internal double[] BackgroundEntrapment { get; }

    internal bool HasCovariates { get; }

    /// <summary>The allies' total spending in the start year.</summary>
    internal double Total0 { get; }

    internal static bool Touches(ShockSetup shock, AllySetup ally) =>
        shock.Targets.Contains(ally.Iso3, StringComparer.Ordinal) || shock.Targets.Contains(ally.Theatre, StringComparer.Ordinal)
        || shock.Targets.Contains("all", StringComparer.Ordinal);

    /// <summary>
    /// Stochastic shocks are a background rate, already there in the start year: a run starts with the
    /// transient threat and the entrapment at their long-run means under them (AR(1) with persistence φ:
    /// Σ p·jump/(1 − φ); entrapment with memory μ: Σ p·entrapment·exposure·(1 + 0.5(1 − τ₀))/(1 − μ)),
    /// and threat is measured from that mean, so the calibrated start year is a typical year. Scheduled
    /// shocks are new events.
    /// </summary>
    private void AddBackground(SimulationSetup setup)
    {
        var p = setup.Parameters;
        var tau0 = setup.Doctrine.TransactionalAt(setup.StartYear);
        for (var s = 0; s < setup.Shocks.Count; s++)
        {
            var shock = setup.Shocks[s];
            if (shock.Year is not null || shock.Probability <= 0 || !shock.Background)
            {
                continue;
            }

            for (var i = 0; i < N; i++)
            {
                if (ShockTouches[s][i])
                {
                    if (shock.Kind != ShockKind.Invasion && p.ThreatPersistence < 1)
                    {
                        BackgroundThreat[i] += shock.Probability * shock.ThreatJump / (1 - p.ThreatPersistence);
                    }

                    if (p.EntrapmentMemory < 1)
                    {
                        BackgroundEntrapment[i] += shock.Probability * shock.Entrapment * Exposure[i] * (1 + (0.5 * (1 - tau0))) / (1 - p.EntrapmentMemory);
                    }
                }
            }
        }

        // A rival's background rate in the same way: incidents are Poisson with mean equal to the rate.
        foreach (var rival in setup.Rivals ?? [])
        {
            if (!rival.Background || rival.BaseRate <= 0)
            {
                continue;
            }

            for (var i = 0; i < N; i++)
            {
                if (RivalReactions.Faces(rival, setup.Allies[i]))
                {
                    BackgroundThreat[i] += p.ThreatPersistence < 1 ? rival.BaseRate * rival.ThreatJump / (1 - p.ThreatPersistence) : 0;
                    BackgroundEntrapment[i] += p.EntrapmentMemory < 1
                        ? rival.BaseRate * rival.Entrapment * Exposure[i] * (1 + (0.5 * (1 - tau0))) / (1 - p.EntrapmentMemory)
                        : 0;
                }
            }
        }
    }

    /// <summary>The host's share of the patron's stationing cost that a payment covers, at most 0.9.</summary>
    internal static double CostShare(double payment, CostSharingSetup deal) =>
        deal.StationingCost > 0 ? Math.Min(0.9, Math.Max(0, payment / deal.StationingCost)) : 0;
}
