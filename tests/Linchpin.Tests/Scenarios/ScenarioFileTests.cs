using System.Text.Json;
using Linchpin.Scenarios;

namespace Linchpin.Tests.Scenarios;

public class ScenarioFileTests
{
    [Fact]
    public void Every_built_in_scenario_parses()
    {
        foreach (var name in BuiltInScenarios.Names)
        {
            var scenario = BuiltInScenarios.Load(name);
            Assert.Equal(name, scenario.Name);
            Assert.Equal(64, scenario.Hash.Length);
        }
    }

    [Fact]
    public void A_mixed_price_basis_is_off_unless_the_scenario_allows_it()
    {
        const string head = "name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\n";
        Assert.False(ScenarioFile.Parse(head, "s.yaml").AllowMixedBasis);
        Assert.True(ScenarioFile.Parse(head + "allow_mixed_basis: true\n", "s.yaml").AllowMixedBasis);
        var error = Assert.Throws<LinchpinException>(() => ScenarioFile.Parse(head + "allow_mixed_basis: 1\n", "s.yaml"));
        Assert.StartsWith("s.yaml:7: field 'allow_mixed_basis'", error.Message, StringComparison.Ordinal);
        Assert.All(BuiltInScenarios.Names, name => Assert.False(BuiltInScenarios.Load(name).AllowMixedBasis));
    }

    [Fact]
    public void The_schema_names_the_fields_the_parser_reads()
    {
        using var schema = JsonDocument.Parse(BuiltInScenarios.Schema);
        var top = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["allies", "allow_mixed_basis", "defaults", "description", "doctrine", "name", "nato_allies", "nato_edition", "parameters", "patron", "shocks", "start", "theatres", "title", "years"], top);
    }

    [Theory]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 1.5}\n", "s.yaml:6: field 'transactional'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies:\n  - iso3: Korea\ndoctrine: {transactional: 0.5}\n", "s.yaml:6: field 'iso3'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: meteor, year: 2015, targets: [all]}\n", "s.yaml:8: field 'kind'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: invasion, year: 2030, targets: [all]}\n", "s.yaml:8: field 'year'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters:\n  publicnes: 0.5\n", "s.yaml:8: field 'publicnes'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters:\n  treaty_spillover: 1.5\n", "s.yaml:8: field 'treaty_spillover': 1.5 is outside [0, 1]")]
    public void Errors_name_the_file_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<LinchpinException>(() => ScenarioFile.Parse(text, "s.yaml"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
    }
}

public class ScenarioHazardCovariateTests
{
    private const string Head = "name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\n";

    [Fact]
    public void Traits_covariate_shocks_and_coefficients_are_read()
    {
        var scenario = ScenarioFile.Parse(
            Head + "defaults: {democracy: true}\nallies:\n  - {iso3: KOR, issue_linkage: true}\n  - {iso3: PHL, democracy: false, asymmetric: false}\n"
            + "doctrine: {transactional: 0.5}\nshocks:\n  - {kind: regime-change, year: 2016, targets: [PHL]}\n  - {kind: outside-alliance, probability: 0.1, targets: [KOR]}\n"
            + "parameters: {beta_regime_change: 1.2, beta_democracy: -0.7, covariate_window: 2}\n",
            "s.yaml");
        Assert.True(scenario.Defaults.Democracy);
        Assert.Equal((true, (bool?)null), (scenario.Allies[0].IssueLinkage ?? false, scenario.Allies[0].Democracy));
        Assert.Equal((false, false), (scenario.Allies[1].Democracy!.Value, scenario.Allies[1].Asymmetric!.Value));
        Assert.Equal([Linchpin.Simulation.ShockKind.RegimeChange, Linchpin.Simulation.ShockKind.OutsideAlliance], scenario.Shocks.Select(s => s.Kind));
        Assert.Equal((1.2, -0.7, 2), (scenario.Parameters.RegimeChangeEffect, scenario.Parameters.DemocracyEffect, scenario.Parameters.CovariateWindow));
        Assert.True(scenario.Parameters.HasHazardCovariates);
        Assert.Empty(scenario.Warnings ?? []);
    }

    [Fact]
    public void A_coefficient_against_the_literatures_sign_is_allowed_with_a_warning_naming_the_line()
    {
        var scenario = ScenarioFile.Parse(
            Head + "allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters:\n  beta_regime_change: 0.5\n  beta_democracy: 0.4\n", "s.yaml");
        var warning = Assert.Single(scenario.Warnings!);
        Assert.StartsWith("s.yaml:9: field 'parameters.beta_democracy'", warning, StringComparison.Ordinal);
        Assert.Contains("negative", warning, StringComparison.Ordinal);
        Assert.Equal(0.4, scenario.Parameters.DemocracyEffect);
    }

    [Theory]
    [InlineData("allies: [{iso3: KOR, democracy: maybe}]\ndoctrine: {transactional: 0.5}\n", "s.yaml:5: field 'democracy'")]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters: {covariate_window: 0}\n", "s.yaml:7: field 'covariate_window'")]
    public void Bad_traits_and_windows_name_the_line(string body, string expected)
    {
        var error = Assert.Throws<LinchpinException>(() => ScenarioFile.Parse(Head + body, "s.yaml"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
