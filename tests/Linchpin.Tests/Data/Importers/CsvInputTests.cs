using System.Text;
using Linchpin.Data.Importers;

namespace Linchpin.Tests.Data.Importers;

public class CsvInputTests
{
    private static CsvInput Parse(string text) => CsvInput.Parse("f.csv", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Rows_know_their_line_numbers_even_after_quoted_line_breaks()
    {
        var input = Parse("a,b\n1,\"x\ny\"\n2,z\n");
        Assert.Equal([2L, 4L], input.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_row_with_too_few_fields_is_reported_with_its_line()
    {
        var error = Assert.Throws<LinchpinException>(() => Parse("a,b\n1,2\n3\n"));
        Assert.Equal("f.csv:3: expected 2 fields as in the header, found 1", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Assert.Throws<LinchpinException>(() => Parse(""));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_markers_read_as_null_never_zero()
    {
        var input = Parse("a,b,c\n,NA,..\n");
        var row = input.Rows[0];
        Assert.Null(row.Number("a"));
        Assert.Null(row.Number("b"));
        Assert.Null(row.Number("c"));
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var input = Parse("a,b\n1,2\n");
        var error = Assert.Throws<LinchpinException>(() => input.RequireColumns("a", "year"));
        Assert.StartsWith("f.csv:1: field 'year': missing column", error.Message, StringComparison.Ordinal);
    }
}
