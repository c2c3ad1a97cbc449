using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>Start-year spending on one price basis: NATO's figures for NATO allies, governments' budgets for the others.</summary>
public class StartYearSpendingTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private const string Head = "name: x\nstart: 2019\nyears: 3\npatron: {iso3: USA}\n";

    private (Linchpin.Simulation.SimulationSetup Setup, IReadOnlyList<string> Notes) Resolve(string text) =>
        ScenarioWorld.Resolve(fixture.Store, ScenarioFile.Parse(text, "s.yaml"));

    [Fact]
    public void Korea_2019_starts_from_its_defence_budget_and_the_US_from_NATO_s_figure()
    {
        var (setup, notes) = ScenarioWorld.Resolve(fixture.Store, BuiltInScenarios.Load("sma-2019"));
        var korea = setup.Allies.Single(a => a.Iso3 == "KOR");
        Assert.InRange(korea.PctGdp, 2.3, 2.8);
        Assert.Equal(2.43, korea.PctGdp, 10);
        var nato = AllianceSpendingReader.Nato(fixture.Store, 2019);
        Assert.Equal(nato.Members.Single(m => m.Iso3 == "USA").PctGdp!.Value, setup.Patron.PctGdp, 10);
        Assert.Equal(3.42, Math.Round(setup.Patron.PctGdp, 2), 10); // NATO prints 3.42; the 2019 release holds the unrounded share
        Assert.Equal(0.94, setup.Allies.Single(a => a.Iso3 == "JPN").PctGdp, 10);
        Assert.Contains(notes, n => n.StartsWith("start-year % of GDP, basis nato (NATO edition 2019-06, 2019): USA 3.42", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("start-year % of GDP, basis national-budget (defence_budget_pct_gdp", StringComparison.Ordinal) && n.EndsWith("KOR 2.43", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Philippines_2024_starts_near_one_percent()
    {
        var (setup, _) = ScenarioWorld.Resolve(fixture.Store, BuiltInScenarios.Load("scs-2024"));
        Assert.InRange(setup.Allies.Single(a => a.Iso3 == "PHL").PctGdp, 0.8, 1.4);
        Assert.Equal(0.88, setup.Allies.Single(a => a.Iso3 == "PHL").PctGdp, 10);
    }

    [Fact]
    public void No_built_in_scenario_starts_on_a_mixed_basis()
    {
        foreach (var name in BuiltInScenarios.Names)
        {
            var (_, notes) = ScenarioWorld.Resolve(fixture.Store, BuiltInScenarios.Load(name));
            Assert.DoesNotContain(notes, n => n.Contains("basis mixed", StringComparison.Ordinal) || n.StartsWith("warning", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Reset_2021_starts_the_patron_at_NATO_s_2020_figure_given_in_the_scenario()
    {
        var (setup, notes) = ScenarioWorld.Resolve(fixture.Store, BuiltInScenarios.Load("reset-2021"));
        Assert.Equal(3.73, setup.Patron.PctGdp, 10);
        Assert.Contains("start-year % of GDP, basis scenario (the scenario's pct_gdp): USA 3.73", notes);
        Assert.Equal(2.58, setup.Allies.Single(a => a.Iso3 == "KOR").PctGdp, 10);
        Assert.Equal(0.98, setup.Allies.Single(a => a.Iso3 == "JPN").PctGdp, 10);
    }

    [Fact]
    public void An_ally_without_a_figure_on_the_basis_is_an_error_at_its_line()
    {
        var error = Assert.Throws<LinchpinException>(() => Resolve(Head + "allies:\n  - {iso3: KOR}\n  - {iso3: NZL}\ndoctrine: {transactional: 0.5}\n"));
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.StartsWith("s.yaml:7: field 'pct_gdp': 'NZL' has no 2019 defence spending on the scenario's basis", error.Message, StringComparison.Ordinal);
        Assert.Contains("allow_mixed_basis: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patron_without_a_NATO_figure_is_an_error_at_the_patron_s_line()
    {
        var error = Assert.Throws<LinchpinException>(() => Resolve("name: x\nstart: 2011\nyears: 3\npatron: {iso3: USA}\nallies:\n  - {iso3: KOR}\ndoctrine: {transactional: 0.5}\n"));
        Assert.StartsWith("s.yaml:4: field 'pct_gdp': 'USA' has no 2011", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_allow_mixed_basis_the_ally_starts_from_NMC_over_Maddison_with_a_warning()
    {
        var (setup, notes) = Resolve(Head + "allow_mixed_basis: true\nallies:\n  - {iso3: KOR}\n  - {iso3: NZL}\ndoctrine: {transactional: 0.5}\n");
        var nz = setup.Allies.Single(a => a.Iso3 == "NZL");
        var nmc = fixture.Store.Query("SELECT milex / 1000.0 FROM nmc WHERE ccode = 920 AND year = 2019").Rows.Single()[0];
        var gdp = fixture.Store.Query("SELECT gdppc * pop / 1000 FROM maddison WHERE countrycode = 'NZL' AND year = 2019").Rows.Single()[0];
        Assert.Equal(100 * Convert.ToDouble(nmc) / Convert.ToDouble(gdp), nz.PctGdp, 10);
        Assert.Equal(2.43, setup.Allies.Single(a => a.Iso3 == "KOR").PctGdp, 10);
        var warning = Assert.Single(notes, n => n.StartsWith("warning: NZL", StringComparison.Ordinal));
        Assert.Contains("mixed price basis (NMC 7.0 military expenditure (2019, current US$) over Maddison 2023 GDP (2011 int$, PPP))", warning, StringComparison.Ordinal);
        Assert.Contains(notes, n => n.StartsWith("start-year % of GDP, basis mixed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_s_own_figure_is_allowed_and_named_as_such()
    {
        var (setup, notes) = Resolve(Head + "allies:\n  - {iso3: NZL, pct_gdp: 1.5}\ndoctrine: {transactional: 0.5}\n");
        Assert.Equal(1.5, setup.Allies.Single().PctGdp, 10);
        Assert.Contains("start-year % of GDP, basis scenario (the scenario's pct_gdp): NZL 1.5", notes);
    }
}
