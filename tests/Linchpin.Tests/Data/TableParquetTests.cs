using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>Plain tables written by <see cref="DyadParquet.WriteTable"/> read back through DuckDB.</summary>
public class TableParquetTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly WorldStore _store = fixture.Store;

    [Fact]
    public void A_table_reads_back_with_its_values_and_metadata()
    {
        var path = Path.Combine(Path.GetTempPath(), "linchpin-table-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            using (var file = File.Create(path))
            {
                DyadParquet.WriteTable(
                    [new("run", Integers: [0, 1, 2]), new("iso3", Strings: ["KOR", "JPN", "Türkiye"]), new("pct_gdp", Doubles: [2.5, 1.0, -0.125])],
                    new Dictionary<string, string> { ["linchpin.seed"] = "42" }, file);
            }

            var literal = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
            var read = _store.Query($"SELECT run, iso3, pct_gdp FROM read_parquet({literal}) ORDER BY run");
            Assert.Equal(3, read.Rows.Count);
            Assert.Equal("Türkiye", read.Rows[2][1]);
            Assert.Equal(-0.125, Convert.ToDouble(read.Rows[2][2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, Convert.ToInt32(read.Rows[1][0], System.Globalization.CultureInfo.InvariantCulture));
            var meta = _store.Query($"SELECT decode(value) FROM parquet_kv_metadata({literal}) WHERE decode(key) = 'linchpin.seed'");
            Assert.Equal("42", meta.Rows[0][0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
