using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class ExpectedUtilityCommandTests : IDisposable
{
    private const string European = """
        actors:
          - {name: Netherlands, capability: 0.08, position: 4, salience: 0.8}
          - {name: Belgium, capability: 0.08, position: 7, salience: 0.4}
          - {name: Luxembourg, capability: 0.03, position: 4, salience: 0.2}
          - {name: Germany, capability: 0.16, position: 4, salience: 0.8}
          - {name: France, capability: 0.16, position: 10, salience: 0.6}
          - {name: Italy, capability: 0.16, position: 10, salience: 0.6}
          - {name: UK, capability: 0.16, position: 10, salience: 0.9}
          - {name: Ireland, capability: 0.05, position: 7, salience: 0.1}
          - {name: Denmark, capability: 0.05, position: 4, salience: 1.0}
          - {name: Greece, capability: 0.08, position: 7, salience: 0.7}
        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Examples => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "models", "examples");

    [Fact]
    public void Json_gives_the_initial_median_and_weighted_mean_and_the_rounds()
    {
        var input = _cli.File("ec.yaml");
        File.WriteAllText(input, European);
        var (exit, output, error) = _cli.Run("game", "expected-utility", "--input", input, "--rounds", "3", "--format", "json");
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(7, root.GetProperty("initialMedian").GetDouble());
        Assert.Equal(7.389956, root.GetProperty("initialWeightedMean").GetDouble(), 6);
        var rounds = root.GetProperty("rounds");
        Assert.Equal(root.GetProperty("roundsPlayed").GetInt32() + 1, rounds.GetArrayLength());
        Assert.Equal(10, rounds[0].GetProperty("UK").GetDouble());
    }

    [Fact]
    public void Csv_prints_one_row_per_round_with_every_actor()
    {
        var input = _cli.File("ec.json");
        File.WriteAllText(input, """{"actors": [{"name": "A", "capability": 1, "position": 0, "salience": 0.5}, {"name": "B", "capability": 2, "position": 1, "salience": 0.5}]}""");
        var (exit, output, error) = _cli.Run("game", "expected-utility", "--input", input, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.StartsWith("round,median,condorcet,weightedMean,A,B", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-korea-hormuz-2019.yaml")]
    [InlineData("eu-nato-5-percent-2025.yaml")]
    public void The_examples_run_and_draw(string name)
    {
        var plot = _cli.File("positions.svg");
        var (exit, output, error) = _cli.Run("game", "expected-utility", "--input", Path.Combine(Examples, name), "--format", "json", "--plot", plot);
        Assert.True(exit == 0, error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("forecast").GetDouble() >= 0);
        Assert.True(File.Exists(plot));
        Assert.True(File.Exists(plot + ".provenance.json"));
    }

    [Theory]
    [InlineData("actors:\n  - {name: A, capability: 1, position: 0, salience: 1.5}\n  - {name: B, capability: 1, position: 1, salience: 0.5}\n", 2, "salience")]
    [InlineData("actors:\n  - {name: A, capability: 1, position: 0, salience: 0.5}\n  - {name: B, capability: -1, position: 1, salience: 0.5}\n", 3, "capability")]
    [InlineData("actors:\n  - {name: A, capability: 1, position: 0, salience: 0.5}\n", 2, "actors")]
    [InlineData("actors:\n  - {name: A, capability: 1, position: 3, salience: 0.5}\n  - {name: B, capability: 1, position: 3, salience: 0.5}\n", 2, "position")]
    [InlineData("q: 1.2\nactors:\n  - {name: A, capability: 1, position: 0, salience: 0.5}\n  - {name: B, capability: 1, position: 1, salience: 0.5}\n", 1, "q")]
    [InlineData("t: -0.1\nactors:\n  - {name: A, capability: 1, position: 0, salience: 0.5}\n  - {name: B, capability: 1, position: 1, salience: 0.5}\n", 1, "t")]
    public void Bad_input_exits_2_with_one_line_naming_file_line_and_field(string text, int line, string field)
    {
        var input = _cli.File("bad.yaml");
        File.WriteAllText(input, text);
        var (exit, _, error) = _cli.Run("game", "expected-utility", "--input", input);
        Assert.Equal(2, exit);
        Assert.StartsWith($"linchpin: {input}:{line}: field '{field}'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
