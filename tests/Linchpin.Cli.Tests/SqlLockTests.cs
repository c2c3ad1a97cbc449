using System.Text.Json;

namespace Linchpin.Cli.Tests;

/// <summary>
/// User SQL (<c>data sql</c>, <c>--where</c>) runs on a store DuckDB itself has locked: every way
/// to reach a file, the network or an extension is refused with one line and exit 2, nothing is
/// read (a canary file's content never appears) and nothing is written.
/// </summary>
public sealed class SqlLockTests : IDisposable
{
    private const string Canary = "canary-7f3a91";

    private readonly CliRunner _cli = new();
    private readonly string _secret;

    public SqlLockTests() => _secret = WriteSecret(_cli.Home);

    public void Dispose() => _cli.Dispose();

    /// <summary>Queries that reach beyond the tables; <c>{secret}</c> is a CSV file holding the canary, <c>{home}</c> its folder.</summary>
    public static TheoryData<string> Exploits() =>
    [
        "SELECT * FROM query('SELECT * FROM rea' || 'd_csv(''{secret}'', header=false, delim='':'')')",
        "SELECT * FROM query('SELECT * FROM ' || chr(39) || '{secret}' || chr(39))",
        "SELECT * FROM read_csv('{secret}')",
        "SELECT * FROM ReAd_CsV('{secret}')",
        "select * from read_csv_auto('{secret}')",
        "SELECT * FROM  '{secret}'",
        "SELECT * FROM\n\t'{secret}'",
        "SELECT * FROM \"{secret}\"",
        "SELECT * FROM query_table('{secret}')",
        "SELECT * FROM query_table(['{secret}'])",
        "SELECT * FROM glob('{home}/*')",
        "SELECT * FROM read_text('{secret}')",
        "SELECT * FROM read_blob('{secret}')",
        "SELECT * FROM read_json_auto('{secret}')",
        "SELECT * FROM read_parquet(['{secret}'])",
        "SELECT * FROM parquet_kv_metadata('{secret}')",
        "SELECT * FROM parquet_metadata('{secret}')",
        "SELECT * FROM sniff_csv('{secret}')",
        "SELECT * FROM us_rok_sma WHERE year IN (SELECT column0 FROM read_csv('{secret}'))",
        "WITH x AS (SELECT * FROM read_text('{secret}')) SELECT * FROM x",
        "SELECT (SELECT content FROM read_text('{secret}')) AS c",
        "SELECT * FROM 'https://example.com/x.csv'",
        "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
        "SELECT * FROM 's3://bucket/x.parquet'",
        "ATTACH '{home}/other.duckdb' AS other",
        "COPY (SELECT 1) TO '{home}/out.csv'",
        "COPY us_rok_sma TO '{home}/out.parquet' (FORMAT parquet)",
        "SET enable_external_access = true",
        "SELECT 1; SET lock_configuration = false",
        "RESET enable_external_access",
        "INSTALL httpfs",
        "LOAD httpfs",
        "CREATE TABLE stolen AS SELECT * FROM read_csv('{secret}')",
        "DROP TABLE us_rok_sma",
    ];

    /// <summary>Conditions that try to become a second query.</summary>
    public static TheoryData<string> ConditionExploits() =>
    [
        "1=0) UNION ALL BY NAME (SELECT * FROM query('SELECT * FROM read_csv(''{secret}'')')",
        "1=0) UNION ALL (SELECT * FROM us_rok_sma",
        "1=0) union all by name (select * from read_text('{secret}')",
        "year IN (SELECT column0 FROM read_csv('{secret}'))",
        "EXISTS (SELECT 1 FROM read_text('{secret}'))",
        "year = (SELECT max(year) FROM us_rok_sma)",
        "1=1) LIMIT (1",
        "1=1) ORDER BY (year",
        "1=1); COPY us_rok_sma TO '{home}/out.csv'; SELECT (1",
        "1=1) GROUP BY (year",
        "length(note) > 0 AND (SELECT count(*) FROM glob('{home}/*')) > 0",
    ];

