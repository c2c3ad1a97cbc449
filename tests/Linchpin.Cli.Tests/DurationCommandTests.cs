using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class DurationCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private Dictionary<string, JsonElement> Json(params string[] args)
    {
        var (exit, output, error) = _cli.Run(["duration", .. args, "--format", "json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("quantity").GetString()!);
    }

    [Fact]
    public void Json_gives_the_model_9_baseline_on_the_shipped_file()
    {
        var rows = Json();
        Assert.Equal(745, rows["alliances"].GetProperty("value").GetDouble());
        Assert.Equal(334, rows["censored"].GetProperty("value").GetDouble());
        Assert.Equal(0.03065, rows["hazard"].GetProperty("value").GetDouble(), 5);
        Assert.Equal(411, rows["hazard"].GetProperty("events").GetInt32());
        Assert.Equal(514.0 / 24, rows["km_median"].GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(0.5167, rows["km_survival_20"].GetProperty("value").GetDouble(), 4);
        Assert.Equal(0.0098, rows["hazard_age_50_plus"].GetProperty("value").GetDouble(), 4);
        Assert.Equal(0.750, rows["weibull_shape"].GetProperty("value").GetDouble(), 3);
        Assert.Equal(0.0179, rows["hazard_formed_1945_or_later"].GetProperty("value").GetDouble(), 4);
    }

    [Fact]
    public void Censor_year_leaves_out_later_alliances_and_table_names_the_data()
    {
        var rows = Json("--censor-year", "1945");
        Assert.Equal(216, rows["alliances"].GetProperty("value").GetDouble());
        Assert.Equal(529, rows["left_out"].GetProperty("value").GetDouble());
        var (exit, table, _) = _cli.Run("duration");
        Assert.Equal(0, exit);
        Assert.Contains("ATOP 4.01", table, StringComparison.Ordinal);
        Assert.Contains("not a published estimate", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_censor_year_before_every_alliance_is_bad_input()
    {
        var (exit, _, error) = _cli.Run("duration", "--censor-year", "1800");
        Assert.Equal(2, exit);
        Assert.StartsWith("linchpin: --censor-year 1800: no alliance began before it", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
