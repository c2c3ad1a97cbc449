using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>
/// peacesciencer parity to the last value: every column of every row of the 1816–2016 directed frame
/// (ATOP and NMC joined) against the same join written independently in SQL over the shipped tables,
/// which hold the files' values as published.
/// </summary>
public class DyadParityTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public void Morocco_1912_populations_are_NMCs_fractional_values_not_rounded()
    {
        var inputs = ShippedDyadData.Load(DyadJoins.Nmc);
        var table = DyadYears.Build(inputs, new DyadYearRequest(1912, 1912, true, DyadJoins.Nmc)).ToResultTable();
        var morocco = table.Rows.First(r => Convert.ToInt32(r[0]) == 600);
        Assert.Equal(4517.6, (double)morocco[table.IndexOf("tpop1")]!, 10);
        Assert.Equal(173.6444444, (double)morocco[table.IndexOf("upop1")]!, 10);
    }

    [Fact]
    public void Every_column_of_every_row_of_the_1816_2016_frame_matches_the_join_over_the_published_files()
    {
        var store = fixture.Store;
        var inputs = ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc);
        var frame = DyadYears.Build(inputs, new DyadYearRequest(1816, 2016, true, DyadJoins.Atop | DyadJoins.Nmc));
        Assert.Equal(1_912_290, frame.RowCount);
        using var folder = new TempHome();
        var path = Path.Combine(folder.Path, "frame.parquet");
        DyadFrameFile.Write(frame, path);
        var (atop, nmc) = (store.Require("atop_ddy"), store.Require("nmc"));
        string[] atopColumns = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];
        string[] nmcColumns = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"];
        var expected = string.Join(",\n", atopColumns.Select(c => $"coalesce(a.{c}, 0) AS {c}")
            .Prepend("CASE WHEN a.ccode1 IS NULL THEN 0 ELSE 1 END AS atop_alliance")
            .Concat(nmcColumns.Select(c => $"n1.{c} AS {c}1")).Concat(nmcColumns.Select(c => $"n2.{c} AS {c}2")));
        string[] compared = ["atop_alliance", .. atopColumns, .. nmcColumns.Select(c => c + "1"), .. nmcColumns.Select(c => c + "2")];
        var sql = $"""
            WITH f AS (SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')),
            r AS (
              SELECT f.ccode1, f.ccode2, f.year,
              {expected}
              FROM f
              LEFT JOIN {atop} a ON a.ccode1 = f.ccode1 AND a.ccode2 = f.ccode2 AND a.year = f.year
              LEFT JOIN {nmc} n1 ON n1.ccode = f.ccode1 AND n1.year = f.year
              LEFT JOIN {nmc} n2 ON n2.ccode = f.ccode2 AND n2.year = f.year)
            SELECT count(*), {string.Join(", ", compared.Select(c => $"count(*) FILTER (WHERE f.{c} IS DISTINCT FROM r.{c})"))},
                   count(*) FILTER (WHERE f.tpop1 <> round(f.tpop1))
            FROM f JOIN r USING (ccode1, ccode2, year)
            """;
        var row = store.Query(sql).Rows.Single();
        Assert.Equal(1_912_290L, Convert.ToInt64(row[0]));
        var mismatches = compared.Select((c, i) => (Column: c, Count: Convert.ToInt64(row[i + 1]))).Where(m => m.Count != 0).ToList();
        Assert.Empty(mismatches);
        Assert.True(Convert.ToInt64(row[^1]) > 0, "fractional populations survive into the frame");
    }
}