    [Theory]
    [MemberData(nameof(Exploits))]
    public void Data_sql_refuses_every_way_out_of_the_tables(string template)
    {
        var (exit, output, error) = _cli.Run("data", "sql", Fill(template), "--format", "csv");
        AssertRefused(exit, output, error);
    }

    [Theory]
    [MemberData(nameof(ConditionExploits))]
    public void Data_show_where_is_one_condition_only(string template)
    {
        var (exit, output, error) = _cli.Run("data", "show", "us_rok_sma", "--where", Fill(template), "--format", "json");
        AssertRefused(exit, output, error);
    }

    [Theory]
    [MemberData(nameof(ConditionExploits))]
    public void Data_export_where_is_one_condition_only_and_writes_nothing(string template)
    {
        var file = _cli.File("rows.csv");
        var (exit, output, error) = _cli.Run("data", "export", "us_rok_sma", "--where", Fill(template), "--out", file);
        AssertRefused(exit, output, error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void A_condition_with_functions_and_balanced_parentheses_still_filters()
    {
        var (exit, output, _) = _cli.Run("data", "show", "us_rok_sma", "--where", "year >= 2021) AND (length(coalesce(note, '')) >= 0", "--format", "json");
        Assert.Equal(0, exit);
        var years = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("year").GetInt32()).ToList();
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], years);
    }

    [Fact]
    public void Queries_over_the_tables_still_work_on_a_database_file()
    {
        var db = _cli.File("store.duckdb");
        for (var pass = 0; pass < 2; pass++)
        {
            var (exit, output, error) = _cli.Run("--db", db, "data", "sql", "SELECT count(*) AS n, max(year) AS last FROM us_rok_sma", "--format", "csv");
            Assert.True(exit == 0, error);
            Assert.Equal("n,last\n36,2026", output.Trim());
        }

        var file = _cli.File("recent.csv");
        var export = _cli.Run("--db", db, "data", "export", "us_rok_sma", "--where", "year >= 2025", "--out", file);
        Assert.True(export.Exit == 0, export.Error);
        Assert.Equal(3, File.ReadAllLines(file).Length);
        Assert.Empty(Directory.GetFiles(_cli.Home, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Export_with_a_condition_writes_the_matching_rows_in_every_format()
    {
        foreach (var extension in new[] { ".csv", ".parquet", ".json" })
        {
            var file = _cli.File("sma" + extension);
            var (exit, output, error) = _cli.Run("data", "export", "us_rok_sma", "--where", "year BETWEEN 2021 AND 2022", "--out", file, "--format", "csv");
            Assert.True(exit == 0, error);
            Assert.Equal($"dataset,rows,file\nus_rok_sma,2,{file}", output.Trim());
        }

        Assert.Empty(Directory.GetFiles(_cli.Home, "*tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_query_for_a_url_creates_nothing_under_the_home_folder()
    {
        var home = Path.Combine(Path.GetTempPath(), "linchpin-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            foreach (var sql in new[] { "SELECT * FROM 'https://example.com/x.csv'", "SELECT * FROM read_parquet('s3://bucket/x.parquet')", "INSTALL httpfs" })
            {
                var (exit, output, error) = CliProcess.Run(home, "data", "sql", sql);
                AssertRefused(exit, output, error);
            }

            Assert.False(Directory.Exists(Path.Combine(home, ".duckdb")), "DuckDB created ~/.duckdb");
            Assert.Empty(Directory.GetFileSystemEntries(home, "*extension*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string WriteSecret(string home)
    {
        var path = Path.Combine(home, "secret.csv");
        File.WriteAllText(path, $"secret\n{Canary}\n");
        return path;
    }

    private string Fill(string template) =>
        template.Replace("{secret}", _secret, StringComparison.Ordinal).Replace("{home}", _cli.Home, StringComparison.Ordinal);

    private void AssertRefused(int exit, string output, string error)
    {
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("linchpin: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);

        // Nothing written beside the canary but the unpacked built-in data.
        var written = Directory.GetFileSystemEntries(_cli.Home, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_cli.Home, p))
            .Where(p => p != "secret.csv" && p != "cache" && !p.StartsWith("cache" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(written);
    }
}
