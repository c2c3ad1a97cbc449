using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class GameCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Shapley_json_names_each_allocation_by_player()
    {
        var input = _cli.File("game.json");
        File.WriteAllText(input, """{"players": ["A","B","C"], "cost": {"A": 10, "B": 8, "C": 6, "A,B": 14, "A,C": 15, "B,C": 12, "A,B,C": 18}}""");
        var (exit, output, error) = _cli.Run("game", "shapley", "--input", input, "--format", "json");
        Assert.True(exit == 0, error);
        var shapley = JsonDocument.Parse(output).RootElement.GetProperty("shapley");
        Assert.Equal(47.0 / 6, shapley.GetProperty("A").GetDouble(), 12);
        Assert.Equal(16.0 / 3, shapley.GetProperty("B").GetDouble(), 12);
        Assert.Equal(29.0 / 6, shapley.GetProperty("C").GetDouble(), 12);
    }

    [Fact]
    public void Rubinstein_gives_the_first_proposer_its_closed_form_share()
    {
        var input = _cli.File("r.json");
        File.WriteAllText(input, """{"delta1": 0.9, "delta2": 0.8, "pie": 1, "outside1": 0, "outside2": 0, "breakdown": 0}""");
        var (exit, output, error) = _cli.Run("game", "rubinstein", "--input", input, "--format", "json");
        Assert.True(exit == 0, error);
        Assert.Contains("0.714285714", output, StringComparison.Ordinal); // (1 - 0.8) / (1 - 0.72)
    }

    [Fact]
    public void An_impossible_parameter_exits_2_naming_file_line_and_field()
    {
        var input = _cli.File("bad.yaml");
        File.WriteAllText(input, "delta1: 0.9\ndelta2: 1.5\npie: 1\n");
        var (exit, _, error) = _cli.Run("game", "rubinstein", "--input", input);
        Assert.Equal(2, exit);
        Assert.StartsWith($"linchpin: {input}:2: field 'delta2'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
