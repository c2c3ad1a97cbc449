using System.Text.Json;

namespace Linchpin.Cli.Tests;

public sealed class DataCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void List_as_csv_names_every_dataset_with_version_years_rows_and_licence()
    {
        var (exit, output, _) = _cli.Run("data", "list", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.Trim().Split('\n');
        Assert.Equal("name,version,years,rows,origin,title,licence", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("atop_ddy,5.1,1815-2018,273296,shipped,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nmc,7.0,1816-2022,17121,shipped,", StringComparison.Ordinal));
    }

    [Fact]
    public void Cite_prints_the_citation_of_one_dataset_as_json()
    {
        var (exit, output, _) = _cli.Run("data", "cite", "atop_ddy", "--format", "json");
        Assert.Equal(0, exit);
        var entry = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().Single();
        Assert.Contains("Leeds", entry.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Equal("5.1", entry.GetProperty("version").GetString());
    }

    [Fact]
    public void Show_with_where_returns_the_matching_rows_and_nulls_for_gaps()
    {
        var (exit, output, _) = _cli.Run("data", "show", "us_rok_sma", "--where", "year IN (2021, 2023)", "--format", "json");
        Assert.Equal(0, exit);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(1183.3, rows[0].GetProperty("krw_billion").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("krw_billion").ValueKind);
    }

    [Fact]
    public void Sql_runs_a_read_only_query()
    {
        var (exit, output, _) = _cli.Run("data", "sql", "SELECT count(*) AS n FROM cow_states WHERE endyear = 2016", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal("n\n195", output.Trim().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("data", "sql", "DELETE FROM nmc")]
    [InlineData("data", "show", "no_such_dataset")]
    [InlineData("data", "show", "nmc", "--where", "no_such_column = 1")]
    [InlineData("data", "export", "nmc", "--out", "x.xlsx")]
    [InlineData("data", "list", "--format", "yaml")]
    [InlineData("data", "frobnicate")]
    [InlineData("dyads", "--from", "2000", "--to", "1990")]
    [InlineData("dyads", "--with", "atop,weather")]
    public void Bad_input_exits_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var (exit, output, error) = _cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("linchpin: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dyads", "--from", "1700", "--to", "1820")]
    [InlineData("dyads", "--from", "2000", "--to", "2999")]
    public void Years_outside_coverage_exit_3(params string[] args)
    {
        var (exit, _, error) = _cli.Run(args);
        Assert.Equal(3, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Export_to_an_unwritable_path_exits_2_and_leaves_no_file()
    {
        var (exit, _, error) = _cli.Run("data", "export", "nmc", "--out", "/proc/linchpin/out.csv");
        Assert.Equal(2, exit);
        Assert.Contains("/proc/linchpin/out.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_parquet_with_the_row_count()
    {
        var path = _cli.File("nmc.parquet");
        var (exit, output, _) = _cli.Run("data", "export", "nmc", "--where", "year = 2016", "--out", path, "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Contains(",195,", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 1000);
        Assert.Empty(Directory.GetFiles(_cli.Home, "*.tmp"));
    }

    [Fact]
    public void Export_to_csv_writes_a_provenance_sidecar_naming_the_dataset_version_and_condition()
    {
        var path = _cli.File("sma.csv");
        var (exit, _, error) = _cli.Run("data", "export", "us_rok_sma", "--where", "year >= 2020", "--out", path);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(path + ".provenance.json"));
        var root = json.RootElement;
        Assert.Equal("us_rok_sma", root.GetProperty("datasets")[0].GetProperty("name").GetString());
        Assert.Equal("2026", root.GetProperty("datasets")[0].GetProperty("version").GetString());
        Assert.Equal("year >= 2020", root.GetProperty("parameters").GetProperty("where").GetString());
        Assert.EndsWith("--where 'year >= 2020' --out " + path, root.GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_as_csv_writes_the_same_bytes_as_an_export_by_the_database()
    {
        // nato_pct_gdp has whole-number doubles (2.0), booleans and fields that need quotes.
        var path = _cli.File("nato.csv");
        Assert.Equal(0, _cli.Run("data", "export", "nato_pct_gdp", "--out", path).Exit);
        var (exit, output, _) = _cli.Run("data", "show", "nato_pct_gdp", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Contains(",2.0,true,", output, StringComparison.Ordinal);
        Assert.Equal(System.IO.File.ReadAllText(path), output);
    }

    [Fact]
    public void An_import_is_visible_to_later_commands()
    {
        var source = _cli.File("milex.csv");
        System.IO.File.WriteAllText(source, "Entity,Code,Year,share\nJapan,JPN,2019,0.93\n");
        var (exit, _, error) = _cli.Run("data", "import", "sipri", source, "--format", "csv");
        Assert.True(exit == 0, error);
        var (listed, output, _) = _cli.Run("data", "sql", "SELECT ccode, value FROM sipri_milex", "--format", "csv");
        Assert.Equal(0, listed);
        Assert.Equal("ccode,value\n740,0.93", output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_malformed_import_names_file_line_and_field()
    {
        var source = _cli.File("bad.csv");
        System.IO.File.WriteAllText(source, "Entity,Code,Year,share\nJapan,JPN,20x9,0.93\n");
        var (exit, _, error) = _cli.Run("data", "import", "sipri", source);
        Assert.Equal(2, exit);
        Assert.Equal($"linchpin: {source}:2: field 'Year': '20x9' is not a whole number", error.Trim());
    }
}
