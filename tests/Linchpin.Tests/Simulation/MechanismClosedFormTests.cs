using Linchpin.Simulation;
using static Linchpin.Tests.Simulation.MechanismChecks;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// One year of each mechanism against its closed form (docs/models/simulation.md): with no noise and
/// no hazard the engine's recorded values are arithmetic on the setup, so a one-token change to a
/// mechanism's formula moves a value these tests pin to 1e-12.
/// </summary>
public class MechanismClosedFormTests
{
    /// <summary>No noise, no hazard, no withdrawal threats; beliefs keep λ = 0.8 of their evidence a year.</summary>
    private static SimulationParameters Quiet => new(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8, WithdrawalThreatRate: 0);

    private static AllySetup Host(string iso3, double troops = 0, double pct = 2.5, string theatre = "korea") =>
        new(iso3, iso3, 2_000, pct, 0.02, theatre, 0.75, 10, troops, 20, 0.3, null);

    private static SimulationSetup Setup(
        IReadOnlyList<AllySetup> allies, SimulationParameters? p = null, double tau = 0.5, double target = 0, IReadOnlyList<ShockSetup>? shocks = null,
        IReadOnlyList<RivalSetup>? rivals = null, IReadOnlyList<DemandSetup>? demands = null, IReadOnlyList<FrictionSetup>? frictions = null,
        IReadOnlyList<double>? similarity = null, int years = 3) =>
        new("mechanisms", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Doctrine(tau, target, false), shocks ?? [], p ?? Quiet,
            rivals, demands, frictions, similarity);

