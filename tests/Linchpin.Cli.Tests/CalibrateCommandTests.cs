namespace Linchpin.Cli.Tests;

/// <summary><c>linchpin calibrate</c>: bad input is one line naming the field, exit 2, nothing written.</summary>
public class CalibrateCommandTests
{
    [Theory]
    [InlineData("parameter,lower,upper,source\nthreat_elasticity,0.1,0.5,x\nno_such,0,1,\n", "priors.csv:3: field 'parameter': 'no_such' is not a parameter")]
    [InlineData("parameter,lower,upper,source\npledge_pull,3,1,x\n", "priors.csv:2: field 'lower': the prior of 'pledge_pull' has lower 3 > upper 1")]
    public void A_bad_priors_file_names_its_line_and_field_and_writes_nothing(string text, string expected)
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.File("priors.csv"), text);
        var result = cli.Run("calibrate", "nato-2014", "--priors", cli.File("priors.csv"), "--draws", "40", "--out", cli.File("p.parquet"));
        Assert.Equal(2, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(cli.File("p.parquet")));
        Assert.False(File.Exists(cli.File("p.json")));
    }

    [Fact]
    public void An_unknown_parameter_is_refused_before_any_run()
    {
        using var cli = new CliRunner();
        var result = cli.Run("calibrate", "nato-2014", "--parameters", "threat_elasticity,no_such", "--out", cli.File("p.parquet"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("--parameters: 'no_such' is not a parameter", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(cli.File("p.parquet")));
    }

    [Fact]
    public void A_calibration_writes_the_posterior_its_summary_and_the_summary_s_provenance_together()
    {
        using var cli = new CliRunner();
        var result = cli.Run("calibrate", "nato-2014", "--parameters", "threat_elasticity", "--draws", "40", "--accept", "0.25", "--out", cli.File("p.parquet"));
        Assert.True(result.Exit == 0, result.Error);
        Assert.True(File.Exists(cli.File("p.parquet")));
        Assert.Contains("\"threat_elasticity\"", File.ReadAllText(cli.File("p.json")), StringComparison.Ordinal);
        Assert.Contains("\"seed\": \"42\"", File.ReadAllText(cli.File("p.json.provenance.json")), StringComparison.Ordinal);
    }
}
