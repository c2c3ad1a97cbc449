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
    public void The_schema_names_the_fields_the_parser_reads()
    {
        using var schema = JsonDocument.Parse(BuiltInScenarios.Schema);
        var top = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["allies", "defaults", "description", "doctrine", "name", "nato_allies", "nato_edition", "parameters", "patron", "shocks", "start", "theatres", "title", "years"], top);
    }

    [Theory]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 1.5}\n", "s.yaml:6: field 'transactional'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies:\n  - iso3: Korea\ndoctrine: {transactional: 0.5}\n", "s.yaml:6: field 'iso3'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: meteor, year: 2015, targets: [all]}\n", "s.yaml:8: field 'kind'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: invasion, year: 2030, targets: [all]}\n", "s.yaml:8: field 'year'")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters:\n  publicnes: 0.5\n", "s.yaml:8: field 'publicnes'")]
    public void Errors_name_the_file_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<LinchpinException>(() => ScenarioFile.Parse(text, "s.yaml"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
    }
}
