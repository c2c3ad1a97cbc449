using Linchpin.Games.Bargaining;
using Linchpin.Simulation;
using static Linchpin.Tests.Simulation.MechanismChecks;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The actors of the simulation, each against a closed form or the theory's sign
/// (docs/models/simulation.md, "What the tests check").
/// </summary>
public class ActorTests
{
    /// <summary>No noise, no hazard, beliefs that move only by this year's evidence and the doctrine's signal.</summary>
    private static SimulationParameters Quiet => new(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8);

    private static AllySetup Host(string iso3, double troops, string theatre = "korea", double pct = 2.5, CostSharingSetup? deal = null) =>
        new(iso3, iso3, 2_000, pct, 0.02, theatre, 0.75, 10, troops, 20, 0.3, deal, Treaty: iso3 == "JPN" ? "3375" : "3240");

    private static SimulationSetup Setup(
        IReadOnlyList<AllySetup> allies, SimulationParameters? p = null, double tau = 0.5, double target = 0, IReadOnlyList<ShockSetup>? shocks = null,
        IReadOnlyList<RivalSetup>? rivals = null, IReadOnlyList<DemandSetup>? demands = null, IReadOnlyList<FrictionSetup>? frictions = null,
        IReadOnlyList<double>? similarity = null, int years = 5) =>
        new("actors", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Doctrine(tau, target, false), shocks ?? [], p ?? Quiet,
            rivals, demands, frictions, similarity);

