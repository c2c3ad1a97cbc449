namespace Linchpin.Cli.Tests;

/// <summary>
/// Bad actors in a scenario (demands, rivals, frictions, the spillover weight): one line naming the
/// file, line and field, exit code 2 from both <c>simulate</c> and <c>scenario validate</c>, nothing written.
/// </summary>
public class ScenarioActorInputTests
{
    private const string Head = "name: x\nstart: 2019\nyears: 5\npatron: {iso3: USA}\n";
    private const string Korea = "allies:\n  - {iso3: KOR, theatre: korea}\ndoctrine: {transactional: 0.5}\n";

    [Theory]
    [InlineData(Head + "allies:\n  - {iso3: KOR, theatre: korea}\n  - {iso3: IND, theatre: india, pct_gdp: 2.4}\ndoctrine: {transactional: 0.5}\ndemands:\n  - {id: q, kind: coalition, year: 2020,\n     ally: IND}\n",
        ":11: field 'ally': 'IND' is in none of USA's treaties (give its 'treaty')")]
    [InlineData(Head + Korea + "demands:\n  - {id: q, kind: coalition, year: 2020,\n     ally: JPN}\n", ":10: field 'ally': 'JPN' is not an ally of the scenario")]
    [InlineData(Head + Korea + "demands:\n  - {id: q, kind: coalition, year: 2020, ally: KOR,\n     partner: JPN}\n", ":10: field 'partner': 'JPN' is not an ally of the scenario")]
    [InlineData(Head + Korea + "demands:\n  - {id: q, kind: missile-basing, year: 2020, ally: KOR,\n     rival: China}\n",
        ":10: field 'rival': 'China' is not a rival of the scenario (list it under rivals first)")]
    [InlineData(Head + Korea + "rivals:\n  - {name: DPRK,\n     theatres: []}\n", ":10: field 'theatres': a rival needs at least one theatre (or ISO3 code) it probes")]
    [InlineData(Head + Korea + "rivals:\n  - {name: DPRK,\n     theatres: [mars]}\n", ":10: field 'theatres': rival 'DPRK' faces no ally: none is in mars")]
    [InlineData(Head + Korea + "parameters:\n  treaty_spillover: 1.5\n", ":9: field 'treaty_spillover': 1.5 is outside [0, 1]")]
    [InlineData(Head + "allies:\n  - {iso3: KOR, theatre: korea}\n  - {iso3: JPN, theatre: japan}\ndoctrine: {transactional: 0.5}\nfrictions:\n  - {level: 0.3,\n     between: [KOR, PHL]}\n",
        ":11: field 'between': 'PHL' is not an ally of the scenario")]
    public void A_bad_actor_is_refused_with_its_line_and_field_and_nothing_is_written(string text, string expected)
    {
        using var cli = new CliRunner();
        var file = cli.File("s.yaml");
        File.WriteAllText(file, text);

        var validate = cli.Run("scenario", "validate", file);
        var simulate = cli.Run("simulate", "--scenario", file, "--runs", "5", "--out", cli.File("out"));

        Assert.Equal(2, simulate.Exit);
        Assert.Equal(2, validate.Exit);
        Assert.Equal($"linchpin: {file}{expected}", simulate.Error.Trim());
        Assert.Equal(simulate.Error, validate.Error);
        Assert.False(Directory.Exists(cli.File("out")));
    }

    [Theory]
    [InlineData("esper-2019")]
    [InlineData("opcon-2020")]
    [InlineData("japan-hns-2021")]
    public void A_new_built_in_scenario_runs_on_the_shipped_data_and_reports_its_allies(string name)
    {
        using var cli = new CliRunner();
        var result = cli.Run("simulate", "--scenario", name, "--runs", "10", "--format", "json");
        Assert.True(result.Exit == 0, result.Error);
        using var document = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.All(document.RootElement.GetProperty("rows").EnumerateArray(), row => Assert.InRange(row.GetProperty("p_hedging").GetDouble(), 0, 1));
    }

    [Fact]
    public void The_same_actors_on_allies_of_the_patron_run()
    {
        using var cli = new CliRunner();
        var file = cli.File("s.yaml");
        File.WriteAllText(file, Head + Korea + "rivals:\n  - {name: DPRK, theatres: [korea]}\ndemands:\n  - {id: q, kind: coalition, year: 2020, ally: KOR}\n");
        var result = cli.Run("simulate", "--scenario", file, "--runs", "20", "--format", "json");
        Assert.Equal(0, result.Exit);
        using var document = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.StartsWith("q: p_accept ", document.RootElement.GetProperty("rows")[0].GetProperty("demands").GetString(), StringComparison.Ordinal);
    }
}
