using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>Cost-sharing payments over an agreement's term: flat, at a capped rate, or with the host's defence spending (the 11th SMA's rule).</summary>
public class PaymentIndexationTests
{
    private const int Korea = 2;

    /// <summary>The ally KOR's agreement in force from the start year to 2020 (the start year is 2014): seven years, none re-bargained.</summary>
    private static RunBuffer RunWith(PaymentIndexation indexation, double rate = 0, double? cap = null)
    {
        var deal = new CostSharingSetup("KRW bn", 1000, 2021, 5, 3000, 2000, 2000, 1500, 1000, 2500, 5800, 0, 0, indexation, rate, cap);
        var engine = new SimulationEngine(SimulationEngineTests.Setup(new SimulationParameters(BaseHazard: 0), deal: deal, years: 6));
        var buffer = engine.NewBuffer();
        engine.Run(1, 0, buffer);
        return buffer;
    }

    private static double[] Payments(RunBuffer buffer) =>
        [.. Enumerable.Range(0, buffer.Years).Select(t => buffer.Value(t, Korea, TrajectoryVariable.Payment))];

    [Fact]
    public void Without_indexation_the_payment_stays_flat()
    {
        Assert.All(Payments(RunWith(PaymentIndexation.None)), p => Assert.Equal(1000, p));
    }

    [Fact]
    public void A_rate_compounds_each_year_up_to_its_cap()
    {
        var payments = Payments(RunWith(PaymentIndexation.Rate, rate: 0.05, cap: 0.03));
        for (var t = 0; t < payments.Length; t++)
        {
            Assert.Equal(1000 * Math.Pow(1.03, t), payments[t], 1e-9);
        }
    }

    [Fact]
    public void Defence_budget_indexation_follows_the_hosts_spending_growth_of_the_year_before()
    {
        var buffer = RunWith(PaymentIndexation.DefenceBudget);
        var payments = Payments(buffer);
        Assert.Equal(1000 * 1.02, payments[1], 1e-9); // before a simulated year of spending, GDP growth stands in
        for (var t = 2; t < payments.Length; t++)
        {
            var growth = buffer.Value(t - 1, Korea, TrajectoryVariable.Spending) / buffer.Value(t - 2, Korea, TrajectoryVariable.Spending);
            Assert.Equal(payments[t - 1] * growth, payments[t], 1e-9);
            Assert.NotEqual(payments[t - 1] * 1.02, payments[t], 1e-6);
        }
    }
}
