using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class BurdenCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private JsonElement Json(params string[] args)
    {
        var (exit, output, error) = _cli.Run([.. args, "--format", "json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("rows");
    }

    [Fact]
    public void Burden_json_has_one_object_per_member_and_23_of_31_meet_two_percent_in_2024()
    {
        var members = Json("burden", "--alliance", "nato", "--year", "2024").EnumerateArray().ToList();
        Assert.Equal(31, members.Count);
        Assert.All(members, m =>
        {
            Assert.Equal(JsonValueKind.String, m.GetProperty("iso3").ValueKind);
            Assert.Equal(JsonValueKind.String, m.GetProperty("country").ValueKind);
            Assert.Equal(JsonValueKind.Number, m.GetProperty("pct_gdp").ValueKind);
            Assert.Equal("2024-06", m.GetProperty("edition").GetString());
        });
        Assert.Equal(23, members.Count(m => m.GetProperty("meets_target").GetBoolean()));
    }

    [Theory]
    [InlineData("2016", false, "2019-06", 4)]
    [InlineData("2016", true, "2017-02", 5)]
    [InlineData("2022", true, "2023-03", 7)]
    public void As_published_gives_the_count_NATO_published_at_the_time(string year, bool asPublished, string edition, int meeting)
    {
        string[] args = asPublished ? ["burden", "--year", year, "--as-published"] : ["burden", "--year", year];
        var members = Json(args).EnumerateArray().ToList();
        Assert.All(members, m => Assert.Equal(edition, m.GetProperty("edition").GetString()));
        Assert.Equal(meeting, members.Count(m => m.GetProperty("meets_target").ValueKind == JsonValueKind.True));
    }

    [Fact]
    public void Burden_test_with_rho_and_n_prints_table_9s_two_sided_p_value()
    {
        var row = Json("burden", "test", "--rho", "0.07", "--n", "15", "--controls", "2").EnumerateArray().Single();
        Assert.Equal(11, row.GetProperty("df").GetInt32());
        Assert.Equal(0.82, row.GetProperty("p_two_sided").GetDouble(), 0.015);
    }

    [Fact]
    public void Burden_path_gives_every_ally_its_yearly_increase_to_the_hague_targets()
    {
        var rows = Json("burden", "path", "--year", "2024").EnumerateArray().ToList();
        Assert.Equal(31, rows.Count);
        var spain = rows.Single(r => r.GetProperty("iso3").GetString() == "ESP");
        Assert.Equal(Math.Round((3.5 - 1.28) / 11, 4), spain.GetProperty("needed_per_year_3_5").GetDouble(), 10);
        Assert.True(spain.GetProperty("needed_per_year_5").GetDouble() > spain.GetProperty("needed_per_year_3_5").GetDouble());
    }

    [Theory]
    [InlineData(new[] { "burdn" }, "unknown command 'burdn': did you mean 'burden'?")]
    [InlineData(new[] { "report", "--runs", "abc" }, "as a whole number")]
    [InlineData(new[] { "burden", "--year", "2019", "--format", "XML" }, "as a format (table, csv or json)")]
    public void Parse_errors_name_the_word_and_no_dotnet_type(string[] args, string expected)
    {
        var (exit, _, error) = _cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Edition_option_picks_the_release_and_2023_counts_11_of_30()
    {
        var members = Json("burden", "--year", "2023", "--edition", "2023-07").EnumerateArray().ToList();
        Assert.Equal(30, members.Count);
        Assert.Equal(11, members.Count(m => m.GetProperty("meets_target").GetBoolean()));
    }

    [Fact]
    public void Target_option_measures_the_gap_to_three_and_a_half_percent()
    {
        var poland = Json("burden", "--year", "2024", "--target", "3.5").EnumerateArray().Single(m => m.GetProperty("iso3").GetString() == "POL");
        Assert.True(poland.GetProperty("meets_target").GetBoolean());
        var spain = Json("burden", "--year", "2024", "--target", "3.5").EnumerateArray().Single(m => m.GetProperty("iso3").GetString() == "ESP");
        Assert.Equal(3.5 - 1.28, spain.GetProperty("gap_pp").GetDouble(), 10);
    }

    [Fact]
    public void Test_json_names_the_statistics_and_the_gdp_of_each_member()
    {
        var members = Json("burden", "test", "--alliance", "nato", "--year", "2019", "--edition", "2019-06").EnumerateArray().ToList();
        Assert.Equal(28, members.Count);
        var first = members[0];
        foreach (var field in new[] { "iso3", "country", "pct_gdp", "gdp", "spearman_rho", "spearman_p", "kendall_tau", "kendall_p", "n" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0.0312, first.GetProperty("spearman_rho").GetDouble(), 4);
        Assert.Equal(28, first.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Trend_shows_the_year_without_figures_as_a_gap()
    {
        var years = Json("burden", "trend", "--from", "2019", "--to", "2021").EnumerateArray().ToList();
        Assert.Equal([2019, 2020, 2021], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(JsonValueKind.Null, years[1].GetProperty("meeting_2").ValueKind);
        Assert.True(years[2].GetProperty("partial").GetBoolean());
        Assert.Equal(7, years[0].GetProperty("meeting_2").GetInt32());
    }

    [Fact]
    public void Shares_by_gdp_assign_the_whole_total()
    {
        var members = Json("burden", "shares", "--year", "2019", "--edition", "2019-06", "--rule", "gdp").EnumerateArray()
            .Where(m => m.GetProperty("assigned").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(members.Sum(m => m.GetProperty("actual").GetDouble()), members.Sum(m => m.GetProperty("assigned").GetDouble()), 6);
        Assert.Equal(1.3648, members.Single(m => m.GetProperty("iso3").GetString() == "USA").GetProperty("ratio").GetDouble(), 4);
    }

    [Fact]
    public void Exposure_rule_assigns_by_rival_capabilities_discounted_by_distance()
    {
        var members = Json("burden", "shares", "--year", "2019", "--edition", "2019-06", "--rule", "exposure").EnumerateArray().ToList();
        double Share(string iso3) => members.Single(m => m.GetProperty("iso3").GetString() == iso3).GetProperty("rule_share").GetDouble();

        // Allies next to Russia carry more exposure than Portugal; the US homeland is far from every rival.
        Assert.True(Share("POL") > Share("PRT"));
        Assert.True(Share("LTU") > Share("PRT"));
        Assert.True(Share("USA") < Share("PRT"), "Washington is farther from the alliance's rivals than Lisbon");
        Assert.Equal(1, members.Where(m => m.GetProperty("rule_share").ValueKind == JsonValueKind.Number).Sum(m => m.GetProperty("rule_share").GetDouble()), 10);
    }

    [Fact]
    public void Any_atop_alliance_works_from_nmc_with_the_price_basis_caveat()
    {
        var (exit, output, error) = _cli.Run("burden", "test", "--alliance", "3180", "--year", "1970");
        Assert.True(exit == 0, error);
        Assert.Contains("price-basis caveat", output, StringComparison.Ordinal);
        Assert.Contains("USA", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Costshare_json_gives_the_sma_amounts()
    {
        var years = Json("costshare", "--host", "KOR").EnumerateArray().ToList();
        var y2021 = years.Single(y => y.GetProperty("period").GetString() == "2021");
        Assert.Equal(1183.3, y2021.GetProperty("amount").GetDouble(), 10);
        Assert.Equal(13.9, y2021.GetProperty("change_pct").GetDouble(), 1);
        Assert.Equal(JsonValueKind.Null, years.Single(y => y.GetProperty("period").GetString() == "2023").GetProperty("amount").ValueKind);
    }

    [Fact]
    public void Plots_are_written_as_png_and_svg()
    {
        var png = _cli.File("targets.png");
        var svg = _cli.File("sma.svg");
        Assert.Equal(0, _cli.Run("burden", "--year", "2024", "--plot", png).Exit);
        Assert.Equal(0, _cli.Run("costshare", "--host", "KOR", "--plot", svg).Exit);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
        var provenance = File.ReadAllText(png + ".provenance.json");
        Assert.Contains("\"nato_pct_gdp\"", provenance, StringComparison.Ordinal);
        Assert.Contains("us_rok_sma", File.ReadAllText(svg + ".provenance.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "unknown NATO edition '1999-01'", "burden", "--year", "2024", "--edition", "1999-01")]
    [InlineData(3, "no NATO figures for 2030", "burden", "--year", "2030")]
    [InlineData(2, "unknown target '7'", "burden", "--year", "2024", "--target", "7")]
    [InlineData(2, "unknown rule 'wealth'", "burden", "shares", "--year", "2019", "--rule", "wealth")]
    [InlineData(2, "neither 'nato' nor an ATOP alliance id", "burden", "--alliance", "warsaw", "--year", "1970")]
    [InlineData(2, "use a .png or .svg file", "burden", "--year", "2024", "--plot", "x.gif")]
    [InlineData(2, "KOR and JPN", "costshare", "--host", "DEU")]
    [InlineData(2, "unknown country", "costshare", "--host", "XYZ")]
    public void Bad_input_is_one_line_and_a_documented_exit_code(int code, string message, params string[] args)
    {
        var (exit, _, error) = _cli.Run(args);
        Assert.Equal(code, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Report_writes_one_self_contained_html_file()
    {
        var path = _cli.File("report.html");
        var (exit, _, error) = _cli.Run("report", "--out", path, "--runs", "20");
        Assert.True(exit == 0, error);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("NATO in 2024", html, StringComparison.Ordinal);
        Assert.Contains("Special Measures Agreements", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("Bolt, Jutta", html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.Home, "*.tmp*"));
        var provenance = JsonDocument.Parse(File.ReadAllText(path + ".provenance.json")).RootElement;
        Assert.Contains("\"maddison\"", provenance.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("20", provenance.GetProperty("parameters").GetProperty("runs").GetString());
        Assert.Equal(42, provenance.GetProperty("seed").GetInt64());
        Assert.Equal("2024-06", provenance.GetProperty("parameters").GetProperty("nato_edition").GetString());
    }

    [Fact]
    public void Report_opens_with_key_judgements_and_contents_and_prints_no_float_noise()
    {
        var path = _cli.File("brief.html");
        var (exit, output, error) = _cli.Run("report", "--out", path, "--runs", "5", "--seed", "7");
        Assert.True(exit == 0, error);
        Assert.Contains(Path.GetFullPath(path), output, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(path) + ".provenance.json", output, StringComparison.Ordinal);
        var html = File.ReadAllText(path);
        var judgements = html.IndexOf("Key judgements", StringComparison.Ordinal);
        Assert.InRange(judgements, 0, html.IndexOf("<nav class=\"toc\">", StringComparison.Ordinal));
        Assert.True(html.IndexOf("<nav class=\"toc\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"nato\">", StringComparison.Ordinal));
        Assert.Contains("23 of 31 NATO allies spent at least 2% of GDP on defence in 2024", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<details open>", html, StringComparison.Ordinal);
        Assert.Contains("1,038.9", html, StringComparison.Ordinal);
        Assert.Contains("projection at signing", html, StringComparison.Ordinal);
        Assert.Contains("Snyder, Glenn H. 1984", html, StringComparison.Ordinal);
        var text = System.Text.RegularExpressions.Regex.Replace(html, "data:image/png;base64,[A-Za-z0-9+/=]+", "");
        // Float noise (0.6299999999999999, 0.30000000000000004), not a small figure printed to its digits (0.0004942).
        Assert.DoesNotMatch(@"\d\.\d{10,}", text);
        var provenance = JsonDocument.Parse(File.ReadAllText(path + ".provenance.json")).RootElement;
        Assert.Equal(7, provenance.GetProperty("seed").GetInt64());
        Assert.Equal("5", provenance.GetProperty("parameters").GetProperty("runs").GetString());
    }

    [Fact]
    public void Report_simulation_section_is_byte_identical_for_the_same_seed()
    {
        string Report(string name, string seed)
        {
            var path = _cli.File(name);
            var (exit, _, error) = _cli.Run("report", "--out", path, "--runs", "20", "--seed", seed);
            Assert.True(exit == 0, error);
            return File.ReadAllText(path);
        }

        var first = Report("a.html", "7");
        var second = Report("b.html", "7");
        var other = Report("c.html", "8");
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("Simulation: the doctrine comparison on the built-in scenarios", first, StringComparison.Ordinal);
        Assert.Contains("an ensemble of 20 runs with seed 7", first, StringComparison.Ordinal);
        foreach (var name in Linchpin.Scenarios.BuiltInScenarios.Names)
        {
            Assert.Contains($"<h3>{name}: ", first, StringComparison.Ordinal);
            Assert.Contains(Linchpin.Scenarios.BuiltInScenarios.Load(name).Hash, first, StringComparison.Ordinal);
        }

        Assert.Contains("distribution of the first settled SMA payment", first, StringComparison.Ordinal);
        Assert.Contains("<td>KOR</td><td>transactional (τ = 1)</td>", first.Replace("&#964;", "τ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<tr><td>random seed</td><td>7</td></tr>", first, StringComparison.Ordinal);
        var start = first.IndexOf("<h2>Simulation: the doctrine", StringComparison.Ordinal);
        var end = first.IndexOf("id=\"validation\"", start, StringComparison.Ordinal);
        var simulation = first[start..end];
        // Two fan charts per scenario (8) and the SMA histogram for the four with a Korean agreement.
        Assert.Equal(20, simulation.Split("data:image/png;base64,").Length - 1);
        Assert.Contains("<td>hormuz</td><td>KOR</td>", first, StringComparison.Ordinal);
        // The fan charts show the observed path, one source per ally, and say what the band includes.
        var captions = System.Net.WebUtility.HtmlDecode(simulation);
        Assert.Contains("the observed path (DEU observed (NATO); POL observed (NATO))", captions, StringComparison.Ordinal);
        Assert.Contains("the observed path (KOR observed (national budget); JPN observed (national budget))", captions, StringComparison.Ordinal);
        Assert.Contains("bands: shock and threat noise only; parameters are fixed at the scenario's values", captions, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_into_a_missing_folder_fails_cleanly()
    {
        var (exit, _, error) = _cli.Run("report", "--out", Path.Combine(_cli.Home, "no", "such", "folder", "r.html"));
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
