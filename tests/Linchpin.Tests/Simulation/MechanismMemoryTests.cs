using Linchpin.Games.Bargaining;
using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// What the mechanisms carry from year to year and from run to run: the coercion and basing a rival
/// remembers, the cohesion it sees, the sunk-cost signal of a reinforcement, the talks' noise, the
/// treaties' joint solve at a spillover above zero, and a buffer reused for another run.
/// </summary>
public class MechanismMemoryTests
{
    /// <summary>No threat noise, no hazard, no withdrawal threats; beliefs keep λ = 0.8 of their evidence a year.</summary>
    private static SimulationParameters Quiet => new(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8, WithdrawalThreatRate: 0);

    private static AllySetup Host(string iso3, double troops = 0, double outside = 0.3, CostSharingSetup? deal = null) =>
        new(iso3, iso3, 2_000, 2.5, 0.02, "korea", 0.75, 10, troops, 20, outside, deal);

    private static SimulationSetup Setup(
        IReadOnlyList<AllySetup> allies, SimulationParameters p, int years, double tau = 0.5, IReadOnlyList<ShockSetup>? shocks = null,
        IReadOnlyList<RivalSetup>? rivals = null, IReadOnlyList<DemandSetup>? demands = null, IReadOnlyList<FrictionSetup>? frictions = null) =>
        new("memory", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Doctrine(tau, 0, false), shocks ?? [], p,
            rivals, demands, frictions);

