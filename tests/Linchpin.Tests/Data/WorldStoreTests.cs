using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

public class WorldStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly WorldStore _store = fixture.Store;

    [Fact]
    public void Nmc_values_for_the_United_States_in_1990_are_those_of_NMC_7()
    {
        _store.Require("nmc");
        var row = _store.Query("SELECT milex, tpop, cinc FROM nmc WHERE ccode = 2 AND year = 1990").Rows.Single();
        Assert.Equal(289755000L, row[0]);
        Assert.Equal(249907L, row[1]);
        Assert.Equal(0.14144771, (double)row[2]!, 12);
    }

    [Fact]
    public void Missing_values_stay_missing_and_are_never_zero()
    {
        _store.Require("nmc");
        // NMC codes missing as -9; the shipped file has them empty, and they must load as NULL.
        var missing = (long)_store.Query("SELECT count(*) FROM nmc WHERE milex IS NULL").Rows[0][0]!;
        var negative = (long)_store.Query("SELECT count(*) FROM nmc WHERE milex < 0 OR milper < 0").Rows[0][0]!;
        Assert.True(missing > 0);
        Assert.Equal(0, negative);
        _store.Require("us_rok_sma");
        var sma2023 = _store.Query("SELECT krw_billion FROM us_rok_sma WHERE year = 2023").Rows.Single();
        Assert.Null(sma2023[0]);
    }

    [Fact]
    public void Atop_state_years_give_the_United_States_19_alliances_in_2018()
    {
        _store.Require("atop_sy");
        Assert.Equal(19L, Convert.ToInt64(_store.Query("SELECT number FROM atop_sy WHERE state = 2 AND year = 2018").Rows.Single()[0]));
    }

    [Fact]
    public void Atop_401_has_NATO_as_3180_and_US_ROK_3240_as_a_defence_pact()
    {
        _store.Require("atop_alliance");
        _store.Require("atop_member");
        var nato = _store.Query("SELECT list(member ORDER BY member) FROM atop_member WHERE atopid = 3180 AND yrent = 1949").Rows.Single()[0];
        var founders = ((System.Collections.IEnumerable)nato!).Cast<object>().Select(Convert.ToInt32).ToList();
        Assert.Equal([2, 20, 200, 210, 211, 212, 220, 235, 325, 385, 390, 395], founders);
        var usRok = _store.Query("SELECT defense, begyr FROM atop_alliance WHERE atopid = 3240").Rows.Single();
        Assert.Equal(1, Convert.ToInt32(usRok[0]));
        Assert.Equal(1953, Convert.ToInt32(usRok[1]));
    }

    [Theory]
    [InlineData("DROP TABLE nmc")]
    [InlineData("SELECT 1; DROP TABLE nmc")]
    [InlineData("INSERT INTO nmc VALUES (1,1,1,1,1,1,1,1,1)")]
    [InlineData("COPY nmc TO 'x.csv'")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("ATTACH 'other.duckdb'")]
    public void User_queries_are_read_only(string sql)
    {
        // A user query locks its store, so each gets its own.
        using var home = new TempHome();
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        var error = Assert.Throws<LinchpinException>(() => store.QueryReadOnly(sql));
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_dataset_is_named_in_the_error()
    {
        var error = Assert.Throws<LinchpinException>(() => _store.Require("no_such_data"));
        Assert.Contains("'no_such_data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_COW_alliance_data_are_importable_not_shipped()
    {
        var error = Assert.Throws<LinchpinException>(() => _store.Require("cow_alliance_member"));
        Assert.Contains("linchpin data import cow-alliances", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    [InlineData(".json")]
    public void Export_round_trips_values_and_missing_values(string extension)
    {
        using var home = new TempHome();
        var path = home.File("sma" + extension);
        _store.Require("us_rok_sma");
        var rows = _store.Export("SELECT year, krw_billion FROM us_rok_sma ORDER BY year", path);
        Assert.Equal(36, rows);
        var reader = extension switch
        {
            ".csv" => $"read_csv('{path}', header = true, columns = {{'year': 'INTEGER', 'krw_billion': 'DOUBLE'}})",
            ".parquet" => $"read_parquet('{path}')",
            _ => $"read_json('{path}')",
        };
        var back = _store.Query($"SELECT year, krw_billion FROM {reader} WHERE year IN (2021, 2023) ORDER BY year").Rows;
        Assert.Equal(1183.3, Convert.ToDouble(back[0][1]), 10);
        Assert.Null(back[1][1]);
        Assert.Empty(Directory.GetFiles(home.Path, "*.tmp"));
    }

    [Fact]
    public void Export_to_a_missing_folder_fails_cleanly_and_writes_nothing()
    {
        _store.Require("nmc");
        var error = Assert.Throws<LinchpinException>(() => _store.Export("SELECT * FROM nmc", "/no/such/folder/x.csv"));
        Assert.Contains("/no/such/folder/x.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_to_an_unknown_extension_is_bad_input()
    {
        var error = Assert.Throws<LinchpinException>(() => _store.Export("SELECT 1", "out.xlsx"));
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_file_keeps_loaded_tables_for_the_next_open()
    {
        using var home = new TempHome();
        var db = home.File("world.duckdb");
        using (var first = WorldStore.Open(new StoreOptions(db, home.Path)))
        {
            first.Require("cow_states");
        }

        using var second = WorldStore.Open(new StoreOptions(db, home.Path));
        // Without Require, the table is already there from the first session.
        Assert.Equal(243L, second.Query("SELECT count(*) FROM cow_states").Rows[0][0]);
    }
}
