using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>What the mechanisms leave in a run's record: the event log's fields, the talks' cadence and lapses, an exit's aftermath.</summary>
public class EventRecordTests
{
    private static readonly CostSharingSetup Deal = new("KRW bn", 1038.9, 2020, 2, 2000, 1500, 2700, 1200, 1600, 2600, 5800, LapseRisk: 0, Uncertainty: 0);

    private static SimulationSetup OneHost(CostSharingSetup deal, int years, SimulationParameters? p = null) =>
        new("record", 2019, years, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3),
            [new AllySetup("KOR", "KOR", 2_000, 2.5, 0.02, "korea", 0.75, 10, 0, 20, 0.3, deal)], new Doctrine(0.5, 0, false), [],
            p ?? new SimulationParameters(ThreatVolatility: 0, BaseHazard: 0, BeliefMemory: 0.8, WithdrawalThreatRate: 0));

    private static RunBuffer Run(SimulationSetup setup, long run = 0)
    {
        var engine = new SimulationEngine(setup);
        var buffer = engine.NewBuffer();
        engine.Run(4, run, buffer);
        return buffer;
    }

    [Fact]
    public void Each_event_names_its_ally_and_its_shock_rival_or_demand_and_only_those()
    {
        var setup = AllyLaneTests.Thirteen(reversed: false);
        var buffer = Run(setup);
        var n = setup.Allies.Count;
        Assert.Contains(buffer.Events, e => e.Kind == SimulationEventKind.RivalProbe);
        foreach (var e in buffer.Events)
        {
            switch (e.Kind)
            {
                case SimulationEventKind.Shock:
                    Assert.Equal(-1, e.Ally);
                    Assert.Equal(setup.Shocks[e.Shock].Year, e.Year);
                    Assert.Equal(setup.Shocks[e.Shock].ThreatJump, e.Value);
                    break;
                case SimulationEventKind.RivalProbe:
                    Assert.Equal((-1, 0), (e.Ally, e.Shock));
                    Assert.True(e.Value >= 1 && e.Value == Math.Floor(e.Value));
                    break;
                case SimulationEventKind.DoctrineChange:
                    Assert.Equal((-1, -1), (e.Ally, e.Shock));
                    break;
                default:
                    Assert.InRange(e.Ally, 0, n - 1);
                    Assert.Equal(-1, e.Shock);
                    break;
            }
        }

        // The allies with a large outside option hedge in the first year and leave in the second, at a net benefit
        // below zero; the flags say so, and no one else's.
        int[] unhappy = [0, 5, 10];
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(unhappy.Contains(i), buffer.Hedged[i]);
            Assert.Equal(unhappy.Contains(i), buffer.Exited[i]);
        }

        var hedging = buffer.Events.Where(e => e.Kind == SimulationEventKind.Hedging).ToList();
        var exits = buffer.Events.Where(e => e.Kind == SimulationEventKind.Exit).ToList();
        Assert.Equal(unhappy, hedging.Select(e => e.Ally));
        Assert.Equal(unhappy, exits.Select(e => e.Ally));
        Assert.All(hedging, e => Assert.Equal((2020, true), (e.Year, e.Value < -5)));
        Assert.All(exits, e => Assert.Equal((2021, true), (e.Year, e.Value < -5)));
        Assert.Contains(buffer.Events, e => e.Kind == SimulationEventKind.TroopChange && e.Ally == 0);
    }

    [Fact]
    public void A_settled_agreement_is_bargained_again_when_its_term_ends()
    {
        // A two-year term from 2020: talks in 2020, 2022 and 2024, indexation-free payments in between.
        var buffer = Run(OneHost(Deal, years: 5));
        var settlements = buffer.Events.Where(e => e.Kind == SimulationEventKind.Settlement).ToList();
        Assert.Equal([2020, 2022, 2024], settlements.Select(e => e.Year));
        Assert.All(settlements, e => Assert.Equal((0, -1), (e.Ally, e.Shock)));
        Assert.Equal(settlements[0].Value, buffer.Value(2, 0, TrajectoryVariable.Payment));
        Assert.Equal(buffer.Value(1, 0, TrajectoryVariable.Payment), buffer.Value(2, 0, TrajectoryVariable.Payment));
        Assert.DoesNotContain(buffer.Events, e => e.Kind == SimulationEventKind.Lapse);
    }

    [Fact]
    public void Talks_without_a_zone_of_agreement_lapse_every_year_and_each_lapse_adds_one_to_beta()
    {
        // Neither side gains from the deal: no agreement, so the talks lapse, are tried again the next year, and each
        // lapse is one observation against the patron's commitment.
        var hopeless = Deal with { PatronValue = 1, HostValue = 1, StrategicLoss = 0, SelfHelpCost = 0 };
        var buffer = Run(OneHost(hopeless, years: 3));
        var lapses = buffer.Events.Where(e => e.Kind == SimulationEventKind.Lapse).ToList();
        Assert.Equal([2020, 2021, 2022], lapses.Select(e => e.Year));
        Assert.All(lapses, e => Assert.Equal((0, -1), (e.Ally, e.Shock)));
        Assert.DoesNotContain(buffer.Events, e => e.Kind == SimulationEventKind.Settlement);
        Assert.True(buffer.Lapsed[0]);
        Assert.False(buffer.Settled[0]);

        // Year 1: α = λ α0 + (1 − λ) w s, β = λ β0 + (1 − λ) w (1 − s) + 1, with s = 0.85 · 0.5 + 0.55 · 0.5.
        var s = (0.85 * 0.5) + (0.55 * 0.5);
        var (alpha, beta) = ((0.8 * 7.5) + (0.2 * 10 * s), (0.8 * 2.5) + (0.2 * 10 * (1 - s)) + 1);
        Assert.Equal(alpha / (alpha + beta), buffer.Value(1, 0, TrajectoryVariable.Belief), 1e-12);
    }

    [Fact]
    public void After_leaving_an_ally_spends_its_self_help_and_grows_it_with_gdp()
    {
        // Certain to hedge in year 1 and to leave in year 2 (the self-help factor is ActorTests' case); in year 3 spending
        // grows with GDP, and % of GDP is spending over income in both years.
        var p = new SimulationParameters(ThreatVolatility: 0, BaseHazard: 1e6, BeliefMemory: 0.8, WithdrawalThreatRate: 0, SelfHelpFactor: 1.5);
        var buffer = Run(OneHost(Deal with { Expires = 2100 }, years: 3, p));
        Assert.Equal([AllyStatus.Hedging, AllyStatus.Left, AllyStatus.Left], buffer.StatusByYear.Skip(1).Take(3));
        Assert.Equal(1.02 * buffer.Value(2, 0, TrajectoryVariable.Spending), buffer.Value(3, 0, TrajectoryVariable.Spending), 1e-9);
        for (var t = 2; t <= 3; t++)
        {
            var income = 2_000 * Math.Pow(1.02, t);
            Assert.Equal(100 * buffer.Value(t, 0, TrajectoryVariable.Spending) / income, buffer.Value(t, 0, TrajectoryVariable.PctGdp), 1e-9);
        }
    }
}
