namespace Linchpin.Cli.Tests;

public sealed class DyadsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void One_year_as_csv_has_peacesciencers_header_and_US_ROK_row()
    {
        var path = _cli.File("dyads.csv");
        var (exit, _, error) = _cli.Run("dyads", "--from", "1990", "--to", "1990", "--out", path);
        Assert.True(exit == 0, error);
        var lines = System.IO.File.ReadAllLines(path);
        Assert.Equal(
            "ccode1,ccode2,year,atop_alliance,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,"
            + "milex1,milper1,irst1,pec1,tpop1,upop1,cinc1,milex2,milper2,irst2,pec2,tpop2,upop2,cinc2",
            lines[0]);
        Assert.Contains("2,732,1990,1,1,0,0,1,1,289755000,2180,89726,2820314,249907.0,64116.0,0.14144771,10620000,650,24459,122308,42869.0,30100.0,0.017850056", lines);
    }

    [Fact]
    public void Printed_csv_is_the_same_as_the_csv_file()
    {
        var path = _cli.File("d.csv");
        Assert.Equal(0, _cli.Run("dyads", "--from", "1990", "--to", "1990", "--with", "atop,nmc,gdp", "--out", path).Exit);
        var (exit, output, _) = _cli.Run("dyads", "--from", "1990", "--to", "1990", "--with", "atop,nmc,gdp", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Contains(",5.1116316e-05,", output, StringComparison.Ordinal);
        Assert.Equal(System.IO.File.ReadAllText(path), output);
    }

    [Fact]
    public void Missing_values_are_empty_csv_fields()
    {
        var path = _cli.File("dyads2019.csv");
        var (exit, _, _) = _cli.Run("dyads", "--from", "2019", "--to", "2019", "--out", path);
        Assert.Equal(0, exit);
        var usRok = System.IO.File.ReadAllLines(path).Single(l => l.StartsWith("2,732,2019,", StringComparison.Ordinal));
        Assert.StartsWith("2,732,2019,,,,,,,745732000,", usRok, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_output_exits_2_and_writes_nothing()
    {
        var (exit, _, error) = _cli.Run("dyads", "--from", "1816", "--to", "1816", "--out", _cli.File("no/such/dir/x.parquet"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_gets_a_provenance_sidecar_with_the_command_and_dataset_versions()
    {
        var path = _cli.File("d.json");
        var (exit, _, error) = _cli.Run("dyads", "--from", "1990", "--to", "1990", "--with", "nmc,atop", "--out", path);
        Assert.True(exit == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(path + ".provenance.json"));
        var root = json.RootElement;
        Assert.Equal($"linchpin dyads --from 1990 --to 1990 --with nmc,atop --out {path}", root.GetProperty("command").GetString());
        Assert.Equal("atop,nmc", root.GetProperty("parameters").GetProperty("with").GetString());
        Assert.Equal(
            ["cow_states 2016", "atop_ddy 5.1", "nmc 7.0"],
            root.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString() + " " + d.GetProperty("version").GetString()));
    }

    [Fact]
    public void With_db_the_data_come_from_that_database_and_the_rows_are_the_same()
    {
        var db = _cli.File("world.duckdb");
        var (exit, _, error) = _cli.Run("dyads", "--from", "1990", "--to", "1991", "--db", db, "--out", _cli.File("db.csv"));
        Assert.True(exit == 0, error);
        Assert.Equal(0, _cli.Run("dyads", "--from", "1990", "--to", "1991", "--out", _cli.File("files.csv")).Exit);
        Assert.Equal(System.IO.File.ReadAllBytes(_cli.File("files.csv")), System.IO.File.ReadAllBytes(_cli.File("db.csv")));

        // The tables the frame was built from are now kept in the database.
        var (_, output, _) = _cli.Run("data", "sql", "SELECT count(*) AS n FROM linchpin_datasets WHERE name IN ('cow_states', 'atop_ddy', 'nmc')", "--db", db, "--format", "csv");
        Assert.Equal("n\n3", output.Trim().ReplaceLineEndings("\n"));
    }
}
