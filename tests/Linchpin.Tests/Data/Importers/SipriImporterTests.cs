using System.Text;
using Linchpin.Data;
using Linchpin.Data.Importers;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data.Importers;

public class SipriImporterTests
{
    [Fact]
    public void A_long_export_imports_with_COW_codes_and_skips_aggregates()
    {
        using var home = new TempHome();
        var path = home.Write("milex.csv",
            "Entity,Code,Year,military_expenditure_share_gdp\n"
            + "South Korea,KOR,2019,2.67\nJapan,JPN,2019,0.93\nWorld,OWID_WRL,2019,2.2\nJapan,JPN,2020,\n");
        var summary = SipriImporter.Import(path, home.File("imports"));
        Assert.Equal(3, summary.Datasets[0].Rows);
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("sipri_milex");
        var rows = store.Query("SELECT ccode, year, value, measure FROM sipri_milex ORDER BY ccode, year").Rows;
        Assert.Equal([732, 740, 740], rows.Select(r => Convert.ToInt32(r[0])).Order());
        Assert.Null(rows.Single(r => Convert.ToInt32(r[0]) == 740 && Convert.ToInt32(r[1]) == 2020)[2]);
        Assert.All(rows, r => Assert.Equal("military_expenditure_share_gdp", r[3]));
    }

    [Fact]
    public void A_wide_Latin1_sheet_imports_with_names_matched_and_blanks_missing()
    {
        using var home = new TempHome();
        var text = "Country,2017,2018\nC\u00f4te dIvoire,400.5, \nUSA,610000,620000\nKorea, South,\"39000\",40000\nAtlantis,1,2\n";
        // "Korea, South" unquoted would split: the fixture quotes it as SIPRI's sheets do.
        text = text.Replace("Korea, South,\"39000\"", "\"Korea, South\",39000", StringComparison.Ordinal);
        var path = home.File("sipri.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        var summary = SipriImporter.Import(path, home.File("imports"));
        Assert.Equal(8, summary.Datasets[0].Rows);
        Assert.Contains("Atlantis", summary.Datasets[0].Note, StringComparison.Ordinal);
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("sipri_milex");
        var civ = store.Query("SELECT ccode, country, value FROM sipri_milex WHERE iso3 = 'CIV' ORDER BY year").Rows;
        Assert.Equal(437, Convert.ToInt32(civ[0][0]));
        Assert.Equal("C\u00f4te dIvoire", civ[0][1]);
        Assert.Null(civ[1][2]);
        Assert.Equal(732, Convert.ToInt32(store.Query("SELECT ccode FROM sipri_milex WHERE country = 'Korea, South' LIMIT 1").Rows[0][0]));
    }

    [Fact]
    public void A_negative_amount_is_refused_with_its_line_and_column()
    {
        using var home = new TempHome();
        var path = home.Write("neg.csv", "Country,2017,2018\nUSA,610000,-5\n");
        var error = Assert.Throws<LinchpinException>(() => SipriImporter.Import(path, home.File("imports")));
        Assert.StartsWith($"{path}:2: field '2018'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_value_is_refused()
    {
        using var home = new TempHome();
        var path = home.Write("bad.csv", "Entity,Code,Year,x\nJapan,JPN,2019,abc\n");
        var error = Assert.Throws<LinchpinException>(() => SipriImporter.Import(path, home.File("imports")));
        Assert.Equal($"{path}:2: field 'x': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void The_real_files_import()
    {
        using var home = new TempHome();
        var owid = SipriImporter.Import(TestPaths.RequireShared("sipri_owid_military_expenditure_share_gdp.csv"), home.File("imports"));
        Assert.True(owid.Datasets[0].Rows > 7000);
        var wide = SipriImporter.Import(TestPaths.RequireShared("sipri_milex_constant_usd_1949_2018_alley.csv"), home.File("imports"));
        Assert.Equal(173 * 70, wide.Datasets[0].Rows);
        using var store = WorldStore.Open(new StoreOptions(null, home.Path));
        store.Require("sipri_milex");
        var matched = Convert.ToInt64(store.Query("SELECT count(DISTINCT country) FROM sipri_milex WHERE ccode IS NOT NULL").Rows[0][0]);
        Assert.True(matched >= 160, $"only {matched} of 173 countries matched");
    }
}