    private static RunBuffer Run(SimulationSetup setup, long run = 0)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(11, run, buffer);
        return buffer;
    }

    public class Patron
    {
        [Fact]
        public void More_troops_give_a_higher_belief_other_things_equal()
        {
            // Belief after one year: λ b0 + (1 − λ) s_i, with s_i = s(τ) + (1 − s(τ)) θ T/(T + T½) (the tripwire).
            var beliefs = new[] { 5.0, 28.5, 60 }.Select(troops => Run(Setup([Host("KOR", troops)])).Value(1, 0, TrajectoryVariable.Belief)).ToArray();
            Assert.True(beliefs[0] < beliefs[1] && beliefs[1] < beliefs[2], string.Join(", ", beliefs));
            var p = Quiet;
            var signalled = (0.85 * 0.5) + (0.55 * 0.5);
            var own = signalled + ((1 - signalled) * p.TripwireWeight * 28.5 / (28.5 + p.TripwireHalfTroops));
            Assert.Equal((0.8 * 0.75) + (0.2 * own), beliefs[1], 1e-12);
        }

        [Fact]
        public void Without_troops_the_tripwire_changes_nothing()
        {
            var (off, on) = (Run(Setup([Host("KOR", 0)], Quiet with { TripwireWeight = 0 })), Run(Setup([Host("KOR", 0)])));
            Assert.Equal(off.Values, on.Values);
        }

        [Fact]
        public void The_best_response_troops_rise_with_threat_and_fall_with_domestic_pressure_and_a_lower_cost_share()
        {
            // T* = T0 θ (1 + δτ0)/(1 + δτ) (1 − s0)/(1 − s).
            var p = new SimulationParameters();
            Assert.Equal(28.5, PatronPolicy.TargetTroops(28.5, 1, 0.5, 0.5, 0.4, 0.4, p), 1e-12);
            Assert.Equal(28.5 * 1.5, PatronPolicy.TargetTroops(28.5, 1.5, 0.5, 0.5, 0.4, 0.4, p), 1e-12);
            Assert.Equal(28.5 * 1.5 / 2, PatronPolicy.TargetTroops(28.5, 1, 0.5, 1, 0.4, 0.4, p), 1e-12);
            Assert.Equal(28.5 * 0.6 / 0.8, PatronPolicy.TargetTroops(28.5, 1, 0.5, 0.5, 0.4, 0.2, p), 1e-12);
        }

        [Fact]
        public void A_threat_surge_makes_the_patron_reinforce_and_reinforcement_raises_belief()
        {
            // An invasion doubles the threat level: T* = 2 T0; the patron closes a quarter of the gap in a year.
            var invasion = new ShockSetup(ShockKind.Invasion, 2020, 0, ["KOR"], Math.Log(2), 0, 0, "invasion");
            var run = Run(Setup([Host("KOR", 20)], shocks: [invasion]));
            var p = Quiet;
            Assert.Equal(20 + (p.PostureAdjustment * 20), run.Value(1, 0, TrajectoryVariable.Troops), 1e-9);
            Assert.Contains(run.Events, e => e.Kind == SimulationEventKind.TroopChange && e.Year == 2020);
            var still = Run(Setup([Host("KOR", 20)], Quiet with { PostureAdjustment = 0 }, shocks: [invasion]));
            Assert.True(run.Value(1, 0, TrajectoryVariable.Belief) > still.Value(1, 0, TrajectoryVariable.Belief));
        }

        [Fact]
        public void Withdrawal_threats_come_at_rate_times_tau_times_pressure_are_carried_out_at_their_rate_and_lower_belief()
        {
            // Korea at 1 % of GDP against a 2 % rule: pressure = gap 0.5; P(threat) = 0.6 · 0.8 · 0.5 = 0.24.
            var p = Quiet with { WithdrawalThreatRate = 0.6, WithdrawalFollowThrough = 0.5 };
            var engine = new SimulationEngine(Setup([Host("KOR", 28.5, pct: 1.0)], p, tau: 0.8, target: 2, years: 1));
            var buffer = engine.NewBuffer();
            const int runs = 4000;
            int threats = 0, carried = 0;
            double beliefThreat = 0, beliefNone = 0;
            for (var r = 0; r < runs; r++)
            {
                engine.Run(3, r, buffer);
                var threatened = buffer.Events.Any(e => e.Kind == SimulationEventKind.WithdrawalThreat);
                threats += threatened ? 1 : 0;
                if (buffer.Events.Any(e => e.Kind == SimulationEventKind.Withdrawal))
                {
                    carried++;
                    Assert.Equal(28.5 * (1 - p.WithdrawalCut), buffer.Value(1, 0, TrajectoryVariable.Troops), 1e-9);
                }

                if (threatened)
                {
                    beliefThreat = buffer.Value(1, 0, TrajectoryVariable.Belief);
                }
                else
                {
                    beliefNone = buffer.Value(1, 0, TrajectoryVariable.Belief);
                }
            }

            Within4StandardErrors(0.6 * 0.8 * 0.5, threats, runs);
            Within4StandardErrors(0.5, carried, threats);
            Assert.True(beliefThreat < beliefNone);
        }
    }

    public class Rivals
    {
        private static RivalSetup Dprk(double rate, bool background) => new("DPRK", ["korea"], rate, 0.1, 0.05, background, "DPRK tests");

        [Fact]
        public void Incidents_are_Poisson_with_the_base_rate_at_the_start_years_credibility()
        {
            var engine = new SimulationEngine(Setup([Host("KOR", 0)], rivals: [Dprk(1.3, false)], years: 1));
            var buffer = engine.NewBuffer();
            const int runs = 4000;
            var (sum, sumOfSquares) = (0.0, 0.0);
            for (var r = 0; r < runs; r++)
            {
                engine.Run(5, r, buffer);
                var k = buffer.Events.Where(e => e.Kind == SimulationEventKind.RivalProbe).Sum(e => e.Value);
                (sum, sumOfSquares) = (sum + k, sumOfSquares + (k * k));
            }

            var mean = sum / runs;
            var error = Math.Sqrt(((sumOfSquares / runs) - (mean * mean)) / runs);
            Assert.InRange(mean, 1.3 - (4 * error), 1.3 + (4 * error));
            Assert.InRange((sumOfSquares / runs) - (mean * mean), 1.3 * 0.85, 1.3 * 1.15);
        }

        [Fact]
        public void A_lower_credibility_and_new_basing_mean_more_probing()
        {
            // λ = λ0 exp(γ_c (c0 − c) + γ_h h + γ_b B) rises as credibility falls, cohesion is lost and basing grows.
            var p = new SimulationParameters();
            Assert.Equal(0.5, RivalReactions.Rate(0.5, 0.75, 0.75, 0, 0, p), 1e-15);
            Assert.True(RivalReactions.Rate(0.5, 0.75, 0.6, 0, 0, p) > RivalReactions.Rate(0.5, 0.75, 0.7, 0, 0, p));
            Assert.Equal(0.5 * Math.Exp(p.ProbeCredibilityEffect * 0.15), RivalReactions.Rate(0.5, 0.75, 0.6, 0, 0, p), 1e-15);
            Assert.True(RivalReactions.Rate(0.5, 0.75, 0.75, 0.5, 0, p) > RivalReactions.Rate(0.5, 0.75, 0.75, 0, 0, p));
            Assert.True(RivalReactions.Rate(0.5, 0.75, 0.75, 0, 1, p) > RivalReactions.Rate(0.5, 0.75, 0.75, 0, 0, p));

            // In the engine: a withheld reaffirmation lowers Korea's credibility, and the rival probes more the year after.
            var withheld = new ShockSetup(ShockKind.WithheldReaffirmation, 2020, 0, ["KOR"], 0, -6, 0, "withheld");
            double Incidents(IReadOnlyList<ShockSetup> shocks)
            {
                var engine = new SimulationEngine(Setup([Host("KOR", 0)], shocks: shocks, rivals: [Dprk(1, false)], years: 2));
                var buffer = engine.NewBuffer();
                var total = 0.0;
                for (var r = 0; r < 3000; r++)
                {
                    engine.Run(9, r, buffer);
                    total += buffer.Events.Where(e => e.Kind == SimulationEventKind.RivalProbe && e.Year == 2021).Sum(e => e.Value);
                }

                return total / 3000;
            }

            Assert.True(Incidents([withheld]) > Incidents([]) + 0.15);
        }

        [Fact]
        public void Incidents_move_outcomes_unless_the_scenario_marks_their_rate_as_background()
        {
            double MeanLogThreat(bool background)
            {
                var engine = new SimulationEngine(Setup([Host("KOR", 0)], rivals: [Dprk(0.8, background)], years: 6));
                var buffer = engine.NewBuffer();
                var sum = 0.0;
                for (var r = 0; r < 4000; r++)
                {
                    engine.Run(2, r, buffer);
                    sum += Math.Log(buffer.Value(6, 0, TrajectoryVariable.Threat));
                }

                return sum / 4000;
            }

            // New incidents: E[x_6] ≈ λ jump (1 − φ^6)/(1 − φ) = 0.08 (1 − 0.8^6)/0.2 (at the base rate); background: about 0.
            Assert.InRange(MeanLogThreat(false), 0.2, 0.5);
            Assert.InRange(MeanLogThreat(true), -0.08, 0.08);
        }
    }

    public class DemandsBeyondMoney
    {
        private static DemandSetup Demand(double value, double autonomy, bool linked = false, DemandKind kind = DemandKind.Coalition) =>
            new("hormuz", kind, "KOR", 2020, value, autonomy, 0, 0.1, linked, null, null, "Hormuz");

        [Fact]
        public void Outcomes_follow_the_logit_of_the_hosts_utility()
        {
            // U(x) = x G − x² C, G = V (½ + ½τ) κ θ, C = A + D; P(x) ∝ exp(U(x)/σ).
            var p = Quiet;
            var engine = new SimulationEngine(Setup([Host("KOR", 0)], demands: [Demand(0.6, 0.2)], years: 1));
            var buffer = engine.NewBuffer();
            const int runs = 6000;
            var counts = new int[3];
            for (var r = 0; r < runs; r++)
            {
                engine.Run(4, r, buffer);
                counts[(int)(2 * buffer.DemandChoice[0])]++;
            }

            var gain = 0.6 * 0.75 * 0.75;
            var cost = 0.2 + 0.1;
            var u = new[] { 0, (gain / 2) - (cost / 4), gain - cost }.Select(v => Math.Exp(v / p.DemandNoise)).ToArray();
            for (var k = 0; k < 3; k++)
            {
                Within4StandardErrors(u[k] / u.Sum(), counts[k], runs);
            }
        }

        [Fact]
        public void A_refused_demand_lowers_the_patrons_reassurance()
        {
            // No compliance signal, so the only channel is the host's standing, which scales the reassurance after a rival's incident.
            var p = Quiet with { ComplianceSignal = 0, DemandNoise = 1e-6 };
            var rival = new RivalSetup("DPRK", ["korea"], 30, 0, 0, false, "tests");
            double Belief(double value, double autonomy) => Run(Setup([Host("KOR", 0)], p, rivals: [rival], demands: [Demand(value, autonomy)], years: 2)).Value(2, 0, TrajectoryVariable.Belief);
            // Refused: G = 0 < C; accepted: G = 2 · ¾ · ¾ = 1.125 against C = 0.2, U(1) = 0.925 > U(½) = 0.51.
            var refused = Belief(0, 5);
            var accepted = Belief(2, 0.1);
            Assert.True(refused < accepted, $"{refused} vs {accepted}");
        }

        [Fact]
        public void A_refused_linked_demand_raises_the_settled_payment()
        {
            // Issue linkage: a refusal cuts the patron's strategic loss of withdrawing (standing 1 → 0 at w = 1), so its
            // outside option, saving 2000 − loss 1600 (1 − ½τ) · standing, rises from 800 to 2000 and binds: it gets more.
            var deal = new CostSharingSetup("KRW bn", 1038.9, 2020, 6, 2000, 1500, 2700, 2000, 1600, 2600, 5800, LapseRisk: 0, Uncertainty: 0);
            var p = Quiet with { DemandNoise = 1e-6, ComplianceSignal = 0, LinkageWeight = 1 };
            double Settled(double value, double autonomy) =>
                Run(Setup([Host("KOR", 0, deal: deal)], p, demands: [Demand(value, autonomy, linked: true)], years: 1)).FirstSettlement[0];
            Assert.True(Settled(0, 5) > Settled(5, 0));
        }

        [Fact]
        public void Accepted_basing_brings_the_rivals_coercion()
        {
            var p = Quiet with { DemandNoise = 1e-6 };
            var china = new RivalSetup("China", ["korea"], 0, 0, 0, false, "China");
            var basing = new DemandSetup("thaad", DemandKind.MissileBasing, "KOR", 2020, 5, 0, 0, 0, false, null, "China", "THAAD");
            var with = Run(Setup([Host("KOR", 0)], p with { ComplianceSignal = 0 }, rivals: [china], demands: [basing], years: 1));
            var without = Run(Setup([Host("KOR", 0)], p with { ComplianceSignal = 0 }, rivals: [china], years: 1));
            Assert.Equal(1, with.DemandChoice[0]);
            Assert.Equal(without.Value(1, 0, TrajectoryVariable.NetBenefit) - p.CoercionCost, with.Value(1, 0, TrajectoryVariable.NetBenefit), 1e-12);
        }
    }

    public class FrictionAndReputation
    {
        [Fact]
        public void A_friction_shock_costs_each_ally_its_level_times_the_friction_cost()
        {
            var p = Quiet;
            var allies = new[] { Host("KOR", 0), Host("JPN", 0, "japan") };
            var flare = new ShockSetup(ShockKind.Friction, 2020, 0, ["JPN", "KOR"], 0, 0, 0, "export controls", Friction: 0.3);
            var (calm, shocked) = (Run(Setup(allies, frictions: [new FrictionSetup("JPN", "KOR", 0.2)])),
                Run(Setup(allies, shocks: [flare], frictions: [new FrictionSetup("JPN", "KOR", 0.2)])));
            for (var i = 0; i < 2; i++)
            {
                // f_1 = μ f_0 + 0.3 against μ f_0: the difference is 0.3 c_f; a year later μ · 0.3 c_f.
                Assert.Equal(calm.Value(1, i, TrajectoryVariable.NetBenefit) - (0.3 * p.FrictionCost), shocked.Value(1, i, TrajectoryVariable.NetBenefit), 1e-12);
                Assert.Equal(calm.Value(2, i, TrajectoryVariable.NetBenefit) - (p.FrictionMemory * 0.3 * p.FrictionCost), shocked.Value(2, i, TrajectoryVariable.NetBenefit), 1e-12);
            }
        }

        [Fact]
        public void A_withdrawal_threat_to_Korea_lowers_Japans_belief_by_the_reputation_weight_times_their_similarity()
        {
            // Korea at 1 % under a 2 % rule with rate 1, τ = 1: a threat every year. Japan hosts no troops, so none to it.
            var allies = new[] { Host("KOR", 28.5, pct: 1.0), Host("JPN", 0, "japan", pct: 2.5) };
            var p = Quiet with { WithdrawalThreatRate = 1, WithdrawalFollowThrough = 0, PostureAdjustment = 0 };
            double[] similarity = [1, 0.6, 0.6, 1];
            var none = Run(Setup(allies, p with { ReputationWeight = 0 }, tau: 1, target: 2, similarity: similarity, years: 1));
            var some = Run(Setup(allies, p with { ReputationWeight = 0.5 }, tau: 1, target: 2, similarity: similarity, years: 1));
            Assert.Equal(none.Value(1, 0, TrajectoryVariable.Belief), some.Value(1, 0, TrajectoryVariable.Belief), 1e-15);

            // Japan's β rises by ρ · sim · threat signal = 0.5 · 0.6 · 2 over a Beta with α + β = w = 10 before it.
            var beliefNone = none.Value(1, 1, TrajectoryVariable.Belief);
            var alpha = beliefNone * 10;
            Assert.Equal(alpha / (10 + (0.5 * 0.6 * p.WithdrawalThreatSignal)), some.Value(1, 1, TrajectoryVariable.Belief), 1e-12);
        }
    }

    public class ClosedFormsOfTheMoneyAndTheHazard
    {
        private static readonly CostSharingSetup Deal = new("KRW bn", 1038.9, 2020, 6, 2000, 1500, 2700, 1200, 1600, 2600, 5800, LapseRisk: 0, Uncertainty: 0);

        [Fact]
        public void Without_noise_or_lapse_the_first_settlement_is_SmaBargainings_transfer()
        {
            var result = Ensemble.Run(new SimulationEngine(Setup([Host("KOR", 0, deal: Deal)], tau: 0.9, years: 1)), 50, 3, cancellation: TestContext.Current.CancellationToken);
            var outcome = result.Outcomes()[0];
            Assert.Equal((1.0, 0.0), (outcome.Settlement, outcome.Breakdown));

            // The talks see this year's belief, λ b0 + (1 − λ) s(τ); the host's value scales with it relative to b0.
            var belief = (0.8 * 0.75) + (0.2 * ((0.85 * 0.1) + (0.55 * 0.9)));
            var expected = SmaBargaining.Settle(new SmaNegotiation(2000, 1500, 2700 * belief / 0.75, 1200, 1600 * (1 - (0.5 * 0.9)), 2600, 0.9, 0.9, 0, true)).Transfer;
            Assert.All(result.FirstSettlements(0), x => Assert.Equal(expected, x, 1e-9));
            Assert.Equal(expected, outcome.SettlementMedian, 1e-9);
        }

        [Fact]
        public void Breakdown_is_the_lapse_risk_compounded_over_the_rounds_of_talks()
        {
            // Rounds = 1 + ⌊u (1 + 4 gap)⌋ with gap = (demand − transfer)/transfer (at most 4); each round after the
            // first lapses with probability p: P(breakdown) = E[1 − (1 − p)^(rounds − 1)], computed directly.
            const double lapse = 0.3;
            var deal = Deal with { LapseRisk = lapse };
            var result = Ensemble.Run(new SimulationEngine(Setup([Host("KOR", 0, deal: deal)], tau: 1, years: 1)), 4000, 8, cancellation: TestContext.Current.CancellationToken);
            var belief = (0.8 * 0.75) + (0.2 * 0.55);
            var transfer = SmaBargaining.Settle(new SmaNegotiation(2000, 1500, 2700 * belief / 0.75, 1200, 1600 * 0.5, 2600, 0.9, 0.9, lapse, true)).Transfer;
            var gap = Math.Min(4, Math.Max(0, 5800 - transfer) / transfer);
            var c = 1 + (4 * gap);
            var expected = 0.0;
            for (var k = 0; k <= (int)Math.Floor(c); k++)
            {
                var weight = k < Math.Floor(c) ? 1 / c : (c - Math.Floor(c)) / c;
                expected += weight * (1 - Math.Pow(1 - lapse, k));
            }

            Within4StandardErrors(expected, (int)Math.Round(result.Outcomes()[0].Breakdown * 4000), 4000);
            Assert.InRange(expected, 0.3, 0.99);
        }

        [Fact]
        public void The_ensembles_settlement_quantiles_are_the_quantiles_of_its_runs()
        {
            var deal = Deal with { LapseRisk = 0.1, Uncertainty = 0.2 };
            var result = Ensemble.Run(new SimulationEngine(Setup([Host("KOR", 0, deal: deal)], tau: 0.9, years: 3)), 400, 21, cancellation: TestContext.Current.CancellationToken);
            var sorted = result.FirstSettlements(0).Order().ToArray();
            double Quantile(double q)
            {
                var h = (sorted.Length - 1) * q;
                var lo = (int)Math.Floor(h);
                return sorted[lo] + ((h - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]));
            }

            var o = result.Outcomes()[0];
            Assert.Equal((Quantile(0.5), Quantile(0.05), Quantile(0.95)), (o.SettlementMedian, o.SettlementLow, o.SettlementHigh));
            Assert.True(o.SettlementLow < o.SettlementMedian && o.SettlementMedian < o.SettlementHigh);
        }

        [Fact]
        public void Hedging_follows_the_weibull_age_term_of_the_baseline_hazard()
        {
            // Shape k = 3, reference age 30, the alliance 21 years old in year 1: h = h0 (21/30)^(k − 1) e^(−b NB),
            // about a quarter of what the inverted exponent (30/21)^(k − 1) would give.
            var p = Quiet with { BaseHazard = 1, HazardShape = 3, HazardReferenceAge = 30, AsymmetryEffect = 0, PowerChangeEffect = 0, OutsideAllianceEffect = 0 };
            const int runs = 4000;
            var (hedged, benefit) = YearOneHedging(new SimulationEngine(Setup([Host("KOR", 0)], p, years: 1)), runs, 9);
            var hazard = Math.Pow(21.0 / 30, 2) * Math.Exp(-p.NetBenefitEffect * benefit);
            Within4StandardErrors(1 - Math.Exp(-hazard), hedged, runs);
            Assert.InRange((double)hedged / runs, 0.05, 0.95);
        }

        [Fact]
        public void Leaving_multiplies_spending_by_the_self_help_factor_and_exit_follows_the_exit_ratio()
        {
            // Every ally hedges in year 1 (a huge base hazard); in year 2 a hedger leaves with probability 1 − exp(−h · ratio).
            // The fitted covariates (asymmetry, power change, outside alliance) are their own mechanism, off here.
            var p = Quiet with { BaseHazard = 500, ExitHazardRatio = 0.004, SelfHelpFactor = 1.7, AsymmetryEffect = 0, PowerChangeEffect = 0, OutsideAllianceEffect = 0 };
            var engine = new SimulationEngine(Setup([Host("KOR", 0)], p, years: 2));
            var buffer = engine.NewBuffer();
            const int runs = 4000;
            var left = 0;
            double? hazard = null, stayed = null, gone = null;
            for (var r = 0; r < runs; r++)
            {
                engine.Run(6, r, buffer);
                Assert.Equal(AllyStatus.Hedging, buffer.StatusByYear[1]);
                if (buffer.StatusByYear[2] == AllyStatus.Left)
                {
                    left++;
                    gone = buffer.Value(2, 0, TrajectoryVariable.Spending);
                }
                else
                {
                    // h = h0 (age/A)^(k − 1) e^(−b NB), the same in every run without noise.
                    hazard = 500 * Math.Pow(22 / p.HazardReferenceAge, p.HazardShape - 1) * Math.Exp(-p.NetBenefitEffect * buffer.Value(2, 0, TrajectoryVariable.NetBenefit));
                    stayed = buffer.Value(2, 0, TrajectoryVariable.Spending);
                }
            }

            Assert.Equal(1.7 * stayed!.Value, gone!.Value, 1e-9 * gone.Value);
            Within4StandardErrors(1 - Math.Exp(-hazard!.Value * 0.004), left, runs);
            Assert.InRange((double)left / runs, 0.05, 0.95);
        }
    }
}