    private static RunBuffer Run(SimulationSetup setup)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(5, 0, buffer);
        return buffer;
    }

    public class Rivals
    {
        private static readonly RivalSetup China = new("China", ["korea"], 0.5, 0.05, 0, false, "China");

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Accepted_basing_is_remembered_by_the_rival_and_its_coercion_fades_at_their_memories(int years)
        {
            // Basing accepted in year 1 (B = 1): the rival's rate in year t is λ0 exp(γ_b B_t) with B_t = m_b^(t − 2)
            // from year 2, and the host's coercion cost is c · m_c^(t − 1) after year t. Credibility and cohesion
            // effects are off, so only the basing moves the rate.
            var p = Quiet with { DemandNoise = 1e-6, ComplianceSignal = 0, ProbeCredibilityEffect = 0, ProbeCohesionEffect = 0, ProbeBasingEffect = 0.8, BasingMemory = 0.6, CoercionCost = 0.3, CoercionMemory = 0.7 };
            var basing = new DemandSetup("thaad", DemandKind.MissileBasing, "KOR", 2020, 5, 0, 0, 0, false, null, "China", "THAAD");
            var run = Run(Setup([Host("KOR")], p, years, rivals: [China], demands: [basing]));
            Assert.Equal(1, run.DemandChoice[0]);
            Assert.Equal(0.3 * Math.Pow(0.7, years - 1), run.Coercion[0], 1e-14);
            var stock = years == 1 ? 0 : Math.Pow(0.6, years - 2);
            Assert.Equal(0.5 * Math.Exp(0.8 * stock), run.RivalRate[0], 1e-14);
            Assert.Equal(years == 1 ? 1 : Math.Pow(0.6, years - 1), run.Basing[0], 1e-14);
        }

        [Fact]
        public void The_rival_sees_the_friction_between_the_allies_it_faces_as_lost_cohesion()
        {
            // h = (share hedging or left + mean friction): a pair at friction f, both facing the rival: h = 2f/2 = f.
            var p = Quiet with { ProbeCredibilityEffect = 0, ProbeCohesionEffect = 1.5 };
            var run = Run(Setup([Host("KOR"), Host("JPN")], p, 1, rivals: [China], frictions: [new FrictionSetup("KOR", "JPN", 0.4)]));
            Assert.Equal(0.5 * Math.Exp(1.5 * 0.4), run.RivalRate[0], 1e-14);
        }

        [Fact]
        public void The_rival_sees_a_hedging_ally_as_lost_cohesion()
        {
            // Japan's outside option makes it hedge in year 1 with certainty, Korea never: in year 2 half the
            // allies the rival faces are lost, h = 1/2.
            var p = Quiet with { BaseHazard = 1e-9, ProbeCredibilityEffect = 0, ProbeCohesionEffect = 1.5 };
            var run = Run(Setup([Host("KOR"), Host("JPN", outside: 10)], p, 2, rivals: [China]));
            Assert.Equal((AllyStatus.Member, AllyStatus.Hedging), (run.StatusByYear[2], run.StatusByYear[3]));
            Assert.Equal(0.5 * Math.Exp(1.5 * 0.5), run.RivalRate[0], 1e-14);
        }
    }

    public class Posture
    {
        [Theory]
        [InlineData(1.0)]
        [InlineData(2.5)]
        public void A_reinforcement_adds_the_sunk_cost_signal_times_the_relative_change_to_alpha(double sunkCost)
        {
            // An invasion doubles the threat: T* = 2 T0, the patron closes a share a of the gap, a relative
            // reinforcement of a; α gains S · a. With belief b = α/(α + β) and the same year without the
            // signal b0 = A/w (α + β = w before it), the signal is w (b − b0)/(1 − b).
            var invasion = new ShockSetup(ShockKind.Invasion, 2020, 0, ["korea"], Math.Log(2), 0, 0, "invasion");
            double Belief(double signal) => Run(Setup([Host("KOR", 20)], Quiet with { SunkCostSignal = signal }, 1, shocks: [invasion])).Value(1, 0, TrajectoryVariable.Belief);
            var (without, with) = (Belief(0), Belief(sunkCost));
            Assert.Equal(sunkCost * Quiet.PostureAdjustment, 10 * (with - without) / (1 - with), 1e-9);
        }
    }

    public class Talks
    {
        [Fact]
        public void Each_party_values_the_talks_with_lognormal_noise_of_the_deals_uncertainty()
        {
            // The first settlements of 3,000 runs against 3,000 direct settlements with the host's value and the
            // patron's strategic loss each times exp(σZ): a two-sample Kolmogorov–Smirnov distance under its 0.1 %
            // critical value, 1.95 √(2/3000) ≈ 0.050. The patron's outside option (withdrawal saving 2,500 less its
            // noisy strategic loss) binds in part of the draws, so both parties' noise shapes the settlements: without
            // the patron's the distance is about 0.23, with normal instead of lognormal noise for the host about 0.07.
            const double sigma = 0.6;
            const int runs = 3000;
            var deal = new CostSharingSetup("KRW bn", 1038.9, 2020, 6, 2000, 1500, 2700, 2500, 1600, 2600, 5800, LapseRisk: 0, Uncertainty: sigma);
            var result = Ensemble.Run(new SimulationEngine(Setup([Host("KOR", deal: deal)], Quiet, 1, tau: 0.9)), runs, 3, cancellation: TestContext.Current.CancellationToken);
            var simulated = result.FirstSettlements(0).Where(x => !double.IsNaN(x)).Order().ToArray();

            var belief = (0.8 * 0.75) + (0.2 * ((0.85 * 0.1) + (0.55 * 0.9)));
            var random = new Random(17);
            double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var direct = Enumerable.Range(0, runs).Select(_ =>
            {
                var (host, patron) = (Math.Exp(sigma * Normal()), Math.Exp(sigma * Normal()));
                var s = SmaBargaining.Settle(new SmaNegotiation(2000, 1500, 2700 * belief / 0.75 * host, 2500, 1600 * (1 - (0.5 * 0.9)) * patron, 2600, 0.9, 0.9, 0, true));
                return s.Agreement ? Math.Max(0, s.Transfer) : double.NaN;
            }).Where(x => !double.IsNaN(x)).Order().ToArray();

            Assert.InRange(simulated.Length, runs * 0.8, runs);
            Assert.True(simulated[^1] - simulated[0] > 100, "the noise must spread the settlements");
            Assert.InRange(KolmogorovSmirnov(simulated, direct), 0, 1.95 * Math.Sqrt(((double)simulated.Length + direct.Length) / ((double)simulated.Length * direct.Length)));
        }

        /// <summary>The largest gap between the empirical distribution functions of two sorted samples.</summary>
        private static double KolmogorovSmirnov(double[] a, double[] b)
        {
            int i = 0, j = 0;
            var distance = 0.0;
            while (i < a.Length && j < b.Length)
            {
                var x = Math.Min(a[i], b[j]);
                while (i < a.Length && a[i] <= x)
                {
                    i++;
                }

                while (j < b.Length && b[j] <= x)
                {
                    j++;
                }

                distance = Math.Max(distance, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
            }

            return distance;
        }
    }

    public class Treaties
    {
        [Fact]
        public void At_a_spillover_above_zero_every_ally_best_responds_to_its_treaty_and_the_others_at_that_weight()
        {
            // The treaties' joint solve (Gauss–Seidel over their totals) ends where each ally's spending is its
            // best response to X = G_k + s (G − G_k) + κE: NATO (Germany, Poland), Korea, Japan.
            AllySetup Ally(string iso3, double gdp, double pct, string treaty) => new(iso3, iso3, gdp, pct, 0.02, "europe", 0.75, 10, 0, 20, 0.3, Treaty: treaty);
            const double s = 0.3;
            var setup = new SimulationSetup("spokes", 2014, 3, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
                [Ally("DEU", 4_000, 1.2, "3180"), Ally("POL", 1_000, 1.9, "3180"), Ally("KOR", 2_000, 2.5, "3240"), Ally("JPN", 5_000, 1.0, "3375")],
                new Doctrine(0.5, 0, false), [new ShockSetup(ShockKind.MissileTest, 2016, 0, ["JPN"], 0.4, 0, 0, "test on Japan")],
                new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, TreatySpillover: s));
            var run = Run(setup);
            int[][] treaties = [[0, 1], [2], [3]];
            var all = run.Solved.Sum();
            foreach (var members in treaties)
            {
                var own = members.Sum(i => run.Solved[i]);
                Assert.True(s * (all - own) > 0.2 * own, "the other treaties' spending must weigh in this one's");
                foreach (var i in members)
                {
                    var expected = AllianceGame.Contribution(run.GameIncome[i], run.PublicWeight[i], run.PrivateWeight[i], own, run.SpillIn[i] + (s * (all - own)));
                    Assert.Equal(expected, run.Solved[i], 1e-9 * expected);
                }
            }
        }
    }

    public class Buffers
    {
        [Fact]
        public void A_run_in_a_reused_buffer_is_the_run_in_a_fresh_one()
        {
            // Everything a run writes — beliefs, troops, coercion, basing, friction, talks, statuses, events — is
            // set again at its start: a buffer that held other runs gives the same run bit for bit.
            var deal = new CostSharingSetup("KRW bn", 1038.9, 2021, 3, 2000, 1500, 2700, 1200, 1600, 2600, 5800, LapseRisk: 0.3, Uncertainty: 0.2);
            var p = new SimulationParameters(BaseHazard: 0.3, WithdrawalThreatRate: 0.5, ReputationWeight: 0.3);
            var allies = new[] { Host("KOR", 28.5, deal: deal), Host("JPN", 54, outside: 1), Host("PHL", 0.2, outside: 2), Host("AUS", 2) };
            var setup = Setup(allies, p, 6, tau: 0.7,
                shocks: [new ShockSetup(ShockKind.MaritimeIncident, null, 0.5, ["korea"], 0.1, -1, 0.1, "incident")],
                rivals: [new RivalSetup("DPRK", ["korea"], 1.2, 0.05, 0.05, false, "tests")],
                demands: [new DemandSetup("thaad", DemandKind.MissileBasing, "KOR", 2020, 1, 0.3, 0.2, 0.1, true, "JPN", "DPRK", "basing"),
                    new DemandSetup("hormuz", DemandKind.Coalition, "JPN", 2021, 0.5, 0.4, 0.2, 0.1, false, null, null, "coalition")],
                frictions: [new FrictionSetup("KOR", "JPN", 0.4)]);
            var engine = new SimulationEngine(setup);
            var reused = engine.NewBuffer();
            var (events, exits) = (0, 0);
            for (var r = 0; r < 40; r++)
            {
                engine.Run(13, r + 1000, reused);
                engine.Run(13, r, reused);
                var fresh = engine.NewBuffer();
                engine.Run(13, r, fresh);
                Assert.Equal(fresh.Values, reused.Values);
                Assert.Equal(fresh.StatusByYear, reused.StatusByYear);
                Assert.Equal(fresh.Events, reused.Events);
                Assert.Equal(fresh.DemandChoice, reused.DemandChoice);
                Assert.Equal(fresh.FirstSettlement, reused.FirstSettlement);
                Assert.Equal(fresh.Settled, reused.Settled);
                Assert.Equal(fresh.Lapsed, reused.Lapsed);
                Assert.Equal(fresh.Hedged, reused.Hedged);
                Assert.Equal(fresh.Exited, reused.Exited);
                events += fresh.Events.Count;
                exits += fresh.StatusByYear.Count(s => s == AllyStatus.Left);
            }

            Assert.True(events > 200 && exits > 0, $"{events} events, {exits} ally-years after leaving");
        }
    }
}
