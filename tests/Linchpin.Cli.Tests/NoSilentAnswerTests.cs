using System.Text.Json;

namespace Linchpin.Cli.Tests;

/// <summary>Answers that used to be wrong without a word: each is now refused with one line, or says what it is.</summary>
public sealed class NoSilentAnswerTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string OneLine(string error)
    {
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("linchpin: ", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public void A_censoring_year_past_the_data_is_a_data_error_and_the_last_year_it_names_is_accepted()
    {
        var (exit, output, error) = _cli.Run("duration", "--censor-year", "3000", "--format", "json");
        Assert.Equal(3, exit);
        Assert.Empty(output);
        var line = OneLine(error);
        Assert.Contains("--censor-year 3000: past the data", line, StringComparison.Ordinal);

        // The message names the latest year allowed; that year runs.
        var latest = line[(line.LastIndexOf("censor at ", StringComparison.Ordinal) + "censor at ".Length)..].Split(' ')[0];
        Assert.InRange(int.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), 2000, 2030);
        Assert.Equal(0, _cli.Run("duration", "--censor-year", latest, "--format", "json").Exit);
        Assert.Equal(3, _cli.Run("duration", "--censor-year", (int.Parse(latest, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit);
    }

    [Fact]
    public void Burden_test_and_burden_shares_give_the_same_exit_for_the_same_missing_gdp()
    {
        // NATO's 2025 figures have no GDP level within two years (Maddison 2023 ends in 2022).
        var test = _cli.Run("burden", "test", "--year", "2025", "--format", "json");
        var shares = _cli.Run("burden", "shares", "--year", "2025", "--format", "json");
        Assert.Equal(3, test.Exit);
        Assert.Equal(3, shares.Exit);
        Assert.Empty(test.Out);
        Assert.Empty(shares.Out);
        Assert.Contains("NATO 2025: 0 of 15 members have both a % of GDP and a GDP level", OneLine(test.Error), StringComparison.Ordinal);
        Assert.Contains("NATO 2025: no money amounts (no GDP level within 2 years)", OneLine(shares.Error), StringComparison.Ordinal);

        // With GDP (2019) both answer.
        Assert.Equal(0, _cli.Run("burden", "test", "--year", "2019", "--format", "csv").Exit);
        Assert.Equal(0, _cli.Run("burden", "shares", "--year", "2019", "--format", "csv").Exit);
    }

    [Theory]
    [InlineData("--from", "2019", "--to", "2100", "--to 2100")]
    [InlineData("--from", "1900", "--to", "2020", "--from 1900")]
    public void A_trend_must_start_and_end_in_the_data(string fromOption, string from, string toOption, string to, string named)
    {
        var (exit, output, error) = _cli.Run("burden", "trend", fromOption, from, toOption, to, "--format", "json");
        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains(named, OneLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Costshare_events_with_a_plot_is_refused_and_writes_no_plot()
    {
        var plot = _cli.File("events.svg");
        var (exit, output, error) = _cli.Run("costshare", "--host", "KOR", "--events", "--plot", plot);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--plot: would have no effect", OneLine(error), StringComparison.Ordinal);
        Assert.False(File.Exists(plot));
        Assert.Equal(0, _cli.Run("costshare", "--host", "KOR", "--events", "--format", "csv").Exit);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--from")]
    [InlineData("--to")]
    public void Similarity_options_of_the_all_dyads_mode_are_refused_without_all(string option)
    {
        var value = option == "--out" ? _cli.File("s.csv") : "2000";
        var (exit, output, error) = _cli.Run("similarity", "--a", "USA", "--b", "KOR", "--year", "2010", option, value);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{option}: would have no effect: it applies only with --all", OneLine(error), StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.File("s.csv")));
    }

    [Fact]
    public void Report_with_json_format_prints_what_it_wrote_instead_of_ignoring_the_format()
    {
        var path = _cli.File("r.html");
        var (exit, output, error) = _cli.Run("report", "--out", path, "--runs", "20", "--format", "json");
        Assert.True(exit == 0, error);
        var row = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal(path, row.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(path).Length, row.GetProperty("bytes").GetInt64());
        Assert.Equal(20, row.GetProperty("runs").GetInt32());
        Assert.Equal(path + ".provenance.json", row.GetProperty("provenance").GetString());
        Assert.True(File.Exists(path + ".provenance.json"));
    }

    [Fact]
    public void A_header_only_alliance_import_is_refused_unless_allowed_and_the_earlier_one_stays()
    {
        const string header = "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
            + "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n";
        var full = _cli.File("members.csv");
        File.WriteAllText(full, header + "236,2,\"United States of America\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,1,0,0,1,4.1\n");
        Assert.Equal(0, _cli.Run("data", "import", "cow-alliances", full).Exit);
        var empty = _cli.File("empty.csv");
        File.WriteAllText(empty, header);

        var (exit, output, error) = _cli.Run("data", "import", "cow-alliances", empty);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"linchpin: {empty}:2: no rows to import", OneLine(error), StringComparison.Ordinal);
        Assert.Equal("1", _cli.Run("data", "sql", "SELECT count(*) AS n FROM cow_alliance_member", "--format", "csv").Out.Split('\n')[1]);

        Assert.Equal(0, _cli.Run("data", "import", "cow-alliances", empty, "--allow-empty").Exit);
        Assert.Equal("0", _cli.Run("data", "sql", "SELECT count(*) AS n FROM cow_alliance_member", "--format", "csv").Out.Split('\n')[1]);
    }
}
