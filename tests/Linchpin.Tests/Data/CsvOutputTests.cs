using Linchpin.Data;

namespace Linchpin.Tests.Data;

/// <summary>The one rule by which values become CSV fields.</summary>
public class CsvOutputTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { null, "" },
        { 2.0, "2.0" },
        { 0.00001234, "1.234e-05" },
        { 1.5e16, "1.5e+16" },
        { 0.1f, "0.1" },
        { 42, "42" },
        { -7L, "-7" },
        { 1.25m, "1.25" },
        { true, "true" },
        { new DateOnly(2024, 3, 9), "2024-03-09" },
        { new DateTime(2024, 3, 9), "2024-03-09" },
        { new DateTime(2024, 3, 9, 13, 5, 0), "2024-03-09 13:05:00" },
        { "Korea, Republic of", "Korea, Republic of" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Format_writes_values_invariantly_with_doubles_as_the_database_does(object? value, string expected) =>
        Assert.Equal(expected, CsvOutput.Format(value));

    [Fact]
    public void Write_quotes_only_the_fields_that_need_it_and_ends_lines_with_newline()
    {
        using var writer = new StringWriter();
        CsvOutput.Write(writer, ["name", "note"], [["Korea, Republic of", "said \"no\""], ["Japan", null]]);
        Assert.Equal("name,note\n\"Korea, Republic of\",\"said \"\"no\"\"\"\nJapan,\n", writer.ToString());
    }
}
