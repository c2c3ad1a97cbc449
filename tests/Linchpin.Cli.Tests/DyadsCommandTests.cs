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
        Assert.Contains("2,732,1990,1,1,0,0,1,1,289755000,2180,89726,2820314,249907,64116,0.14144771,10620000,650,24459,122308,42869,30100,0.017850056", lines);
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
}
