using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class LandscapeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Input_file_gives_the_minimum_energy_coalitions_by_name()
    {
        var input = _cli.File("l.yaml");
        File.WriteAllText(input, """
            actors:
              - {name: A, size: 1}
              - {name: B, size: 2}
              - {name: C, size: 3}
              - {name: D, size: 1}
            propensity:
              "A,B": 1
              "C,D": 1
              "A,C": -1
              "B,D": -1
            """);

        var (exit, output, error) = _cli.Run("landscape", "--input", input, "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        var coalitions = json.GetProperty("coalitions").EnumerateArray().Select(c => c.EnumerateArray().Select(n => n.GetString()).ToArray()).ToArray();
        Assert.Equal([["A", "B"], ["C", "D"]], coalitions);
        // Apart: A–C (−3) and B–D (−2), each counted twice.
        Assert.Equal(-10, json.GetProperty("energy").GetDouble(), 12);
        Assert.Equal(8, json.GetProperty("configurations").GetInt64());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("other_local_minima").ValueKind);
    }

    [Fact]
    public void A_propensity_naming_an_unknown_actor_exits_2_naming_it()
    {
        var input = _cli.File("bad.json");
        File.WriteAllText(input, "{\"actors\": [{\"name\": \"A\", \"size\": 1}, {\"name\": \"B\", \"size\": 1}],\n \"propensity\": {\"A,Z\": 1}}");

        var (exit, _, error) = _cli.Run("landscape", "--input", input);

        Assert.Equal(2, exit);
        Assert.StartsWith($"linchpin: {input}:2: field 'propensity': 'Z' in 'A,Z' is not an actor", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Derived_propensities_use_the_states_of_that_year()
    {
        var (exit, output, error) = _cli.Run("landscape", "--year", "1936", "--states", "GMY,FRN,ITA,UKG,RUS,POL", "--derive-propensities", "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, json.GetProperty("actors").GetInt32());
        Assert.Equal(6, json.GetProperty("coalitions").EnumerateArray().Sum(c => c.GetArrayLength()));
    }

    [Fact]
    public void A_derived_state_outside_the_system_exits_2_naming_it()
    {
        var (exit, _, error) = _cli.Run("landscape", "--year", "1936", "--states", "GMY,FRN,KOR", "--derive-propensities");

        Assert.Equal(2, exit);
        Assert.Contains("KOR", error, StringComparison.Ordinal);
        Assert.Contains("1936", error, StringComparison.Ordinal);
    }
}
