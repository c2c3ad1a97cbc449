using Linchpin.Simulation;
using Linchpin.Tests.TestSupport;
using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>The shipped store and the member-exit estimate on it, made once.</summary>
public sealed class MemberExitFixture : IDisposable
{
    private readonly StoreFixture _store = new();

    public MemberExitFixture() => Estimate = MemberExitHazard.Estimate(_store.Store);

    public Linchpin.Data.WorldStore Store => _store.Store;

    public MemberExitEstimate Estimate { get; }

    public void Dispose() => _store.Dispose();
}

/// <summary>The member-exit hazard fitted on ATOP member-years, and the defaults taken from it.</summary>
public class MemberExitHazardTests(MemberExitFixture fixture) : IClassFixture<MemberExitFixture>
{
    [Fact]
    public void The_simulations_hazard_defaults_are_the_fit_on_the_shipped_data_to_the_digits_given()
    {
        var e = fixture.Estimate;
        var fit = e.Covariates;
        Assert.Equal(42, fit.Events);
        Assert.Equal(34384, fit.Observations);
        Assert.Equal(MemberExitDefaults.BaseHazard, e.BaseHazard, 7);
        Assert.Equal(MemberExitDefaults.BaseHazardSe, e.BaseHazardSe, 7);
        Assert.Equal(MemberExitDefaults.Shape, e.Shape, 3);
        Assert.Equal(MemberExitDefaults.ShapeSe, fit.Se("ln_age_30"), 4);
        Assert.Equal(MemberExitDefaults.PowerChange, fit["beta_power_change"], 3);
        Assert.Equal(MemberExitDefaults.PowerChangeSe, fit.Se("beta_power_change"), 3);
        Assert.Equal(MemberExitDefaults.OutsideAlliance, fit["beta_outside_alliance"], 4);
        Assert.Equal(MemberExitDefaults.OutsideAllianceSe, fit.Se("beta_outside_alliance"), 4);
        Assert.Equal(MemberExitDefaults.Asymmetric, fit["beta_asymmetric"], 3);
        Assert.Equal(MemberExitDefaults.AsymmetricSe, fit.Se("beta_asymmetric"), 4);

        var defaults = new SimulationParameters();
        Assert.Equal(
            [MemberExitDefaults.BaseHazard, MemberExitDefaults.Shape, MemberExitDefaults.PowerChange, MemberExitDefaults.OutsideAlliance, MemberExitDefaults.Asymmetric],
            [defaults.BaseHazard, defaults.HazardShape, defaults.PowerChangeEffect, defaults.OutsideAllianceEffect, defaults.AsymmetryEffect]);
    }

    [Fact]
    public void The_sample_counts_members_leaving_a_standing_alliance_not_whole_treaties_ending()
    {
        var spells = MemberExitHazard.Spells(fixture.Store);
        var e = fixture.Estimate;
        Assert.Equal(spells.Count, e.Spells);
        Assert.Equal(spells.Count(s => s.Exited), e.Exits);
        Assert.All(spells, s => Assert.True(s.AllianceBegin >= MemberExitHazard.FirstYear && s.Entry <= s.Last && s.Last <= MemberExitHazard.LastYear));

        // The member-level hazard is far below the 0.0179 at which whole post-1945 treaties end.
        var memberYears = spells.Sum(s => s.Last - s.Entry + 1);
        Assert.Equal(e.Baseline.Observations, memberYears);
        Assert.InRange((double)e.Exits / memberYears, 0.0005, 0.005);
    }

    [Fact]
    public void The_fitted_parameters_are_labelled_fitted_on_ATOP_member_years_with_a_prior_of_two_standard_errors()
    {
        foreach (var (name, estimate, se) in new[]
        {
            ("base_hazard", MemberExitDefaults.BaseHazard, MemberExitDefaults.BaseHazardSe),
            ("hazard_shape", MemberExitDefaults.Shape, MemberExitDefaults.ShapeSe),
            ("beta_power_change", MemberExitDefaults.PowerChange, MemberExitDefaults.PowerChangeSe),
            ("beta_outside_alliance", MemberExitDefaults.OutsideAlliance, MemberExitDefaults.OutsideAllianceSe),
            ("beta_asymmetric", MemberExitDefaults.Asymmetric, MemberExitDefaults.AsymmetricSe),
        })
        {
            var info = ParameterRegistry.Get(name, "test");
            Assert.Equal(ParameterBasis.Fitted, info.Basis);
            Assert.Contains("ATOP 4.01 member-years 1945-2016", info.Source, StringComparison.Ordinal);
            Assert.Equal(estimate + (2 * se), info.Upper, 12);
            Assert.Equal(Math.Max(name == "base_hazard" ? 0 : name == "hazard_shape" ? 0.1 : double.NegativeInfinity, estimate - (2 * se)), info.Lower, 12);
            Assert.Equal(estimate, info.Read(new SimulationParameters()));
        }
    }

    public class Complementary_log_log
    {
        [Theory]
        [InlineData(1000, 37)]
        [InlineData(250, 1)]
        [InlineData(40, 39)]
        public void An_intercept_only_fit_is_the_closed_form(int n, int d)
        {
            // MLE: p = d/n, h = −ln(1 − p), b = ln h; information n(1 − p)h²/p.
            var fit = ClogLogRegression.Fit(["intercept"], [.. Enumerable.Range(0, n).Select(_ => new[] { 1.0 })], [.. Enumerable.Range(0, n).Select(i => i < d)]);
            var p = (double)d / n;
            var h = -Math.Log(1 - p);
            Assert.Equal(Math.Log(h), fit["intercept"], 6);
            Assert.Equal(Math.Sqrt(p / (n * (1 - p) * h * h)), fit.Se("intercept"), 6);
            Assert.Equal((d * Math.Log(p)) + ((n - d) * Math.Log(1 - p)), fit.LogLikelihood, 6);
        }

        [Fact]
        public void A_known_coefficient_is_recovered_within_three_standard_errors()
        {
            var random = new SimRandom(17, 0);
            var rows = new List<double[]>();
            var events = new List<bool>();
            for (var k = 0; k < 40000; k++)
            {
                var x = random.NextDouble() < 0.5 ? 1.0 : 0.0;
                var hazard = Math.Exp(-4 + (0.7 * x));
                rows.Add([1, x]);
                events.Add(random.NextDouble() < 1 - Math.Exp(-hazard));
            }

            var fit = ClogLogRegression.Fit(["intercept", "x"], rows, events);
            Assert.InRange(fit["x"], 0.7 - (3 * fit.Se("x")), 0.7 + (3 * fit.Se("x")));
            Assert.InRange(fit["intercept"], -4 - (3 * fit.Se("intercept")), -4 + (3 * fit.Se("intercept")));
            Assert.True(fit.Se("x") < 0.1, $"{fit.Se("x")}");
        }
    }
}
