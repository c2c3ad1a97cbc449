using Linchpin.Games.Bargaining;
using Linchpin.Simulation;
using static Linchpin.Tests.Simulation.MechanismChecks;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The channels by which one actor's move reaches another (docs/models/simulation.md, "The actors"):
/// reputation from several senders, a rival's probing into a demand's cost, a lapse into the
/// patron's pressure, threat into the talks, each against its closed form.
/// </summary>
public class MechanismChannelTests
{
    /// <summary>No noise, no hazard, no withdrawal threats; beliefs keep λ = 0.8 of their evidence a year.</summary>
    private static SimulationParameters Quiet => new(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8, WithdrawalThreatRate: 0);

    private static AllySetup Host(string iso3, double troops = 0, double pct = 2.5, string theatre = "korea", CostSharingSetup? deal = null) =>
        new(iso3, iso3, 2_000, pct, 0.02, theatre, 0.75, 10, troops, 20, 0.3, deal);

    private static SimulationSetup Setup(
        IReadOnlyList<AllySetup> allies, SimulationParameters? p = null, double tau = 0.5, double target = 0, IReadOnlyList<ShockSetup>? shocks = null,
        IReadOnlyList<RivalSetup>? rivals = null, IReadOnlyList<DemandSetup>? demands = null, IReadOnlyList<FrictionSetup>? frictions = null,
        IReadOnlyList<double>? similarity = null, int years = 1, bool pledge = false) =>
        new("channels", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies, new Linchpin.Simulation.Doctrine(tau, target, pledge), shocks ?? [], p ?? Quiet,
            rivals, demands, frictions, similarity);