    private static RunBuffer Run(SimulationSetup setup)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(5, 0, buffer);
        return buffer;
    }

    private static ShockSetup Shock(ShockKind kind, double jump = 0, double signal = 0, double entrapment = 0) =>
        new(kind, 2020, 0, ["KOR"], jump, signal, entrapment, kind.ToString());

    public class Threat
    {
        [Fact]
        public void A_transient_shock_decays_at_the_persistence_and_an_invasion_stays()
        {
            // x_t = φ x_{t−1} + jump: 0.3, 0.8 · 0.3, 0.64 · 0.3; an invasion's level does not decay.
            var missile = Run(Setup([Host("KOR")], shocks: [Shock(ShockKind.MissileTest, jump: 0.3)]));
            var invasion = Run(Setup([Host("KOR")], shocks: [Shock(ShockKind.Invasion, jump: 0.3)]));
            for (var t = 1; t <= 3; t++)
            {
                Assert.Equal(0.3 * Math.Pow(0.8, t - 1), Math.Log(missile.Value(t, 0, TrajectoryVariable.Threat)), 1e-12);
                Assert.Equal(0.3, Math.Log(invasion.Value(t, 0, TrajectoryVariable.Threat)), 1e-12);
            }

            Assert.Equal(1, missile.Value(0, 0, TrajectoryVariable.Threat));
        }

        [Fact]
        public void At_unit_elasticity_the_games_weights_scale_with_the_threat_itself()
        {
            // η = 1: the multiplier is exp(x), the recorded threat; the year's spending solves the game with B e^x, D e^x.
            var p = Quiet with { ThreatElasticity = 1 };
            var engine = new SimulationEngine(Setup([Host("KOR", pct: 1.5)], p, shocks: [Shock(ShockKind.Invasion, jump: 0.4)], years: 1));
            var buffer = engine.NewBuffer();
            engine.Run(5, 0, buffer);
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            double[] income = [2_000 * 1.02];
            double[] pub = [engine.PublicWeights[0] * Math.Exp(0.4)];
            double[] priv = [engine.PrivateWeights[0] * Math.Exp(0.4)];
            double[] spill = [alpha / (alpha + beta) * engine.PatronProtection(1)];
            var q = new double[1];
            AllianceGame.Solve(income, pub, priv, spill, q);
            Assert.Equal(q[0], buffer.Value(1, 0, TrajectoryVariable.Spending), 1e-9 * q[0]);
            var calm = Run(Setup([Host("KOR", pct: 1.5)], p, years: 1));
            Assert.True(calm.Value(1, 0, TrajectoryVariable.Spending) < 0.99 * q[0]);
        }
    }

    public class NetBenefitAndEntrapment
    {
        [Fact]
        public void The_net_benefit_is_security_less_troops_demands_entrapment_and_the_outside_option()
        {
            // A host of 28.5 thousand troops at 1 % under a 2 % rule, τ = 0.5; a missile test (jump 0.2, entrapment 0.1).
            var p = Quiet;
            var run = Run(Setup([Host("KOR", 28.5, pct: 1.0)], p, target: 2, shocks: [Shock(ShockKind.MissileTest, jump: 0.2, entrapment: 0.1)], years: 1));

            // Start year: κ0 θ − A T/10 − c_d τ gap − outside, gap = (2 − 1)/2.
            Assert.Equal(0.75 - (0.05 * 2.85) - (0.3 * 0.5 * 0.5) - 0.3, run.Value(0, 0, TrajectoryVariable.NetBenefit), 1e-12);

            // Entrapment: the shock's e · exposure (0.2 + 0.8 · 28.5/30) · (1 + ½ (1 − τ)), then decayed by μ = 0.7.
            var entrapment = 0.1 * (0.2 + (0.8 * 28.5 / 30)) * 1.25 * 0.7;
            Assert.Equal(entrapment, run.Value(1, 0, TrajectoryVariable.Entrapment), 1e-12);

            // The patron closes a quarter of the gap to T* = T0 e^0.2.
            var troops = 28.5 + (0.25 * ((28.5 * Math.Exp(0.2)) - 28.5));
            Assert.Equal(troops, run.Value(1, 0, TrajectoryVariable.Troops), 1e-9);

            var belief = run.Value(1, 0, TrajectoryVariable.Belief);
            var gap = Math.Max(0, 2 - run.Value(1, 0, TrajectoryVariable.PctGdp)) / 2;
            var expected = (belief * run.Value(1, 0, TrajectoryVariable.Threat)) - (0.05 * troops / 10) - (0.3 * 0.5 * gap) - (0.5 * entrapment) - 0.3;
            Assert.Equal(expected, run.Value(1, 0, TrajectoryVariable.NetBenefit), 1e-9);
            Assert.True(gap > 0);
        }

        [Fact]
        public void A_rivals_incidents_add_their_count_times_its_entrapment_times_exposure()
        {
            // Year 1: e = k · 0.05 · exposure 0.2 · (1 + ½ (1 − τ)), decayed by μ = 0.7, k the year's incidents; the
            // rival adds no threat of its own here.
            foreach (var tau in new[] { 0.0, 1.0 })
            {
                var rival = new RivalSetup("DPRK", ["korea"], 3, 0, 0.05, false, "tests");
                var run = Run(Setup([Host("KOR")], tau: tau, rivals: [rival], years: 1));
                var incidents = run.Events.Single(e => e.Kind == SimulationEventKind.RivalProbe).Value;
                Assert.True(incidents >= 1);
                Assert.Equal(incidents * 0.05 * 0.2 * (1 + (0.5 * (1 - tau))) * 0.7, run.Value(1, 0, TrajectoryVariable.Entrapment), 1e-12);
            }
        }

        [Fact]
        public void Entrapment_from_a_shock_is_larger_under_a_multilateral_doctrine()
        {
            // (1 + ½ (1 − τ)): 1.5 at τ = 0, 1 at τ = 1.
            double Entrapment(double tau) =>
                Run(Setup([Host("KOR")], tau: tau, shocks: [Shock(ShockKind.MaritimeIncident, entrapment: 0.1)], years: 2)).Value(1, 0, TrajectoryVariable.Entrapment);
            Assert.Equal(0.1 * 0.2 * 1.5 * 0.7, Entrapment(0), 1e-12);
            Assert.Equal(0.1 * 0.2 * 1.0 * 0.7, Entrapment(1), 1e-12);
        }
    }

    public class BeliefsAndReputation
    {
        [Fact]
        public void A_reaffirmation_adds_its_signal_to_alpha_and_by_reputation_to_the_untouched_ally()
        {
            // KOR and JPN, similarity 0.6, ρ = 0.5: KOR's α gains 3, JPN's 0.5 · 0.6 · 3.
            var p = Quiet with { ReputationWeight = 0.5 };
            var run = Run(Setup([Host("KOR"), Host("JPN", theatre: "japan")], p, shocks: [Shock(ShockKind.Reaffirmation, signal: 3)], similarity: [1, 0.6, 0.6, 1], years: 1));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal((alpha + 3) / (alpha + beta + 3), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal((alpha + 0.9) / (alpha + beta + 0.9), run.Value(1, 1, TrajectoryVariable.Belief), 1e-12);
        }

        [Fact]
        public void A_withheld_reaffirmation_adds_its_signal_to_beta_and_by_reputation_to_the_untouched_ally()
        {
            var p = Quiet with { ReputationWeight = 0.5 };
            var run = Run(Setup([Host("KOR"), Host("JPN", theatre: "japan")], p, shocks: [Shock(ShockKind.WithheldReaffirmation, signal: -3)], similarity: [1, 0.6, 0.6, 1], years: 1));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal(alpha / (alpha + beta + 3), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal(alpha / (alpha + beta + 0.9), run.Value(1, 1, TrajectoryVariable.Belief), 1e-12);

            // Without reputation the untouched ally only drifts with the doctrine's signal.
            var alone = Run(Setup([Host("KOR"), Host("JPN", theatre: "japan")], p with { ReputationWeight = 0 }, shocks: [Shock(ShockKind.WithheldReaffirmation, signal: -3)], similarity: [1, 0.6, 0.6, 1], years: 1));
            Assert.Equal(alpha / (alpha + beta), alone.Value(1, 1, TrajectoryVariable.Belief), 1e-12);
        }

        [Fact]
        public void After_a_rivals_incident_the_patron_reassures_by_one_minus_tau_times_standing()
        {
            // A rival certain to probe (rate 30) with no threat or entrapment of its own: α gains R (1 − τ) · standing = 1 · 0.5 · 1.
            var rival = new RivalSetup("DPRK", ["korea"], 30, 0, 0, false, "tests");
            var run = Run(Setup([Host("KOR")], rivals: [rival], years: 1));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal((alpha + 0.5) / (alpha + beta + 0.5), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
        }

        [Fact]
        public void The_credibility_an_ally_acts_on_is_its_belief_discounted_while_hedging_and_none_once_left()
        {
            var p = new SimulationParameters(HedgingDiscount: 0.4);
            Assert.Equal(0.8, Beliefs.Credibility(0.8, AllyStatus.Member, p));
            Assert.Equal(0.32, Beliefs.Credibility(0.8, AllyStatus.Hedging, p), 1e-15);
            Assert.Equal(0, Beliefs.Credibility(0.8, AllyStatus.Left, p));
        }

        [Fact]
        public void The_tripwire_raises_the_signal_toward_one_by_half_its_weight_at_the_half_troops()
        {
            // s + (1 − s) θ T/(T + T½): at T = T½ the tripwire adds half of θ (1 − s).
            Assert.Equal(0.7 + (0.3 * 0.3 * 0.5), Beliefs.Signalled(0.7, 20, 0.3, 20), 1e-15);
            Assert.Equal(0.7, Beliefs.Signalled(0.7, 0, 0.3, 20), 1e-15);
        }
    }

    public class Friction
    {
        [Fact]
        public void Friction_starts_at_its_level_and_a_shock_beyond_one_is_capped()
        {
            var p = Quiet;
            var allies = new[] { Host("KOR"), Host("JPN", theatre: "japan") };
            var pair = new FrictionSetup("JPN", "KOR", 0.2);
            var none = Run(Setup(allies));
            var calm = Run(Setup(allies, frictions: [pair]));
            var flare = Run(Setup(allies, frictions: [pair], shocks: [new ShockSetup(ShockKind.Friction, 2020, 0, ["JPN", "KOR"], 0, 0, 0, "export controls", Friction: 2)]));
            for (var i = 0; i < 2; i++)
            {
                // Start: −c_f f0 on each of the pair.
                Assert.Equal(none.Value(0, i, TrajectoryVariable.NetBenefit) - (p.FrictionCost * 0.2), calm.Value(0, i, TrajectoryVariable.NetBenefit), 1e-12);

                // f_1 = min(1, μ f0 + 2) = 1 against μ f0; f_2 = μ against μ² f0.
                Assert.Equal(calm.Value(1, i, TrajectoryVariable.NetBenefit) - (p.FrictionCost * (1 - (0.7 * 0.2))), flare.Value(1, i, TrajectoryVariable.NetBenefit), 1e-12);
                Assert.Equal(calm.Value(2, i, TrajectoryVariable.NetBenefit) - (p.FrictionCost * (0.7 - (0.49 * 0.2))), flare.Value(2, i, TrajectoryVariable.NetBenefit), 1e-12);
            }
        }
    }

    public class Posture
    {
        [Theory]
        [InlineData(1.05, false)]
        [InlineData(0.95, false)]
        [InlineData(1.15, true)]
        [InlineData(0.85, true)]
        public void The_patron_moves_troops_only_when_its_target_leaves_the_band(double threatFactor, bool moves)
        {
            // T* = T0 θ; the patron acts when T* leaves T (1 ± 0.1), then by a quarter of the gap.
            var shock = Shock(ShockKind.Invasion, jump: Math.Log(threatFactor));
            var run = Run(Setup([Host("KOR", 20)], shocks: [shock], years: 1));
            var expected = moves ? 20 + (0.25 * ((20 * threatFactor) - 20)) : 20;
            Assert.Equal(expected, run.Value(1, 0, TrajectoryVariable.Troops), 1e-9);
            Assert.Equal(moves, run.Events.Any(e => e.Kind == SimulationEventKind.TroopChange));
        }

        [Fact]
        public void Exposure_rises_with_troops_up_to_thirty_thousand()
        {
            Assert.Equal(0.2, PatronPolicy.Exposure(0), 1e-15);
            Assert.Equal(0.6, PatronPolicy.Exposure(15), 1e-15);
            Assert.Equal(1.0, PatronPolicy.Exposure(45), 1e-15);
        }
    }

    public class DemandChoices
    {
        private static DemandSetup Demand(double value, double autonomy, double entrapment, bool linked = false) =>
            new("d", DemandKind.Coalition, "KOR", 2020, value, autonomy, entrapment, 0, linked, null, null, "d");

        [Theory]
        [InlineData(2.0, 0.1, 1.0)]
        [InlineData(0.0, 0.1, 0.0)]
        [InlineData(2.0, 0.6, 0.5)]
        public void A_demands_outcome_moves_belief_by_the_compliance_signal_and_adds_its_entrapment(double value, double autonomy, double share)
        {
            // Without noise the host takes the best of U(x) = x G − x² C, G = 2 · ¾ · κ0, C = A + e:
            // (2, 0.1): U(1) = 0.625 > U(½) = 0.4375; (0, ·): refuse; (2, 0.6): U(½) = 0.3125 > U(1) = 0.125.
            var p = Quiet with { DemandNoise = 1e-9 };
            var run = Run(Setup([Host("KOR")], p, demands: [Demand(value, autonomy, 0.4)], years: 1));
            Assert.Equal(share, run.DemandChoice[0]);

            // ± the compliance signal 1.5 (none for a partial answer); entrapment x e · exposure, decayed by μ.
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            var signal = 1.5 * ((2 * share) - 1);
            var (a, b) = signal > 0 ? (alpha + signal, beta) : (alpha, beta - signal);
            Assert.Equal(a / (a + b), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal(0.4 * share * 0.2 * 0.7, run.Value(1, 0, TrajectoryVariable.Entrapment), 1e-12);
        }

        [Fact]
        public void Gain_and_cost_have_their_closed_forms()
        {
            // G = V (½ + ½τ) κ θ (1 + w if linked); C = A + D + e · rival factor + c_f f.
            var plain = new DemandSetup("d", DemandKind.Coalition, "KOR", 2020, 2, 0.1, 0.4, 0.2, false, null, null, "d");
            var linked = plain with { LinkedToCostSharing = true };
            Assert.Equal(2 * 0.8 * 0.7 * 1.5, Demands.Gain(plain, 0.6, 0.7, 1.5, 0.5), 1e-15);
            Assert.Equal(2 * 0.8 * 0.7 * 1.5 * 1.5, Demands.Gain(linked, 0.6, 0.7, 1.5, 0.5), 1e-15);
            Assert.Equal(0.1 + 0.2 + (0.4 * 2) + (0.3 * 0.5), Demands.Cost(plain, 2, 0.5, 0.3), 1e-15);
            Assert.Equal((0.5 * 1.2) - (0.25 * 0.8), Demands.Utility(0.5, 1.2, 0.8), 1e-15);
        }

        [Fact]
        public void The_logit_probabilities_are_the_softmax_of_the_utilities()
        {
            var (refuse, partial, accept) = Demands.Probabilities(1.2, 0.8, 0.3);
            var u = new[] { 0, (0.5 * 1.2) - (0.25 * 0.8), 1.2 - 0.8 }.Select(v => Math.Exp(v / 0.3)).ToArray();
            Assert.Equal(u[0] / u.Sum(), refuse, 1e-14);
            Assert.Equal(u[1] / u.Sum(), partial, 1e-14);
            Assert.Equal(u[2] / u.Sum(), accept, 1e-14);
        }
    }

    public class PoissonInversion
    {
        [Fact]
        public void The_count_is_the_first_k_whose_cumulative_probability_exceeds_the_draw()
        {
            // P(0) = e^−2, P(≤ 1) = 3 e^−2, P(≤ 2) = 5 e^−2.
            var p0 = Math.Exp(-2);
            Assert.Equal(0, RivalReactions.Poisson(2, p0 * 0.999));
            Assert.Equal(1, RivalReactions.Poisson(2, p0 * 1.001));
            Assert.Equal(1, RivalReactions.Poisson(2, 3 * p0 * 0.999));
            Assert.Equal(2, RivalReactions.Poisson(2, 3 * p0 * 1.001));
            Assert.Equal(2, RivalReactions.Poisson(2, 5 * p0 * 0.999));
        }

        [Fact]
        public void No_rate_means_no_incidents_and_counts_stop_at_one_hundred()
        {
            Assert.Equal(0, RivalReactions.Poisson(0, 0.99));
            Assert.Equal(0, RivalReactions.Poisson(double.NaN, 0.99));
            Assert.Equal(100, RivalReactions.Poisson(1_000, 0.5));
        }

        [Fact]
        public void The_counts_mean_is_the_rate()
        {
            // E[k] = ∫ k(u) du, by the midpoint rule over 200 000 draws.
            const int draws = 200_000;
            var mean = Enumerable.Range(0, draws).Average(k => (double)RivalReactions.Poisson(1.7, (k + 0.5) / draws));
            Assert.Equal(1.7, mean, 1e-3);
        }
    }
}
