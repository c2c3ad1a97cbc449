using System.Globalization;
using System.Text.Json.Nodes;
using Linchpin.Scenarios;
using NJsonSchema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Tests.Scenarios;

/// <summary>
/// The published JSON Schema (for editors and other tools) and the parser agree: every built-in
/// scenario is valid under the schema, and scenarios the schema rejects for structure, type or
/// range are rejected by the parser too.
/// </summary>
public class ScenarioSchemaTests
{
    // NJsonSchema resolves draft-07 'definitions', not draft 2020-12 '$defs'; the keywords used are otherwise the same.
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(
        BuiltInScenarios.Schema.Replace("$defs", "definitions", StringComparison.Ordinal)
            .Replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal))
        .GetAwaiter().GetResult();

    /// <summary>YAML as JSON: plain scalars that read as numbers or booleans become those, the rest strings.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } when text is "true" or "false" => JsonValue.Create(text == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static ICollection<NJsonSchema.Validation.ValidationError> Validate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Schema.Validate(ToJson(stream.Documents[0].RootNode)!.ToJsonString());
    }

    public static TheoryData<string> Names => [.. BuiltInScenarios.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_built_in_scenario_is_valid_under_the_schema(string name)
    {
        Assert.Empty(Validate(BuiltInScenarios.Load(name).Text));
    }

    private const string Head = "name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\n";

    [Theory]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 1.5}\n")]
    [InlineData("allies:\n  - iso3: Korea\ndoctrine: {transactional: 0.5}\n")]
    [InlineData("allies: [{iso3: KOR, troops: -1}]\ndoctrine: {transactional: 0.5}\n")]
    [InlineData("allies: [{iso3: KOR, democracy: maybe}]\ndoctrine: {transactional: 0.5}\n")]
    [InlineData("allies: [{iso3: KOR, colour: red}]\ndoctrine: {transactional: 0.5}\n")]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: meteor, year: 2015, targets: [all]}\n")]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: invasion, year: 2015, probability: 0.5, targets: [all]}\n")]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters: {publicness: 2}\n")]
    [InlineData("allies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\nparameters: {covariate_window: 0}\n")]
    [InlineData("allow_mixed_basis: perhaps\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 0.5}\n")]
    [InlineData("allies:\n  - iso3: KOR\n    cost_sharing: {currency: KRW bn, payment: 1, expires: 2016, term: 5, patron_value: 1, stationing_cost: 1, host_value: 1, withdrawal_saving: 1, strategic_loss: 1, self_help_cost: 1, patron_demand: 1, indexation: cpi}\ndoctrine: {transactional: 0.5}\n")]
    public void What_the_schema_rejects_the_parser_rejects(string body)
    {
        var text = Head + body;
        Assert.NotEmpty(Validate(text));
        Assert.Throws<LinchpinException>(() => ScenarioFile.Parse(text, "s.yaml"));
    }

    [Fact]
    public void A_scenario_using_every_optional_field_is_valid_under_both()
    {
        var text = Head + "nato_allies: false\nallow_mixed_basis: false\ndefaults: {growth: 0.01, theatre: t, belief: 0.7, alliance_age: 10, outside_option: 0.1, democracy: true, issue_linkage: false, asymmetric: true}\n"
            + "theatres: {t: [KOR]}\n"
            + "allies:\n  - iso3: KOR\n    gdp: 100\n    pct_gdp: 2\n    growth: 0.02\n    theatre: t\n    belief: 0.6\n    troops: 28.5\n    alliance_age: 60\n    outside_option: 0.2\n"
            + "    democracy: true\n    issue_linkage: true\n    asymmetric: true\n"
            + "    cost_sharing: {currency: KRW bn, payment: 1, expires: 2016, term: 5, patron_value: 1, stationing_cost: 1, host_value: 1, withdrawal_saving: 1, strategic_loss: 1, self_help_cost: 1, patron_demand: 1, lapse_risk: 0.1, uncertainty: 0.1, indexation: rate, index_rate: 0.01, index_cap: 0.05}\n"
            + "doctrine: {transactional: 0.5, fair_share_target: 2, pledge: true, changes: [{year: 2016, transactional: 0.9}]}\n"
            + "shocks:\n  - {kind: regime-change, year: 2016, targets: [KOR], threat_jump: 0, signal: 0, entrapment: 0, label: coup}\n"
            + "parameters: {publicness: 0.4, beta_regime_change: 1, beta_democracy: -1, covariate_window: 2}\n";
        Assert.Empty(Validate(text));
        Assert.Equal("x", ScenarioFile.Parse(text, "s.yaml").Name);
    }
}
