using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>List, map and struct values are written as DuckDB itself casts them to text; a number that is not finite is missing in CSV and JSON alike.</summary>
public class NestedTextTests
{
    // Each expression is read back as DuckDB.NET returns it and compared with DuckDB's own CAST(... AS VARCHAR).
    public static TheoryData<string> Expressions => new()
    {
        "[1, 2, 3]",
        "[]::INTEGER[]",
        "[NULL::INTEGER, 4]",
        "['a', 'b c', NULL]",
        "['a,b', '', ' x', 'x ', 'NULL', 'null', 'it''s', 'x\"y', '[q]', '{r}', 'a:b', 'a=b', 'x(y)', 'a\\b', 'a\\,b', 'é', 'a;b']",
        "[1.5, 2.0, 1e-7, 1e16, 123456789.0, 0.1, -0.0, 'nan'::DOUBLE, 'inf'::DOUBLE, '-inf'::DOUBLE]",
        "[1.5::FLOAT, 0.1::FLOAT]",
        "[true, false, NULL]",
        "[DATE '2024-03-09']",
        "[TIMESTAMP '2024-03-09 13:05:00', TIMESTAMP '2024-03-09 00:00:00', TIMESTAMP '2024-03-09 13:05:00.25', TIMESTAMP '2024-03-09 13:05:00.123456']",
        "[1.25::DECIMAL(5, 2)]",
        "[9007199254740993::BIGINT]",
        "[[1, 2], [3], []]",
        "{'a': 1, 'b': 'x', 'c': NULL}",
        "{'a b': 1, 'c': 'd,e', 'e''f': [1, 2], 'g': {'h': 'x y'}}",
        "MAP {'k': 1, 'z': 2}",
        "MAP {'k,1': 'v=2', 'z': NULL}",
        "MAP {1: 'x', 2: 'y y'}",
        "[{'a': 1}, {'a': NULL}]",
        "MAP {'s': {'a': [1]}}",
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void A_nested_value_is_written_as_DuckDB_casts_it_to_text(string expression)
    {
        using var home = new TempHome();
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        var row = store.Query($"SELECT {expression} AS v, CAST({expression} AS VARCHAR) AS t").Rows.Single();
        Assert.NotNull(row[0]);
        Assert.Equal((string)row[1]!, CsvOutput.Format(row[0]));
    }

    [Fact]
    public void Json_writes_a_nested_value_as_the_same_text()
    {
        var table = new ResultTable([new("v", typeof(List<string>))], [[new List<string?> { "a,b", null, "c" }]]);
        Assert.Contains("\"v\": \"[\\u0027a,b\\u0027, NULL, c]\"", ResultJson.Text(table), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_number_that_is_not_finite_is_missing_in_csv_and_json(double value)
    {
        Assert.Equal("", CsvOutput.Format(value));
        Assert.Equal("", CsvOutput.Format((float)value));
        var table = new ResultTable([new("x", typeof(double)), new("y", typeof(float))], [[value, (float)value]]);
        Assert.Equal("x,y\n,\n", Csv(table));
        Assert.Contains("\"x\": null", ResultJson.Text(table), StringComparison.Ordinal);
        Assert.Contains("\"y\": null", ResultJson.Text(table), StringComparison.Ordinal);
    }

    private static string Csv(ResultTable table)
    {
        using var writer = new StringWriter();
        CsvOutput.Write(writer, [.. table.Columns.Select(c => c.Name)], table.Rows);
        return writer.ToString();
    }
}
