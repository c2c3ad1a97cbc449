using Linchpin.Data;
using Linchpin.Data.Importers;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data.Importers;

public class CowAllianceImporterTests
{
    private const string MemberHeader =
        "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
        + "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version";

    // A small fixture in the layout of alliance_v4.1_by_member.csv: US-ROK (one-sided defence) and a two-member pact that ended.
    private const string Members =
        MemberHeader + "\n"
        + "236,2,\"United States of America\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,1,0,0,1,4.1\n"
        + "236,732,\"South Korea\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,0,0,0,1,4.1\n"
        + "10,200,\"United Kingdom\",1,1,1900,31,12,1910,\"Type I: Defense Pact\",1,1,1900,31,12,1910,0,0,1,0,1,0,4.1\n"
        + "10,220,\"France\",1,1,1900,31,12,1910,\"Type I: Defense Pact\",1,1,1900,31,12,1910,0,0,1,0,1,0,4.1\n";

    private const string DirectedHeader =
        "version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,"
        + "left_censor,right_censor,defense,neutrality,nonaggression,entente,version";

    [Fact]
    public void A_member_file_imports_each_members_own_obligations()
    {
        using var home = new TempHome();
        var summary = CowAllianceImporter.Import(home.Write("members.csv", Members), home.File("imports"));
        var table = Assert.Single(summary.Datasets);
        Assert.Equal(("cow_alliance_member", 4L, "4.1"), (table.Name, table.Rows, table.Version));
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("cow_alliance_member");
        var rows = store.Query("SELECT ccode, defense, entente, mem_end_date FROM cow_alliance_member WHERE version4id = 236 ORDER BY ccode").Rows;
        Assert.Equal([2, 1, 1], rows[0].Take(3).Select(Convert.ToInt32));
        Assert.Equal([732, 0, 1], rows[1].Take(3).Select(Convert.ToInt32));
        Assert.Null(rows[0][3]);
        Assert.Equal(DatasetOrigin.Imported, store.Dataset("cow_alliance_member").Origin);
    }

    [Fact]
    public void A_directed_file_keeps_the_direction_of_each_pledge()
    {
        using var home = new TempHome();
        var csv = DirectedHeader + "\n"
            + "236,2,\"United States of America\",732,\"South Korea\",1,10,1953,,,,0,1,1,0,0,1,4.1\n"
            + "236,732,\"South Korea\",2,\"United States of America\",1,10,1953,,,,0,1,0,0,0,1,4.1\n";
        CowAllianceImporter.Import(home.Write("directed.csv", csv), home.File("imports"));
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("cow_alliance_dyad");
        var rows = store.Query("SELECT ccode1, defense, directed FROM cow_alliance_dyad ORDER BY ccode1").Rows;
        Assert.Equal((2, 1, true), (Convert.ToInt32(rows[0][0]), Convert.ToInt32(rows[0][1]), (bool)rows[0][2]!));
        Assert.Equal((732, 0), (Convert.ToInt32(rows[1][0]), Convert.ToInt32(rows[1][1])));
    }

    [Theory]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,10,1953,,,,0,1,2,0,0,1,4.1", 2, "defense")]
    [InlineData("236,abc,\"USA\",1,10,1953,,,,\"Type III\",1,10,1953,,,,0,1,1,0,0,1,4.1", 2, "ccode")]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,10,1953,,,,0,1,1,0,0,1", 2, null)]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,10,1953,1,1,1950,0,1,1,0,0,1,4.1", 2, "mem_end_year")]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,10,,,,,0,1,1,0,0,1,4.1", 2, "mem_st_year")]
    public void A_malformed_row_is_reported_with_file_line_and_field(string row, int line, string? field)
    {
        using var home = new TempHome();
        var path = home.Write("bad.csv", MemberHeader + "\n" + row + "\n");
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(path, home.File("imports")));
        Assert.StartsWith($"{path}:{line}:", error.Message, StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(home.File("imports")) && Directory.EnumerateFiles(home.File("imports")).Any());
    }

    [Fact]
    public void A_file_of_another_kind_is_refused()
    {
        using var home = new TempHome();
        var path = home.Write("other.csv", "a,b,c\n1,2,3\n");
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(path, home.File("imports")));
        Assert.Contains("not a COW Formal Alliances file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        using var home = new TempHome();
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(home.File("absent.csv"), home.File("imports")));
        Assert.Equal(ErrorKind.BadInput, error.Kind);
    }

    [Fact]
    public void The_real_member_file_has_414_alliances_with_NATO_227_and_US_ROK_236()
    {
        var file = TestPaths.RequireShared("alliance_v4.1_by_member.csv");
        using var home = new TempHome();
        var summary = CowAllianceImporter.Import(file, home.File("imports"));
        Assert.Equal("414 alliances", summary.Datasets[0].Note);
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("cow_alliance_member");
        Assert.Equal(414L, store.Query("SELECT count(DISTINCT version4id) FROM cow_alliance_member").Rows[0][0]);
        var nato = store.Query("SELECT ss_type, count(*) FROM cow_alliance_member WHERE version4id = 227 AND mem_st_date = DATE '1949-04-04' GROUP BY ss_type").Rows.Single();
        Assert.Equal("Type I: Defense Pact", nato[0]);
        Assert.Equal(12L, nato[1]);
        var usRok = store.Query("SELECT ccode, ss_type, defense FROM cow_alliance_member WHERE version4id = 236 ORDER BY ccode").Rows;
        Assert.All(usRok, r => Assert.Equal("Type III: Entente", r[1]));
        Assert.Equal(1, Convert.ToInt32(usRok[0][2])); // the United States pledges defence ...
        Assert.Equal(0, Convert.ToInt32(usRok[1][2])); // ... the Republic of Korea does not.
    }

    [Fact]
    public void The_real_directed_file_imports_every_row()
    {
        var file = TestPaths.RequireShared("alliance_v4.1_by_directed.csv");
        using var home = new TempHome();
        var summary = CowAllianceImporter.Import(file, home.File("imports"));
        Assert.Equal(6444, summary.Datasets[0].Rows);
        Assert.Equal("414 alliances, directed", summary.Datasets[0].Note);
    }
}
