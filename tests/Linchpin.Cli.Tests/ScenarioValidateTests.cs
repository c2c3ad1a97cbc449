namespace Linchpin.Cli.Tests;

/// <summary><c>scenario validate</c> refuses what <c>simulate</c> refuses, with the same line.</summary>
public class ScenarioValidateTests
{
    private const string Head = "name: x\nstart: 2014\nyears: 5\n";

    [Theory]
    [InlineData(Head + "patron: {iso3: USA}\nallies:\n  - {iso3: XXX}\ndoctrine: {transactional: 0.5}\n", ":6: field 'iso3': 'XXX' is not a country")]
    [InlineData(Head + "patron: {iso3: ZZZ}\nallies:\n  - {iso3: KOR}\ndoctrine: {transactional: 0.5}\n", ":4: field 'iso3': 'ZZZ' is not a country")]
    [InlineData(Head + "patron: {iso3: USA}\nallies:\n  - {iso3: KOR}\n  - {iso3: USA}\ndoctrine: {transactional: 0.5}\n", ":7: field 'iso3': 'USA' is the patron; an ally must be another state")]
    [InlineData(Head + "patron: {iso3: USA}\nallies:\n  - {iso3: KOR, theatre: korea}\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: invasion, year: 2015,\n     targets: [korea, mars]}\n",
        ":10: field 'targets': 'mars' is neither an ally's theatre (korea) nor an ally's ISO3 code, nor 'all'")]
    public void Validate_and_simulate_refuse_with_the_same_located_line(string text, string expected)
    {
        using var cli = new CliRunner();
        var file = cli.File("s.yaml");
        File.WriteAllText(file, text);

        var validate = cli.Run("scenario", "validate", file);
        var simulate = cli.Run("simulate", "--scenario", file, "--runs", "5", "--out", cli.File("out"));

        Assert.Equal(2, validate.Exit);
        Assert.Equal(2, simulate.Exit);
        Assert.StartsWith($"linchpin: {file}{expected}", validate.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(validate.Error.Trim().Split('\n'));
        Assert.Equal(validate.Error, simulate.Error);
        Assert.False(Directory.Exists(cli.File("out")));
    }

    [Fact]
    public void A_valid_scenario_is_reported_in_every_format()
    {
        using var cli = new CliRunner();
        var file = cli.File("s.yaml");
        File.WriteAllText(file, Head + "patron: {iso3: USA}\nallies:\n  - {iso3: KOR, theatre: korea, pct_gdp: 2.5}\n  - {iso3: JPN, theatre: korea, pct_gdp: 1.0}\ndoctrine: {transactional: 0.5}\nshocks:\n  - {kind: invasion, year: 2015, targets: [korea]}\n");

        var json = cli.Run("scenario", "validate", file, "--format", "json");
        Assert.Equal(0, json.Exit);
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        var row = document.RootElement[0];
        Assert.Equal(2, row.GetProperty("allies").GetInt32());
        Assert.True(row.GetProperty("valid").GetBoolean());
        var csv = cli.Run("scenario", "validate", file, "--format", "csv");
        Assert.StartsWith("file,name,start,years,allies,shocks,valid\n", csv.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
