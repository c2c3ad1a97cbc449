using System.Text;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>The dyad frame built from small plain inputs, and its CSV, JSON and Parquet files.</summary>
public class DyadFrameFileTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly WorldStore _store = fixture.Store;

    /// <summary>State 2 all along; state 20 joins on 1900-07-01; state 30 leaves on 1900-03-01, before 20 joins.</summary>
    private static DyadInputs SmallInputs()
    {
        StateSpell[] spells =
        [
            new(2, new DateOnly(1899, 1, 1), new DateOnly(2016, 12, 31)),
            new(20, new DateOnly(1900, 7, 1), new DateOnly(2016, 12, 31)),
            new(30, new DateOnly(1899, 1, 1), new DateOnly(1900, 3, 1)),
        ];
        var atop = new AtopDyadYears([20], [2], [1900], [[1], [0], [0], [1], [0]], new YearRange(1815, 1900));
        var nmc = new StateYearTable(
            [2, 20],
            [1900, 1900],
            [
                .. new[] { "milex", "milper", "irst", "pec", "tpop", "upop" }.Select(n => ValueColumn.OfIntegers(n, ColumnType.Int64, [7, 0], [true, false])),
                ValueColumn.OfDoubles("cinc", [0.25, 0.00001234], [true, true]),
            ]);
        return new DyadInputs(spells, atop, nmc, null);
    }

    private static DyadFrame SmallFrame(bool directed = true) =>
        DyadYears.Build(SmallInputs(), new DyadYearRequest(1899, 1901, directed, DyadJoins.Atop | DyadJoins.Nmc));

    [Fact]
    public void Keys_are_the_years_of_common_days_sorted()
    {
        var frame = SmallFrame();
        var keys = Enumerable.Range(0, frame.RowCount).Select(i => (frame.Ccode1[i], frame.Ccode2[i], frame.Year[i])).ToList();
        Assert.Equal(
            [(2, 20, 1900), (2, 20, 1901), (2, 30, 1899), (2, 30, 1900), (20, 2, 1900), (20, 2, 1901), (30, 2, 1899), (30, 2, 1900)],
            keys);
    }

    [Fact]
    public void Undirected_atop_takes_the_maximum_over_both_directions()
    {
        var frame = SmallFrame(directed: false);
        Assert.Equal(1, frame.Value(0, frame.IndexOf("atop_defense")));
        Assert.Equal(1, frame.Value(0, frame.IndexOf("atop_alliance")));
        Assert.Null(frame.Value(1, frame.IndexOf("atop_alliance")));
    }

    [Fact]
    public void Csv_has_a_header_empty_missing_values_and_shortest_doubles()
    {
        var frame = SmallFrame();
        using var stream = new MemoryStream();
        DyadFrameFile.WriteCsv(frame, stream);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(string.Join(",", frame.Columns.Select(c => c.Name)), lines[0]);
        Assert.Equal("2,20,1900,0,0,0,0,0,0,7,7,7,7,7,7,0.25,,,,,,,1.234e-05", lines[1]);
        Assert.Equal("2,20,1901,,,,,,,,,,,,,,,,,,,,", lines[2]);
        Assert.Equal("20,2,1900,1,1,0,0,1,0,,,,,,,1.234e-05,7,7,7,7,7,7,0.25", lines[5]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(frame.RowCount + 2, lines.Length);
    }

    [Fact]
    public void Json_is_one_object_per_line_with_nulls()
    {
        var frame = SmallFrame();
        using var stream = new MemoryStream();
        DyadFrameFile.WriteJson(frame, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("[\n\t{\"ccode1\":2,\"ccode2\":20,\"year\":1900,\"atop_alliance\":0,", text, StringComparison.Ordinal);
        Assert.Contains("\"cinc2\":0.00001234},\n", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n]\n", text, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal(frame.RowCount, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Parquet_reads_back_with_the_same_values_types_and_nulls()
    {
        var inputs = ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc);
        var frame = DyadYears.Build(inputs, new DyadYearRequest(1990, 1991, true, DyadJoins.Atop | DyadJoins.Nmc));
        using var home = new TempHome();
        var path = home.File("d.parquet");
        Assert.Equal(frame.RowCount, DyadFrameFile.Write(frame, path));
        var schema = _store.Query($"SELECT name, type FROM parquet_schema({WorldStoreLiteral(path)}) WHERE name <> 'schema'");
        Assert.Equal(frame.Columns.Select(c => c.Name), schema.Rows.Select(r => (string)r[0]!));
        Assert.Equal("INT64", schema.Rows.Single(r => (string)r[0]! == "year")[1]);
        Assert.Equal("DOUBLE", schema.Rows.Single(r => (string)r[0]! == "cinc1")[1]);
        var read = _store.Query($"SELECT * FROM read_parquet({WorldStoreLiteral(path)})");
        var expected = frame.ToResultTable();
        Assert.Equal(expected.Rows.Count, read.Rows.Count);
        for (var r = 0; r < read.Rows.Count; r++)
        {
            for (var c = 0; c < read.Columns.Count; c++)
            {
                Assert.Equal(expected.Rows[r][c], read.Rows[r][c]);
            }
        }
    }

    [Fact]
    public void Parquet_of_the_small_frame_keeps_every_null_and_value()
    {
        var frame = SmallFrame();
        using var home = new TempHome();
        var path = home.File("small.parquet");
        DyadFrameFile.Write(frame, path);
        AssertReadsBackAs(frame, path);
    }

    [Fact]
    public void Parquet_over_several_row_groups_with_sparse_early_data_reads_back_exactly()
    {
        // 1816-1939: two row groups, runs of missing NMC values, ATOP runs of zeros.
        var frame = DyadYears.Build(ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc | DyadJoins.Gdp), new DyadYearRequest(1816, 1939, true, DyadJoins.Atop | DyadJoins.Nmc | DyadJoins.Gdp));
        Assert.True(frame.RowCount > DyadParquet.RowGroupSize, $"{frame.RowCount} rows");
        using var home = new TempHome();
        var path = home.File("early.parquet");
        DyadFrameFile.Write(frame, path);
        AssertReadsBackAs(frame, path);
    }

    [Fact]
    public void A_failing_stream_stops_the_parquet_writer_with_its_error()
    {
        var frame = DyadYears.Build(ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc), new DyadYearRequest(1816, 1939, true, DyadJoins.Atop | DyadJoins.Nmc));
        using var stream = new FailingStream(failAfter: 1000);
        var error = Assert.Throws<IOException>(() => DyadParquet.Write(frame, stream));
        Assert.Equal("disk full", error.Message);
    }

    /// <summary>A stream that accepts the first bytes and then fails every write.</summary>
    private sealed class FailingStream(long failAfter) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > failAfter)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer);
        }
    }

    private void AssertReadsBackAs(DyadFrame frame, string path)
    {
        var read = _store.Query($"SELECT * FROM read_parquet({WorldStoreLiteral(path)})");
        Assert.Equal(frame.RowCount, read.Rows.Count);
        for (var r = 0; r < read.Rows.Count; r++)
        {
            for (var c = 0; c < read.Columns.Count; c++)
            {
                var expected = frame.Value(r, c);
                if (!Equals(expected, read.Rows[r][c]))
                {
                    Assert.Fail($"row {r}, {frame.Columns[c].Name}: expected {expected ?? "null"}, read {read.Rows[r][c] ?? "null"}");
                }
            }
        }
    }

    [Fact]
    public void An_unknown_extension_is_refused()
    {
        using var home = new TempHome();
        var error = Assert.Throws<LinchpinException>(() => DyadFrameFile.Write(SmallFrame(), home.File("d.xlsx")));
        Assert.Equal(ErrorKind.BadInput, error.Kind);
    }

    [Theory]
    [InlineData(1.0, "1.0", "1.0")]
    [InlineData(0.0, "0.0", "0.0")]
    [InlineData(0.0001234, "0.0001234", "0.0001234")]
    [InlineData(0.00001234, "1.234e-05", "0.00001234")]
    [InlineData(1e-7, "1e-07", "1e-7")]
    [InlineData(-2.5e-7, "-2.5e-07", "-2.5e-7")]
    [InlineData(1e15, "1000000000000000.0", "1000000000000000.0")]
    [InlineData(1.5e16, "1.5e+16", "15000000000000000.0")]
    [InlineData(1e21, "1e+21", "1e21")]
    [InlineData(2.0 / 3, "0.6666666666666666", "0.6666666666666666")]
    [InlineData(0.28956637, "0.28956637", "0.28956637")]
    public void Doubles_are_written_in_shortest_round_trip_form(double value, string csv, string json)
    {
        Assert.Equal(csv, NumberText.Csv(value));
        Assert.Equal(json, NumberText.Json(value));
        Assert.Equal(value, double.Parse(csv, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string WorldStoreLiteral(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
