using Linchpin.Data;
using Linchpin.Data.Importers;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data.Importers;

/// <summary>A COW alliance import never silently replaces an earlier one with nothing, and never moves a date it cannot read.</summary>
public class CowAllianceImportRefusalTests
{
    private const string MemberHeader =
        "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
        + "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version";

    private const string UsRok =
        "236,2,\"United States of America\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,1,0,0,1,4.1\n"
        + "236,732,\"South Korea\",1,10,1953,,,,\"Type III: Entente\",1,10,1953,,,,0,1,0,0,0,1,4.1\n";

    private static long Rows(TempHome home)
    {
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        return Convert.ToInt64(store.Query($"SELECT count(*) FROM {store.Require("cow_alliance_member")}").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_header_only_file_is_refused_at_line_2_and_the_earlier_import_is_kept()
    {
        using var home = new TempHome();
        CowAllianceImporter.Import(home.Write("members.csv", MemberHeader + "\n" + UsRok), home.File("imports"));
        var empty = home.Write("empty.csv", MemberHeader + "\n");
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(empty, home.File("imports")));
        Assert.StartsWith($"{empty}:2: no rows to import", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Rows(home));
    }

    [Fact]
    public void A_header_only_file_replaces_the_earlier_import_only_when_allowed()
    {
        using var home = new TempHome();
        CowAllianceImporter.Import(home.Write("members.csv", MemberHeader + "\n" + UsRok), home.File("imports"));
        var summary = CowAllianceImporter.Import(home.Write("empty.csv", MemberHeader + "\n"), home.File("imports"), allowEmpty: true);
        Assert.Equal(0, Assert.Single(summary.Datasets).Rows);
        Assert.Equal(0, Rows(home));
    }

    [Fact]
    public void A_file_with_a_bad_row_after_good_ones_keeps_the_earlier_import_whole()
    {
        using var home = new TempHome();
        CowAllianceImporter.Import(home.Write("members.csv", MemberHeader + "\n" + UsRok), home.File("imports"));
        var bad = home.Write("bad.csv", MemberHeader + "\n" + UsRok + "10,200,\"United Kingdom\",1,1,1900,,,,\"Type I\",1,1,1900,,,,0,0,x,0,1,0,4.1\n");
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(bad, home.File("imports")));
        Assert.StartsWith($"{bad}:4: field 'defense'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Rows(home));
        Assert.Empty(Directory.EnumerateFileSystemEntries(home.File("imports"), ".*"));
    }

    [Theory]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",31,2,1953,,,,0,1,1,0,0,1,4.1", "mem_st_day", "31 is not a day of that month, which has 28 days")]
    [InlineData("236,2,\"USA\",1,10,1952,,,,\"Type III\",30,2,1952,,,,0,1,1,0,0,1,4.1", "mem_st_day", "30 is not a day of that month, which has 29 days")]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,13,1953,,,,0,1,1,0,0,1,4.1", "mem_st_month", "13 is not a month")]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,0,1953,,,,0,1,1,0,0,1,4.1", "mem_st_month", "0 is not a month")]
    [InlineData("236,2,\"USA\",1,10,1953,,,,\"Type III\",1,10,1953,5,-9,1960,0,1,1,0,0,1,4.1", "mem_end_day", "day 5 is given but the month is unknown")]
    public void An_invalid_date_is_rejected_with_its_line_and_field(string row, string field, string message)
    {
        using var home = new TempHome();
        var path = home.Write("bad.csv", MemberHeader + "\n" + UsRok + row + "\n");
        var error = Assert.Throws<LinchpinException>(() => CowAllianceImporter.Import(path, home.File("imports")));
        Assert.StartsWith($"{path}:4: field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_days_and_months_marked_minus_9_are_the_first_of_the_month_or_year()
    {
        using var home = new TempHome();
        var path = home.Write("m.csv", MemberHeader + "\n"
            + "236,2,\"USA\",1,10,1953,,,,\"Type III\",-9,10,1953,,,,0,1,1,0,0,1,4.1\n"
            + "236,732,\"ROK\",1,10,1953,,,,\"Type III\",-9,-9,1953,,,,0,1,0,0,0,1,4.1\n");
        CowAllianceImporter.Import(path, home.File("imports"));
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        var dates = store.Query($"SELECT mem_st_date FROM {store.Require("cow_alliance_member")} ORDER BY ccode").Rows.Select(r => ToDate(r[0])).ToList();
        Assert.Equal([new DateOnly(1953, 10, 1), new DateOnly(1953, 1, 1)], dates);
    }

    private static DateOnly ToDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidOperationException($"not a date: {value}"),
    };
}
