namespace Linchpin.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void The_summary_is_byte_identical_for_any_thread_count()
    {
        using var cli = new CliRunner();
        var root = Path.Combine(Path.GetTempPath(), "linchpin-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var one = cli.Run("simulate", "--scenario", "sma-2019", "--runs", "300", "--seed", "42", "--threads", "1", "--out", Path.Combine(root, "a"));
            var two = cli.Run("simulate", "--scenario", "sma-2019", "--runs", "300", "--seed", "42", "--threads", "2", "--out", Path.Combine(root, "b"));
            Assert.Equal(0, one.Exit);
            Assert.Equal(0, two.Exit);
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", "summary.csv")), File.ReadAllBytes(Path.Combine(root, "b", "summary.csv")));
            foreach (var file in new[] { "trajectories.parquet", "events.csv", "summary.json", "manifest.json" })
            {
                Assert.True(File.Exists(Path.Combine(root, "a", file)), file);
            }

            var parquet = File.ReadAllBytes(Path.Combine(root, "a", "trajectories.parquet"));
            Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);
            Assert.Equal("PAR1"u8.ToArray(), parquet[^4..]);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies:\n  - {iso3: XYZ}\ndoctrine: {transactional: 0.5}\n", ":6: field 'iso3': 'XYZ' is not a country")]
    [InlineData("name: x\nstart: 2035\nyears: 5\npatron: {iso3: USA}\nallies:\n  - {iso3: KOR}\ndoctrine: {transactional: 0.5}\n", ":2: field 'start': 2035 is past the data")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies:\n  - {iso3: KOR,\n     treaty: 99999}\ndoctrine: {transactional: 0.5}\n", ":7: field 'treaty': 99999 is not an ATOP alliance id")]
    [InlineData("name: x\nstart: 2014\nyears: 5\npatron: {iso3: ZZZ}\nallies:\n  - {iso3: KOR}\ndoctrine: {transactional: 0.5}\n", ":4: field 'iso3': 'ZZZ' is not a country")]
    public void Data_a_scenario_asks_for_and_cannot_have_names_its_line(string text, string expected)
    {
        using var cli = new CliRunner();
        var file = Path.Combine(Path.GetTempPath(), "linchpin-data-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, text);
        try
        {
            var result = cli.Run("simulate", "--scenario", file, "--runs", "10", "--out", file + ".out");
            Assert.Equal(2, result.Exit);
            Assert.Contains(file + expected, result.Error, StringComparison.Ordinal);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.False(Directory.Exists(file + ".out"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_ally_without_a_figure_on_the_scenario_s_basis_fails_at_its_line_unless_a_mixed_basis_is_allowed()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(Path.GetTempPath(), "linchpin-basis-" + Guid.NewGuid().ToString("N") + ".yaml");
        const string body = "allies:\n  - {iso3: KOR}\n  - {iso3: NZL}\ndoctrine: {transactional: 0.5}\n";
        File.WriteAllText(file, "name: x\nstart: 2019\nyears: 3\npatron: {iso3: USA}\n" + body);
        try
        {
            var failed = cli.Run("simulate", "--scenario", file, "--runs", "10", "--out", file + ".out");
            Assert.Equal(2, failed.Exit);
            Assert.Contains(file + ":7: field 'pct_gdp': 'NZL' has no 2019 defence spending on the scenario's basis", failed.Error, StringComparison.Ordinal);
            Assert.Single(failed.Error.Trim().Split('\n'));
            Assert.False(Directory.Exists(file + ".out"));

            File.WriteAllText(file, "name: x\nstart: 2019\nyears: 3\npatron: {iso3: USA}\nallow_mixed_basis: true\n" + body);
            var ran = cli.Run("simulate", "--scenario", file, "--runs", "10", "--out", file + ".out");
            Assert.Equal(0, ran.Exit);
            Assert.StartsWith("warning: NZL starts at ", ran.Error, StringComparison.Ordinal);
            Assert.Contains("on a mixed price basis (NMC 7.0 military expenditure", ran.Error, StringComparison.Ordinal);
            var manifest = File.ReadAllText(Path.Combine(file + ".out", "manifest.json"));
            Assert.Contains("start-year % of GDP, basis national-budget (defence_budget_pct_gdp", manifest, StringComparison.Ordinal);
            Assert.Contains("start-year % of GDP, basis nato (NATO edition 2019-06, 2019): USA 3.42", manifest, StringComparison.Ordinal);
            Assert.Contains("start-year % of GDP, basis mixed (NMC 7.0", manifest, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(file + ".out"))
            {
                Directory.Delete(file + ".out", recursive: true);
            }
        }
    }

    [Fact]
    public void A_bad_scenario_file_is_one_line_with_exit_code_2()
    {
        using var cli = new CliRunner();
        var file = Path.Combine(Path.GetTempPath(), "linchpin-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "name: x\nstart: 2014\nyears: 5\npatron: {iso3: USA}\nallies: [{iso3: KOR}]\ndoctrine: {transactional: 2}\n");
        try
        {
            var result = cli.Run("scenario", "validate", file);
            Assert.Equal(2, result.Exit);
            Assert.Contains($"{file}:6: field 'transactional'", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_backtest_reports_the_json_fields()
    {
        using var cli = new CliRunner();
        var result = cli.Run("backtest", "nato-2014", "--runs", "100", "--format", "json");
        Assert.Equal(0, result.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        foreach (var field in new[] { "spearman", "mae", "bias", "n", "allies", "baselines", "coverage_90", "count_at_target", "hindsight", "beats_every_baseline" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        // The figures themselves are checked against an independent computation in Linchpin.Tests (NatoBacktestTests).
        Assert.Equal(root.GetProperty("n").GetInt32(), root.GetProperty("allies").GetArrayLength());
        Assert.Equal(3, root.GetProperty("baselines").GetArrayLength());
        Assert.Equal(9, root.GetProperty("count_at_target").GetProperty("actual").GetInt32());
        Assert.Equal(root.GetProperty("beats_every_baseline").GetBoolean(), root.GetProperty("verdict").GetArrayLength() == 0);
    }

    [Fact]
    public void The_sma_backtest_reports_the_same_fields_with_undefined_ranks_as_null_and_a_note()
    {
        using var cli = new CliRunner();
        var result = cli.Run("backtest", "sma-2018", "--runs", "200", "--format", "json");
        Assert.True(result.Exit == 0, result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        foreach (var field in new[] { "spearman", "mae", "bias", "n", "agreements", "baselines", "coverage_90", "count_at_target", "count_at_target_note", "beats_every_baseline", "verdict", "fit" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        // The figures are checked against a hand computation in Linchpin.Tests (SmaBacktestTests).
        Assert.Equal(6, root.GetProperty("n").GetInt32());
        Assert.Equal(6, root.GetProperty("agreements").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("count_at_target").ValueKind);
        var carried = root.GetProperty("baselines").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "2018 carried forward");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, carried.GetProperty("spearman").ValueKind);
        Assert.Contains("undefined", carried.GetProperty("spearman_note").GetString(), StringComparison.Ordinal);
        Assert.Equal(1669.0 / 6, carried.GetProperty("mae").GetDouble(), 1e-9);
        Assert.Equal(root.GetProperty("beats_every_baseline").GetBoolean(), root.GetProperty("verdict").GetArrayLength() == 0);

        // An option of the NATO backtests only is refused, not ignored: one line, exit 2.
        var refused = cli.Run("backtest", "sma-2018", "--information", "forecast-date");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--information", refused.Error, StringComparison.Ordinal);
        Assert.Single(refused.Error.Trim().Split('\n'));
    }

    [Fact]
    public void A_posterior_from_another_scenario_is_refused_and_nothing_is_written()
    {
        using var cli = new CliRunner();
        var posterior = cli.File("p.parquet");
        Assert.Equal(0, cli.Run("calibrate", "nato-2014", "--draws", "40", "--accept", "0.25", "--out", posterior).Exit);
        var result = cli.Run("simulate", "--scenario", "sma-2019", "--runs", "10", "--posterior", posterior, "--out", cli.File("out"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("--posterior", result.Error, StringComparison.Ordinal);
        Assert.Contains("not 'sma-2019'", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(cli.File("out")));
        var ok = cli.Run("simulate", "--scenario", "nato-2014", "--runs", "10", "--posterior", posterior, "--format", "csv");
        Assert.Equal(0, ok.Exit);
    }
}
