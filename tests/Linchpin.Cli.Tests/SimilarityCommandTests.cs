using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class SimilarityCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Vectors_print_every_measure_as_json_fields()
    {
        // Signorino & Ritter (1999) Table 6: Germany and Russia, 1914.
        var input = _cli.File("v.csv");
        File.WriteAllText(input, "state,a,b\nGMY,3,0\nRUS,0,3\nUKG,0,1\nFRN,0,3\nAUH,3,0\nITA,3,1\n" + string.Concat(Enumerable.Range(0, 14).Select(i => $"S{i},{(i == 5 ? 3 : 0)},0\n")));

        var (exit, output, error) = _cli.Run("similarity", "--vectors", input, "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.03031695, json.GetProperty("taub").GetDouble(), 8);
        Assert.Equal(0.4, json.GetProperty("s").GetDouble(), 12);
        Assert.Equal(-0.07758621, json.GetProperty("kappa").GetDouble(), 8);
        Assert.Equal(-0.04477612, json.GetProperty("pi").GetDouble(), 8);
        Assert.Equal(20, json.GetProperty("states").GetInt32());
    }

    [Fact]
    public void A_dyad_year_reports_the_chosen_measure()
    {
        var (exit, output, error) = _cli.Run("similarity", "--a", "USA", "--b", "KOR", "--year", "2010", "--measure", "s", "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("ccode1").GetInt32());
        Assert.Equal(732, json.GetProperty("ccode2").GetInt32());
        Assert.InRange(json.GetProperty("s").GetDouble(), -1, 1);
        Assert.False(json.TryGetProperty("kappa", out _));
    }

    [Fact]
    public void Every_dyad_year_goes_to_a_file()
    {
        var path = _cli.File("s.csv");

        var (exit, output, error) = _cli.Run("similarity", "--all", "--from", "2000", "--to", "2001", "--measure", "taub", "--out", path, "--format", "json");

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(path);
        Assert.Equal("ccode1,ccode2,year,taub", lines[0]);
        Assert.Equal(JsonDocument.Parse(output).RootElement.GetProperty("rows")[0].GetProperty("rows").GetInt64(), lines.Length - 1);
    }

    [Fact]
    public void A_state_outside_the_system_exits_2_naming_it()
    {
        var (exit, _, error) = _cli.Run("similarity", "--a", "USA", "--b", "KOR", "--year", "1900");

        Assert.Equal(2, exit);
        Assert.StartsWith("linchpin: KOR (South Korea, COW 732) is not in the COW state system in 1900", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void An_unknown_state_code_exits_2_naming_it()
    {
        var (exit, _, error) = _cli.Run("similarity", "--a", "USA", "--b", "XYZ", "--year", "2010");

        Assert.Equal(2, exit);
        Assert.Contains("'XYZ'", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_vector_value_beyond_the_coding_exits_2_naming_file_line_and_field()
    {
        var input = _cli.File("bad.csv");
        File.WriteAllText(input, "state,a,b\nGMY,3,0\nRUS,0,7\n");

        var (exit, _, error) = _cli.Run("similarity", "--vectors", input);

        Assert.Equal(2, exit);
        Assert.StartsWith($"linchpin: {input}:3: field 'b'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_beyond_the_alliance_data_is_a_data_error()
    {
        var (exit, _, error) = _cli.Run("similarity", "--a", "USA", "--b", "KOR", "--year", "2020");

        Assert.Equal(3, exit);
        Assert.Contains("2020", error, StringComparison.Ordinal);
    }
}
