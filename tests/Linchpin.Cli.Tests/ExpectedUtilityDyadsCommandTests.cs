namespace Linchpin.Cli.Tests;

public sealed class ExpectedUtilityDyadsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("sometimes")]
    [InlineData("1.5")]
    public void A_risk_that_is_neither_a_number_in_range_nor_computed_is_refused_in_one_line(string risk)
    {
        var (exit, _, error) = _cli.Run("dyads", "--from", "1816", "--to", "1816", "--with", "eu", "--eu-risk", risk);
        Assert.Equal(2, exit);
        Assert.Contains("--eu-risk", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Computed_risk_fills_the_risk_columns_and_is_recorded_in_the_provenance()
    {
        var path = _cli.File("eu.csv");
        var (exit, _, error) = _cli.Run("dyads", "--from", "1816", "--to", "1816", "--with", "eu", "--eu-risk", "computed", "--out", path);
        Assert.True(exit == 0, error);
        var lines = System.IO.File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.Equal(["ccode1", "ccode2", "year", "eu_taub", "eu_wt_ij", "eu_wt_ji", "eu_wr_pij", "eu_wr_pji", "eu_risk_i", "eu_risk_j"], header);
        var risks = lines.Skip(1).Select(l => l.Split(',')[8]).Where(v => v.Length > 0).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(risks);
        Assert.All(risks, r => Assert.InRange(r, -1, 1));
        Assert.True(risks.Distinct().Count() > 3);
        Assert.Contains("\"computed\"", System.IO.File.ReadAllText(path + ".provenance.json"), StringComparison.Ordinal);
    }
}
