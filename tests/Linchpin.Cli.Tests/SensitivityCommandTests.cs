using System.Text.Json;

namespace Linchpin.Cli.Tests;

public class SensitivityCommandTests
{
    [Fact]
    public void The_G_function_with_any_a_vector_reports_its_closed_form_next_to_the_estimate()
    {
        using var cli = new CliRunner();
        var result = cli.Run("sensitivity", "--function", "sobol-g", "--a", "0,2,9", "--samples", "4096", "--resamples", "20", "--format", "json");
        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("outputs")[0].GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);

        // Closed form by hand: V_i = 1/(3(1 + a_i)^2) = 1/3, 1/27, 1/300; V = (4/3)(28/27)(301/300) − 1.
        var v = (4.0 / 3 * 28 / 27 * 301 / 300) - 1;
        Assert.Equal(1.0 / 3 / v, rows[0].GetProperty("s1_exact").GetDouble(), 12);
        foreach (var row in rows)
        {
            Assert.Equal(row.GetProperty("s1_exact").GetDouble(), row.GetProperty("s1").GetDouble(), 0.04);
            Assert.Equal(row.GetProperty("st_exact").GetDouble(), row.GetProperty("st").GetDouble(), 0.04);
        }
    }

    [Fact]
    public void A_scenario_analysis_is_identical_on_one_and_two_threads_and_writes_a_tornado_chart()
    {
        using var cli = new CliRunner();
        string[] args = ["sensitivity", "--scenario", "sma-2019", "--method", "sobol", "--samples", "8", "--seeds", "3", "--parameters", "threat_elasticity,base_hazard,belief_memory",
            "--outputs", "pct_gdp,settlement", "--resamples", "10", "--format", "json"];
        var one = cli.Run([.. args, "--threads", "1", "--plot", cli.File("t.svg")]);
        var two = cli.Run([.. args, "--threads", "2"]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, two.Out);
        Assert.True(File.Exists(cli.File("t-pct_gdp.svg")));
        Assert.True(File.Exists(cli.File("t-settlement.svg")));
        using var json = JsonDocument.Parse(one.Out);
        Assert.Equal(8 * 5, json.RootElement.GetProperty("evaluations").GetInt32());
    }

    [Theory]
    [InlineData("--samples", "1000", "--samples: 1000 must be a power of two")]
    [InlineData("--seeds", "0", "--seeds: 0 must be at least 1")]
    [InlineData("--parameters", "threat_elasticity,no_such_thing", "--parameters: 'no_such_thing' is not a parameter")]
    [InlineData("--outputs", "gdp", "--outputs: 'gdp' is not an output")]
    public void Bad_options_are_one_line_naming_the_option_with_exit_code_2_and_no_plot(string option, string value, string expected)
    {
        using var cli = new CliRunner();
        string[] samples = option == "--samples" ? [] : ["--samples", "8"];
        var result = cli.Run(["sensitivity", "--scenario", "sma-2019", .. samples, option, value, "--plot", cli.File("t.png")]);
        Assert.Equal(2, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(cli.File("t.png")));
    }

    [Theory]
    [InlineData("parameter,lower,upper,source\nthreat_elasticity,0.1,0.5,x\nno_such,0,1,\n", "priors.csv:3: field 'parameter': 'no_such' is not a parameter")]
    [InlineData("parameter,lower,upper,source\nthreat_elasticity,0.5,0.1,x\n", "priors.csv:2: field 'lower': the prior of 'threat_elasticity' has lower 0.5 > upper 0.1")]
    public void A_bad_priors_file_names_its_line_and_field(string text, string expected)
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.File("priors.csv"), text);
        var result = cli.Run("sensitivity", "--scenario", "sma-2019", "--samples", "8", "--priors", cli.File("priors.csv"));
        Assert.Equal(2, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
