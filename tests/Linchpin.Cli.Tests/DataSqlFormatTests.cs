using System.Text.Json;

namespace Linchpin.Cli.Tests;

/// <summary><c>data sql</c> prints list, map and struct columns as DuckDB does, and a number that is not finite as missing in every format.</summary>
public sealed class DataSqlFormatTests : IDisposable
{
    private const string Query = "SELECT ['a', 'b,c', NULL] AS l, [1, NULL, 3] AS n, {'x': 1, 'y': 'z'} AS s, MAP {'k': 'v'} AS m, 'nan'::DOUBLE AS d, 1.5 AS f";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Csv_writes_nested_columns_as_DuckDB_text_and_nan_as_an_empty_field()
    {
        var (exit, output, error) = _cli.Run("data", "sql", Query, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal("l,n,s,m,d,f\n\"[a, 'b,c', NULL]\",\"[1, NULL, 3]\",\"{'x': 1, 'y': z}\",{k=v},,1.5\n", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("System.Collections", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_writes_the_same_text_and_nan_as_null()
    {
        var (exit, output, error) = _cli.Run("data", "sql", Query, "--format", "json");
        Assert.True(exit == 0, error);
        var row = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().Single();
        Assert.Equal("[a, 'b,c', NULL]", row.GetProperty("l").GetString());
        Assert.Equal("[1, NULL, 3]", row.GetProperty("n").GetString());
        Assert.Equal("{'x': 1, 'y': z}", row.GetProperty("s").GetString());
        Assert.Equal("{k=v}", row.GetProperty("m").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("d").ValueKind);
        Assert.Equal(1.5, row.GetProperty("f").GetDouble());
    }

    [Fact]
    public void A_table_prints_the_same_text()
    {
        var (exit, output, error) = _cli.Run("data", "sql", Query);
        Assert.True(exit == 0, error);
        Assert.Contains("{'x': 1, 'y': z}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_value_the_reader_cannot_take_is_one_line_naming_the_column()
    {
        var (exit, output, error) = _cli.Run("data", "sql", "SELECT [[1, NULL]] AS deep", "--format", "csv");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("linchpin: column 'deep': a nested value with missing elements cannot be read; cast the column to VARCHAR in the query", error.Trim());
        Assert.Equal("deep\n\"[[1, NULL]]\"\n", _cli.Run("data", "sql", "SELECT CAST([[1, NULL]] AS VARCHAR) AS deep", "--format", "csv").Out.ReplaceLineEndings("\n"));
    }
}