    private static RunBuffer Run(SimulationSetup setup, long run = 0)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(5, run, buffer);
        return buffer;
    }

    public class Reputation
    {
        [Fact]
        public void Signals_to_several_allies_spread_as_the_sum_of_each_senders_spread()
        {
            // Twenty-one allies (two double blocks of four, one more block, one alone), an uneven similarity matrix, five
            // senders: every receiver gains Σ_s ρ · sim(receiver, sender) · signal_s, bit for bit what spreading
            // sender by sender gives, and nothing toward the sender itself from its own signal.
            const int n = 21;
            var similarity = new double[n * n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    similarity[(i * n) + j] = i == j ? 1 : 0.05 + (0.07 * (((3 * i) + (5 * j)) % 13));
                }
            }

            var allies = Enumerable.Range(0, n).Select(i => Host($"A{i:00}")).ToList();
            var setup = Setup(allies, Quiet with { ReputationWeight = 0.4 }, similarity: similarity);
            var (tables, engine) = (new EngineTables(setup), new SimulationEngine(setup));
            var (each, oneByOne) = (engine.NewBuffer(), engine.NewBuffer());
            int[] senders = [0, 3, 9, 12, 20];
            double[] signals = [0.7, -1.3, 0.25, 2, -0.6];
            Linchpin.Simulation.Reputation.SpreadEach(tables, each, senders, signals);
            for (var s = 0; s < senders.Length; s++)
            {
                Linchpin.Simulation.Reputation.Spread(tables, oneByOne, senders[s], signals[s]);
            }

            Assert.Equal(oneByOne.Reputation, each.Reputation);
            for (var i = 0; i < n; i++)
            {
                var expected = Enumerable.Range(0, senders.Length).Where(s => senders[s] != i).Sum(s => 0.4 * similarity[(i * n) + senders[s]] * signals[s]);
                Assert.Equal(expected, each.Reputation[i], 1e-12);
            }
        }

        [Fact]
        public void A_signal_to_several_allies_reaches_the_others_by_their_mean_similarity_to_them()
        {
            // A withheld reaffirmation (−3) to Korea and Japan; the Philippines' similarity to them 0.2 and 0.8,
            // mean 0.5: its β gains ρ · 0.5 · 3 with ρ = 0.5.
            var withheld = new ShockSetup(ShockKind.WithheldReaffirmation, 2020, 0, ["KOR", "JPN"], 0, -3, 0, "withheld");
            double[] similarity = [1, 0.6, 0.2, 0.6, 1, 0.8, 0.2, 0.8, 1];
            var run = Run(Setup([Host("KOR"), Host("JPN", theatre: "japan"), Host("PHL", theatre: "philippines")], Quiet with { ReputationWeight = 0.5 },
                shocks: [withheld], similarity: similarity));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal(alpha / (alpha + beta + 3), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal(alpha / (alpha + beta + 0.75), run.Value(1, 2, TrajectoryVariable.Belief), 1e-12);
        }

        [Fact]
        public void A_signal_to_a_theatre_without_allies_reaches_no_one()
        {
            var nowhere = new ShockSetup(ShockKind.WithheldReaffirmation, 2020, 0, ["europe"], 0, -3, 0, "withheld");
            var allies = new[] { Host("KOR"), Host("JPN", theatre: "japan") };
            var (quiet, withheld) = (Run(Setup(allies, Quiet with { ReputationWeight = 0.5 }, similarity: [1, 0.6, 0.6, 1])),
                Run(Setup(allies, Quiet with { ReputationWeight = 0.5 }, shocks: [nowhere], similarity: [1, 0.6, 0.6, 1])));
            Assert.Equal(quiet.Values, withheld.Values);
        }

        [Fact]
        public void A_demands_outcome_reaches_the_other_allies_by_reputation()
        {
            // Korea refuses a demand it gains nothing from: its β gains the compliance signal 1.5, Japan's ρ · 0.6 · 1.5.
            var p = Quiet with { DemandNoise = 1e-9, ReputationWeight = 0.5 };
            var demand = new DemandSetup("d", DemandKind.Coalition, "KOR", 2020, 0, 0.2, 0, 0, false, null, null, "d");
            var run = Run(Setup([Host("KOR"), Host("JPN", theatre: "japan")], p, demands: [demand], similarity: [1, 0.6, 0.6, 1]));
            Assert.Equal(0, run.DemandChoice[0]);
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal(alpha / (alpha + beta + 1.5), run.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal(alpha / (alpha + beta + 0.45), run.Value(1, 1, TrajectoryVariable.Belief), 1e-12);
        }
    }

    public class Rivals
    {
        [Fact]
        public void A_rival_probes_only_the_allies_it_faces_and_its_reassurance_reaches_the_others_by_reputation()
        {
            // A rival certain to probe Korea (rate 30) with a threat jump and entrapment: Japan's threat and entrapment
            // are what they are without the rival; its α gains ρ · 0.6 · R (1 − τ) · standing = 0.5 · 0.6 · 0.5.
            var p = Quiet with { ReputationWeight = 0.5 };
            var rival = new RivalSetup("DPRK", ["korea"], 30, 0.1, 0.2, false, "tests");
            var allies = new[] { Host("KOR"), Host("JPN", theatre: "japan") };
            var with = Run(Setup(allies, p, rivals: [rival], similarity: [1, 0.6, 0.6, 1]));
            var without = Run(Setup(allies, p, similarity: [1, 0.6, 0.6, 1]));
            Assert.True(with.Value(1, 0, TrajectoryVariable.Threat) > without.Value(1, 0, TrajectoryVariable.Threat));
            Assert.Equal(without.Value(1, 1, TrajectoryVariable.Threat), with.Value(1, 1, TrajectoryVariable.Threat));
            Assert.Equal(without.Value(1, 1, TrajectoryVariable.Entrapment), with.Value(1, 1, TrajectoryVariable.Entrapment));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            Assert.Equal((alpha + 0.5) / (alpha + beta + 0.5), with.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            Assert.Equal((alpha + 0.15) / (alpha + beta + 0.15), with.Value(1, 1, TrajectoryVariable.Belief), 1e-12);
        }

        [Fact]
        public void Without_reputation_an_incident_reassures_only_the_allies_it_touches()
        {
            // Five allies (one block of four and one more), the rival facing the first three: they gain R (1 − τ) · standing
            // = 0.5 in α, the other two only drift with the doctrine.
            var rival = new RivalSetup("DPRK", ["korea"], 30, 0, 0, false, "tests");
            var allies = Enumerable.Range(0, 5).Select(i => Host($"A{i}", theatre: i < 3 ? "korea" : "japan")).ToList();
            var run = Run(Setup(allies, Quiet with { ReputationWeight = 0 }, rivals: [rival]));
            var (alpha, beta) = BeliefAfterOneYear(0.5);
            for (var i = 0; i < 5; i++)
            {
                var gained = i < 3 ? 0.5 : 0;
                Assert.Equal((alpha + gained) / (alpha + beta + gained), run.Value(1, i, TrajectoryVariable.Belief), 1e-12);
            }
        }

        [Fact]
        public void A_rival_of_all_theatres_faces_every_ally()
        {
            var everywhere = new RivalSetup("Any", ["all"], 1, 0, 0, false, "any");
            var korea = new RivalSetup("DPRK", ["korea"], 1, 0, 0, false, "dprk");
            Assert.True(RivalReactions.Faces(everywhere, Host("JPN", theatre: "japan")));
            Assert.True(RivalReactions.Faces(korea, Host("KOR")));
            Assert.False(RivalReactions.Faces(korea, Host("JPN", theatre: "japan")));
        }
    }

    public class Demands
    {
        private static readonly RivalSetup China = new("China", ["korea"], 0.5, 0, 0, false, "China");

        [Theory]
        [InlineData(2.5, 0.9)]
        [InlineData(0.8, 0.1)]
        public void The_hosts_choice_is_the_logit_of_its_utilities(double value, double autonomy)
        {
            // U(x) = x G − x² C with G = V · 0.75 · 0.75 and C = A, plus σ times a standard Gumbel draw per option:
            // P(x) = exp(U(x)/σ) / Σ exp(U/σ), each share within 4 standard errors over 8,000 runs.
            var p = Quiet with { DemandNoise = 0.3 };
            var demand = new DemandSetup("d", DemandKind.ArmsPurchase, "KOR", 2020, value, autonomy, 0, 0, false, null, null, "d");
            var engine = new SimulationEngine(Setup([Host("KOR")], p, demands: [demand]));
            var buffer = engine.NewBuffer();
            const int runs = 8000;
            var counts = new int[3];
            for (var r = 0; r < runs; r++)
            {
                engine.Run(6, r, buffer);
                counts[(int)(2 * buffer.DemandChoice[0])]++;
            }

            var (gain, cost) = (value * 0.75 * 0.75, autonomy);
            var (refuse, partial, accept) = Linchpin.Simulation.Demands.Probabilities(gain, cost, 0.3);
            var weights = new[] { 0, (gain / 2) - (cost / 4), gain - cost }.Select(u => Math.Exp(u / 0.3)).ToArray();
            Assert.Equal(weights[2] / weights.Sum(), accept, 1e-12);
            Within4StandardErrors(refuse, counts[0], runs);
            Within4StandardErrors(partial, counts[1], runs);
            Within4StandardErrors(accept, counts[2], runs);
        }

        [Theory]
        [InlineData(0, 1.0)]
        [InlineData(2, 0.5)]
        public void The_demands_entrapment_cost_scales_with_the_rivals_probing_against_its_base(double cohesionEffect, double share)
        {
            // G = V (½ + ½τ) κ θ = 2 · 0.75 · 0.75 = 1.125; accept while C < 2G/3 = 0.75, meet in part while C < 2G.
            // C = A + e λ/λ0 = 0.1 + 0.3 λ/λ0; friction 0.5 between the two allies the rival faces makes λ/λ0 = exp(γ_h · 0.5):
            // 1 (accept) at γ_h = 0, e (C = 0.92: in part) at γ_h = 2.
            var p = Quiet with { DemandNoise = 1e-9, ProbeCredibilityEffect = 0, ProbeCohesionEffect = cohesionEffect };
            var demand = new DemandSetup("basing", DemandKind.Coalition, "KOR", 2020, 2, 0.1, 0.3, 0, false, null, "China", "d");
            var run = Run(Setup([Host("KOR"), Host("JPN")], p, rivals: [China], demands: [demand], frictions: [new FrictionSetup("KOR", "JPN", 0.5)]));
            Assert.Equal(share, run.DemandChoice[0]);
            Assert.Equal(new SimulationEvent(2020, 0, SimulationEventKind.Demand, share, 0), Assert.Single(run.Events, e => e.Kind == SimulationEventKind.Demand));
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(0.5, 0.5)]
        public void Friction_with_the_partner_ally_adds_to_the_demands_cost(double friction, double share)
        {
            // C = A + c_f f with f = μ_f f0 after the year's decay (μ_f = 1 here): 0.1 + 2 · 0.5 = 1.1 > 2G/3, met in part.
            var p = Quiet with { DemandNoise = 1e-9, FrictionCost = 2, FrictionMemory = 1 };
            var demand = new DemandSetup("gsomia", DemandKind.IntelligenceSharing, "KOR", 2020, 2, 0.1, 0, 0, false, "JPN", null, "d");
            var run = Run(Setup([Host("KOR"), Host("JPN")], p, demands: [demand], frictions: [new FrictionSetup("KOR", "JPN", friction)]));
            Assert.Equal(share, run.DemandChoice[0]);
        }

        [Fact]
        public void A_refusal_costs_standing_and_a_later_answer_in_part_leaves_it_where_it_was()
        {
            // 2020: nothing to gain, refused: standing 1 − 0.3. 2021: C = A = 1 against G = 1.125 (the belief then is lower,
            // but still 2G/3 < C < 2G): met in part, standing stays 0.7.
            var p = Quiet with { DemandNoise = 1e-9, RefusalStandingCost = 0.3 };
            var refused = new DemandSetup("a", DemandKind.ArmsPurchase, "KOR", 2020, 0, 0.2, 0, 0, false, null, null, "a");
            var partial = new DemandSetup("b", DemandKind.ArmsPurchase, "KOR", 2021, 2, 1, 0, 0, false, null, null, "b");
            var run = Run(Setup([Host("KOR")], p, demands: [refused, partial], years: 2));
            Assert.Equal([0, 0.5], run.DemandChoice);
            Assert.Equal(0.7, run.Standing[0], 1e-15);
        }

        [Fact]
        public void Only_missile_basing_is_new_basing_and_basing_met_in_part_brings_half_the_coercion()
        {
            var p = Quiet with { DemandNoise = 1e-9, CoercionCost = 0.3 };
            var coalition = new DemandSetup("hormuz", DemandKind.Coalition, "KOR", 2020, 2, 0.1, 0, 0, false, null, "China", "d");
            var accepted = Run(Setup([Host("KOR")], p, rivals: [China], demands: [coalition]));
            Assert.Equal(1, accepted.DemandChoice[0]);
            Assert.Equal((0.0, 0.0), (accepted.Basing[0], accepted.Coercion[0]));

            // C = A = 1: 2G/3 < C < 2G, met in part: basing ½ (decayed by its memory after the rival's year), coercion c/2.
            var basing = coalition with { Kind = DemandKind.MissileBasing, AutonomyCost = 1 };
            var half = Run(Setup([Host("KOR")], p, rivals: [China], demands: [basing]));
            Assert.Equal(0.5, half.DemandChoice[0]);
            Assert.Equal(0.5, half.Basing[0], 1e-15);
            Assert.Equal(0.15, half.Coercion[0], 1e-15);
        }
    }

    public class Patron
    {
        [Fact]
        public void A_lapse_of_the_talks_is_pressure_for_a_withdrawal_threat_the_year_after()
        {
            // Talks with no zone of agreement lapse every year. No fair-share rule and full standing: pressure is the lapse
            // of the year before alone, so no threat in 2020 and P(threat) = rate · τ · 1 = 0.5 · 0.8 in 2021.
            var hopeless = new CostSharingSetup("KRW bn", 1038.9, 2020, 2, 1, 1500, 1, 1200, 0, 0, 5800, LapseRisk: 0, Uncertainty: 0);
            var p = Quiet with { WithdrawalThreatRate = 0.5, WithdrawalFollowThrough = 0 };
            var engine = new SimulationEngine(Setup([Host("KOR", 28.5, deal: hopeless)], p, tau: 0.8, years: 2));
            var buffer = engine.NewBuffer();
            const int runs = 3000;
            var threats = 0;
            for (var r = 0; r < runs; r++)
            {
                engine.Run(3, r, buffer);
                Assert.Equal(2, buffer.Events.Count(e => e.Kind == SimulationEventKind.Lapse));
                Assert.DoesNotContain(buffer.Events, e => e.Kind == SimulationEventKind.WithdrawalThreat && e.Year == 2020);
                var threat = buffer.Events.Where(e => e.Kind == SimulationEventKind.WithdrawalThreat).ToList();
                threats += threat.Count;
                Assert.All(threat, e => Assert.Equal(new SimulationEvent(2021, 0, SimulationEventKind.WithdrawalThreat, 28.5, -1), e));
            }

            Within4StandardErrors(0.5 * 0.8, threats, runs);
        }

        [Fact]
        public void A_withdrawal_carried_out_adds_the_sunk_cost_of_the_cut_to_the_threats_evidence_against()
        {
            // Korea at 1 % under a 2 % rule (pressure 0.5), τ = 1, every threat carried out: where a threat came, the troops
            // are cut by a quarter and β gains σ_w + S · cut, with the tripwire at the troops left.
            var p = Quiet with { WithdrawalThreatRate = 1, WithdrawalFollowThrough = 1, PostureAdjustment = 0 };
            var engine = new SimulationEngine(Setup([Host("KOR", 28.5, pct: 1.0)], p, tau: 1, target: 2));
            var buffer = engine.NewBuffer();
            var carried = 0;
            for (var r = 0; r < 200; r++)
            {
                engine.Run(3, r, buffer);
                var withdrawal = buffer.Events.Where(e => e.Kind == SimulationEventKind.Withdrawal).ToList();
                if (withdrawal.Count == 0)
                {
                    continue;
                }

                carried++;
                var left = 28.5 * (1 - p.WithdrawalCut);
                Assert.Equal(new SimulationEvent(2020, 0, SimulationEventKind.Withdrawal, left, -1), Assert.Single(withdrawal));
                var own = Beliefs.Signalled(0.55, left, p.TripwireWeight, p.TripwireHalfTroops);
                var (alpha, beta) = ((0.8 * 7.5) + (0.2 * 10 * own), (0.8 * 2.5) + (0.2 * 10 * (1 - own)) + p.WithdrawalThreatSignal + (p.SunkCostSignal * p.WithdrawalCut));
                Assert.Equal(alpha / (alpha + beta), buffer.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
            }

            Assert.InRange(carried, 60, 140);
        }
    }

    public class Departures
    {
        [Fact]
        public void The_patron_neither_moves_troops_nor_threatens_an_ally_that_has_left()
        {
            // Japan hedges in 2020 and leaves in 2021 with certainty (its outside option); Korea stays. Both host troops
            // under a 2 % rule they miss, at τ = 1 and a threat rate of 1, and an invasion in 2022 doubles both threats:
            // Korea is reinforced, Japan is threatened while it is an ally but neither threatened nor reinforced after it left.
            var p = Quiet with { BaseHazard = 1e-9, WithdrawalThreatRate = 1, WithdrawalFollowThrough = 0 };
            var invasion = new ShockSetup(ShockKind.Invasion, 2022, 0, ["korea"], Math.Log(2), 0, 0, "invasion");
            var japan = new AllySetup("JPN", "JPN", 2_000, 1.0, 0.02, "korea", 0.75, 10, 50, 20, 10);
            var run = Run(Setup([Host("KOR", 28.5, pct: 1.0), japan], p, tau: 1, target: 2, shocks: [invasion], years: 4));
            Assert.Equal(AllyStatus.Left, run.StatusByYear[(2 * 2) + 1]);
            Assert.Contains(run.Events, e => e.Ally == 0 && e.Kind == SimulationEventKind.TroopChange && e.Year == 2022);
            Assert.Contains(run.Events, e => e.Ally == 1 && e.Kind == SimulationEventKind.WithdrawalThreat && e.Year < 2022);
            Assert.DoesNotContain(run.Events, e => e.Ally == 1 && e.Year >= 2022 && e.Kind is SimulationEventKind.TroopChange or SimulationEventKind.WithdrawalThreat);
        }
    }

    public class Shocks
    {
        [Fact]
        public void A_scheduled_shock_is_recorded_in_its_year_with_its_jump_and_index()
        {
            var test = new ShockSetup(ShockKind.MissileTest, 2021, 0, ["KOR"], 0.3, 0, 0, "test");
            var reaffirmation = new ShockSetup(ShockKind.Reaffirmation, 2020, 0, ["KOR"], 0, 1, 0, "reaffirmation");
            var run = Run(Setup([Host("KOR")], shocks: [test, reaffirmation], years: 3));
            Assert.Equal([new SimulationEvent(2020, -1, SimulationEventKind.Shock, 0, 1), new SimulationEvent(2021, -1, SimulationEventKind.Shock, 0.3, 0)],
                run.Events.Where(e => e.Kind == SimulationEventKind.Shock));
        }
    }

    public class Talks
    {
        private static readonly CostSharingSetup Deal = new("KRW bn", 1038.9, 2020, 6, 2000, 1500, 2700, 1200, 1600, 2600, 5800, LapseRisk: 0, Uncertainty: 0);

        private static double Belief(double tau) => (0.8 * 0.75) + (0.2 * ((0.85 * (1 - tau)) + (0.55 * tau)));

        [Fact]
        public void The_hosts_value_of_the_presence_scales_with_its_threat()
        {
            // An invasion doubles Korea's threat in the year the talks open: V_H = 2700 · θ · κ/κ0 with θ = 2.
            var invasion = new ShockSetup(ShockKind.Invasion, 2020, 0, ["KOR"], Math.Log(2), 0, 0, "invasion");
            var run = Run(Setup([Host("KOR", deal: Deal)], tau: 0.9, shocks: [invasion]));
            var expected = SmaBargaining.Settle(new SmaNegotiation(2000, 1500, 2700 * 2 * Belief(0.9) / 0.75, 1200, 1600 * (1 - (0.5 * 0.9)), 2600, 0.9, 0.9, 0, true)).Transfer;
            Assert.Equal(expected, run.FirstSettlement[0], 1e-9 * expected);
        }

        [Fact]
        public void At_tau_one_half_the_patron_proposes_first()
        {
            // Who moves first decides the split; at τ = ½ the transactional patron does.
            var run = Run(Setup([Host("KOR", deal: Deal)], tau: 0.5));
            SmaNegotiation Talks(bool patronFirst) => new(2000, 1500, 2700 * Belief(0.5) / 0.75, 1200, 1600 * 0.75, 2600, 0.9, 0.9, 0, patronFirst);
            var (first, second) = (SmaBargaining.Settle(Talks(true)).Transfer, SmaBargaining.Settle(Talks(false)).Transfer);
            Assert.True(Math.Abs(first - second) > 10);
            Assert.Equal(first, run.FirstSettlement[0], 1e-9 * first);
        }

        [Fact]
        public void Below_a_fully_transactional_doctrine_the_opening_demand_mixes_the_patrons_ask_and_the_settlement()
        {
            // Demand = τ · 5800 + (1 − τ) · transfer at τ = 0.3 (the host proposes first); rounds = 1 + ⌊u (1 + 4 gap)⌋,
            // P(breakdown) = E[1 − (1 − p)^(rounds − 1)]. The agreement in force pays 100, far from the settlement.
            const double lapse = 0.1;
            const double tau = 0.3;
            const int runs = 4000;
            var result = Ensemble.Run(new SimulationEngine(Setup([Host("KOR", deal: Deal with { LapseRisk = lapse, Payment = 100 })], tau: tau)), runs, 8,
                cancellation: TestContext.Current.CancellationToken);
            var transfer = SmaBargaining.Settle(new SmaNegotiation(2000, 1500, 2700 * Belief(tau) / 0.75, 1200, 1600 * (1 - (0.5 * tau)), 2600, 0.9, 0.9, lapse, false)).Transfer;
            double Breakdown(double demand)
            {
                var gap = Math.Min(4, Math.Max(0, demand - transfer) / transfer);
                var c = 1 + (4 * gap);
                var expected = 0.0;
                for (var k = 0; k <= (int)Math.Floor(c); k++)
                {
                    expected += (k < Math.Floor(c) ? 1 / c : (c - Math.Floor(c)) / c) * (1 - Math.Pow(1 - lapse, k));
                }

                return expected;
            }

            var expected = Breakdown((tau * 5800) + ((1 - tau) * transfer));
            Within4StandardErrors(expected, (int)Math.Round(result.Outcomes()[0].Breakdown * runs), runs);

            // The old payment in place of the settlement would show: the test can tell them apart.
            Assert.True(Math.Abs(Breakdown((tau * 5800) + ((1 - tau) * 100)) - expected) > 8 * Math.Sqrt(expected * (1 - expected) / runs));
        }
    }

    public class HazardOfThreat
    {
        [Fact]
        public void An_invasions_lasting_threat_enters_the_hazard_through_its_log()
        {
            // An invasion doubling the threat for good (its level, not a transient); a base rate of 150, as the doubled
            // threat raises the net benefit a lot; shape 3 at reference age 30, 21 years in year 1:
            // h = 150 (21/30)² exp(−b NB + c_x ln 2), P(hedging) = 1 − exp(−h), within 4 standard errors.
            var p = Quiet with { BaseHazard = 150, HazardShape = 3, HazardReferenceAge = 30, AsymmetryEffect = 0, PowerChangeEffect = 0, OutsideAllianceEffect = 0, ThreatHazardEffect = -0.8 };
            var invasion = new ShockSetup(ShockKind.Invasion, 2020, 0, ["KOR"], Math.Log(2), 0, 0, "invasion");
            const int runs = 4000;
            var (hedged, benefit) = YearOneHedging(new SimulationEngine(Setup([Host("KOR")], p, shocks: [invasion])), runs, 9);
            var hazard = 150 * Math.Pow(21.0 / 30, 2) * Math.Exp((-p.NetBenefitEffect * benefit) + (-0.8 * Math.Log(2)));
            Within4StandardErrors(1 - Math.Exp(-hazard), hedged, runs);
            Assert.InRange((double)hedged / runs, 0.05, 0.95);
        }
    }

    public class Pledges
    {
        [Fact]
        public void The_pledge_pull_acts_only_under_a_pledge()
        {
            // Korea at 1 % under a 2 % rule: without a pledge the pull changes nothing, with one it raises spending.
            var allies = new[] { Host("KOR", pct: 1.0), Host("JPN", pct: 1.5) };
            var none = Run(Setup(allies, Quiet, target: 2, years: 3));
            var pulled = Run(Setup(allies, Quiet with { PledgePull = 0.8 }, target: 2, years: 3));
            var pledged = Run(Setup(allies, Quiet with { PledgePull = 0.8 }, target: 2, years: 3, pledge: true));
            Assert.Equal(none.Values, pulled.Values);
            Assert.True(pledged.Value(3, 0, TrajectoryVariable.Spending) > none.Value(3, 0, TrajectoryVariable.Spending) * 1.001);
        }
    }

    public class Lanes
    {
        [Theory]
        [InlineData(2.0)]
        [InlineData(0.0)]
        public void Every_term_of_the_net_benefit_is_the_same_in_a_lane_and_alone(double target)
        {
            // Five allies all below a 2 % rule (or without a rule), with troops, entrapment, friction and coercion: each
            // ally's net benefit (security, troops' autonomy cost, the rule's gap at c_d τ, entrapment, friction, coercion,
            // outside option) is the same whether four lanes or the one-at-a-time tail compute it (the order reversed).
            var p = Quiet with { DemandNoise = 1e-9, ReputationWeight = 0.3 };
            SimulationSetup Five(bool reversed)
            {
                var allies = Enumerable.Range(0, 5).Select(i => new AllySetup($"A{i}", $"Ally {i}", 500 + (400 * i), 0.7 + (0.2 * i), 0.01 + (0.005 * i),
                    "korea", 0.6 + (0.05 * i), 10, i % 2 == 0 ? 15 + (5 * i) : 0, 20 + i, 0.2 + (0.1 * i))).ToList();
                if (reversed)
                {
                    allies.Reverse();
                }

                return Setup(allies, p, tau: 0.6, target: target, years: 3,
                    rivals: [new RivalSetup("China", ["korea"], 1.5, 0.05, 0.1, false, "China")],
                    demands: [new DemandSetup("thaad", DemandKind.MissileBasing, "A0", 2020, 3, 0.1, 0.2, 0, false, null, "China", "basing"),
                        new DemandSetup("b2", DemandKind.MissileBasing, "A4", 2021, 3, 0.1, 0.2, 0, false, null, "China", "basing")],
                    frictions: [new FrictionSetup("A0", "A4", 0.4), new FrictionSetup("A1", "A3", 0.2)]);
            }

            var (forward, backward) = (Run(Five(false), 4), Run(Five(true), 4));
            for (var t = 1; t <= 3; t++)
            {
                for (var i = 0; i < 5; i++)
                {
                    var (x, y) = (forward.Value(t, i, TrajectoryVariable.NetBenefit), backward.Value(t, 4 - i, TrajectoryVariable.NetBenefit));
                    Assert.True(double.IsFinite(x), $"year {t}, ally {i}: {x}");
                    Assert.Equal(x, y, 1e-12 * Math.Max(1, Math.Abs(x)));
                }
            }

            Assert.True(forward.Coercion[0] > 0 && forward.Coercion[4] > 0, "both ends must bear the rival's coercion");
        }
    }
}
