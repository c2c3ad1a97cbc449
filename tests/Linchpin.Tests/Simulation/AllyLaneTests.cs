using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The engine's per-ally steps run four allies at a time, the last allies one at a time. These tests
/// run scenarios large enough for both paths and check that an ally's values do not depend on which
/// path computed them, and that the hazard's covariates take their closed form in every lane.
/// </summary>
public class AllyLaneTests
{
    private static readonly string[] Theatres = ["east", "west", "south"];

    /// <summary>
    /// Thirteen allies (three blocks of four and one more; reputation's sums take two blocks at a time, then one):
    /// troops, spending gaps, shocks, a rival, friction and an uneven similarity matrix. The allies with a large
    /// outside option hedge in year 1 and leave in year 2 with certainty, the others never, so every lane sees
    /// members, hedgers and allies who left, and nothing depends on which draw an ally gets.
    /// </summary>
    internal static SimulationSetup Thirteen(bool reversed)
    {
        const int n = 13;
        var allies = Enumerable.Range(0, n).Select(i => new AllySetup(
            $"A{i:00}", $"Ally {i}", 300 + (97 * i), 0.8 + (0.23 * (i % 7)), 0.01 + (0.002 * i), Theatres[i % 3], 0.6 + (0.02 * i), 8 + i,
            i % 4 == 0 ? 10 + (3 * i) : 0, 15 + i, i is 0 or 5 or 10 ? 10 : 0.2 + (0.01 * i),
            Traits: new AllyTraits(Democracy: i % 2 == 0, IssueLinkage: i % 3 == 0))).ToList();
        var similarity = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                similarity[(i * n) + j] = i == j ? 1 : 0.3 + (0.05 * ((i + j) % 9));
            }
        }

        var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 1e-9, BeliefMemory: 0.8, WithdrawalThreatRate: 0, ReputationWeight: 0.4,
            RegimeChangeEffect: 0.7, DemocracyEffect: -0.4, IssueLinkageEffect: -0.3, ThreatHazardEffect: -0.5);
        ShockSetup[] shocks =
        [
            new(ShockKind.Invasion, 2020, 0, ["east"], 0.4, -1, 0.2, "invasion"),
            new(ShockKind.MissileTest, 2021, 0, ["A00", "A07", "A12"], 0.2, 0, 0.1, "test"),
            new(ShockKind.Reaffirmation, 2021, 0, ["A03", "A12"], 0, 2, 0, "reaffirmation"),
            new(ShockKind.RegimeChange, 2020, 0, ["A00", "A12"], 0, 0, 0, "regime change"),
        ];
        RivalSetup[] rivals = [new("Rival", ["south", "west"], 2, 0.1, 0.05, false, "incidents")];
        FrictionSetup[] frictions = [new("A01", "A12", 0.3), new("A00", "A06", 0.2)];
        if (reversed)
        {
            allies.Reverse();
            var flipped = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    flipped[(i * n) + j] = similarity[((n - 1 - i) * n) + (n - 1 - j)];
                }
            }

            similarity = flipped;
        }

        return new SimulationSetup("lanes", 2019, 4, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Doctrine(0.5, 2, true), shocks, p,
            rivals, null, frictions, similarity);
    }

    [Fact]
    public void An_allys_values_are_the_same_whichever_lane_computes_them()
    {
        var forward = new SimulationEngine(Thirteen(reversed: false));
        var backward = new SimulationEngine(Thirteen(reversed: true));
        var (a, b) = (forward.NewBuffer(), backward.NewBuffer());
        forward.Run(3, 0, a);
        backward.Run(3, 0, b);
        var n = forward.AllyCount;
        var statuses = new HashSet<AllyStatus>();
        for (var t = 0; t < forward.RecordedYears; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = n - 1 - i;
                Assert.Equal(a.StatusByYear[(t * n) + i], b.StatusByYear[(t * n) + j]);
                statuses.Add(a.StatusByYear[(t * n) + i]);
                foreach (var variable in Enum.GetValues<TrajectoryVariable>())
                {
                    var (x, y) = (a.Value(t, i, variable), b.Value(t, j, variable));
                    Assert.True(
                        x.Equals(y) || Math.Abs(x - y) <= (1e-9 * Math.Max(Math.Abs(x), Math.Abs(y))) + 1e-12,
                        $"year {t}, ally {i}, {variable}: {x} forward, {y} reversed");
                }
            }
        }

        // Every status appeared, and the two allies that change path (first and last) differ in status.
        Assert.Equal(3, statuses.Count);
        Assert.Equal(AllyStatus.Left, a.StatusByYear[(2 * n) + 0]);
        Assert.Equal(AllyStatus.Member, a.StatusByYear[(2 * n) + 12]);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.0)]
    public void In_every_lane_hedging_follows_the_hazard_with_its_covariates(double target)
    {
        // Five allies (one block of four and one more), each with other covariates: democracy and issue linkage
        // (standing), a regime change (in its window), a new outside alliance, a transient threat jump, an invasion's
        // lasting one. In year 1,
        // h_i = h0 (age_i/30)^(k − 1) exp(−b NB_i + standing_i + c_p |Δshare_i| + c_r R_i + c_o O_i + c_x ln threat_i),
        // under a 2 % rule and without one.
        var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 1, BeliefMemory: 0.8, WithdrawalThreatRate: 0,
            RegimeChangeEffect: 0.9, DemocracyEffect: -0.6, IssueLinkageEffect: -0.4, ThreatHazardEffect: -0.8, PowerChangeEffect: 25);
        AllyTraits[] traits = [new(Democracy: true), new(IssueLinkage: true), new(), new(Democracy: true, IssueLinkage: true), new(Asymmetric: false)];
        var allies = Enumerable.Range(0, 5).Select(i => new AllySetup(
            $"A{i}", $"Ally {i}", 400 + (300 * i), 1.2 + (0.3 * i), 0.01 + (0.01 * i), Theatres[i % 3], 0.7, 10, i == 2 ? 20 : 0, 12 + (4 * i), 0.3,
            Traits: traits[i])).ToList();
        ShockSetup[] shocks =
        [
            new(ShockKind.RegimeChange, 2020, 0, ["A1", "A4"], 0, 0, 0, "regime change"),
            new(ShockKind.OutsideAlliance, 2020, 0, ["A0", "A4"], 0, 0, 0, "outside alliance"),
            new(ShockKind.MissileTest, 2020, 0, ["A3", "A4"], 0.5, 0, 0, "test"),
            new(ShockKind.Invasion, 2020, 0, ["A2", "A4"], 0.3, 0, 0, "invasion"),
        ];
        var setup = new SimulationSetup("covariates", 2019, 1, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Doctrine(0.3, target, false), shocks, p);
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        const int runs = 4000;
        var hedged = new int[5];
        var benefit = new double?[5];
        double[] spending0 = [], spending1 = [], threat = [];
        for (var r = 0; r < runs; r++)
        {
            engine.Run(17, r, buffer);
            for (var i = 0; i < 5; i++)
            {
                if (buffer.StatusByYear[5 + i] == AllyStatus.Hedging)
                {
                    hedged[i]++;
                }
                else
                {
                    benefit[i] = buffer.Value(1, i, TrajectoryVariable.NetBenefit);
                }
            }

            // Without noise, spending and threat are the same in every run.
            spending0 = [.. Enumerable.Range(0, 5).Select(i => buffer.Value(0, i, TrajectoryVariable.Spending))];
            spending1 = [.. Enumerable.Range(0, 5).Select(i => buffer.Value(1, i, TrajectoryVariable.Spending))];
            threat = [.. Enumerable.Range(0, 5).Select(i => buffer.Value(1, i, TrajectoryVariable.Threat))];
        }

        var (patron0, patron1) = (engine.PatronProtection(0) / 0.3, engine.PatronProtection(1) / 0.3);
        var (total0, total1) = (patron0 + spending0.Sum(), patron1 + spending1.Sum());
        var shares = new (double Share, double Expected, double Error)[5];
        for (var i = 0; i < 5; i++)
        {
            var standing = (traits[i].Democracy ? p.DemocracyEffect : 0) + (traits[i].IssueLinkage ? p.IssueLinkageEffect : 0) + (traits[i].Asymmetric ? p.AsymmetryEffect : 0);
            var shareChange = Math.Abs((spending1[i] / total1) - (spending0[i] / total0));
            var regime = i is 1 or 4 ? p.RegimeChangeEffect : 0;
            var outside = i is 0 or 4 ? p.OutsideAllianceEffect : 0;
            var age = Math.Pow((12 + (4 * i) + 1) / 30.0, p.HazardShape - 1);
            var hazard = p.BaseHazard * age * Math.Exp((-p.NetBenefitEffect * benefit[i]!.Value) + standing + (p.PowerChangeEffect * shareChange)
                + regime + outside + (p.ThreatHazardEffect * Math.Log(threat[i])));
            var expected = 1 - Math.Exp(-hazard);
            var error = Math.Sqrt(expected * (1 - expected) / runs);
            shares[i] = ((double)hedged[i] / runs, expected, error);
        }

        foreach (var (share, expected, error) in shares)
        {
            Assert.InRange(share, expected - (4 * error), expected + (4 * error));
            Assert.InRange(expected, 0.01, 0.99);
        }
    }
}
