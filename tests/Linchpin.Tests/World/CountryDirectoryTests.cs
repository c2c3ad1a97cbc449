using Linchpin.World;

namespace Linchpin.Tests.World;

public class CountryDirectoryTests
{
    private readonly CountryDirectory _countries = CountryDirectory.Shipped;

    [Theory]
    [InlineData("KOR", 732)]
    [InlineData("ROK", 732)]
    [InlineData("732", 732)]
    [InlineData("usa", 2)]
    [InlineData("DEU", 255)]
    [InlineData("GMY", 255)]
    [InlineData("JPN", 740)]
    [InlineData("PHL", 840)]
    public void Codes_resolve_by_ISO3_COW_abbreviation_or_number(string text, int code)
    {
        Assert.Equal(code, _countries.Resolve(text).Code.Value);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("1234")]
    [InlineData("")]
    public void Unknown_codes_are_named_in_the_error(string text)
    {
        var error = Assert.Throws<LinchpinException>(() => _countries.Resolve(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Membership_spells_come_from_the_state_system()
    {
        var germany = _countries.Resolve("255");
        Assert.True(germany.InSystem(1939));
        Assert.False(germany.InSystem(1946));
        Assert.True(germany.InSystem(1990));
        Assert.Equal(2, germany.Spells.Count);
        Assert.Equal(new DateOnly(1990, 10, 3), germany.Spells[1].Start);
        Assert.Null(_countries.Resolve("265").Iso3);
    }

    [Fact]
    public void Every_ISO3_code_is_three_capital_letters_and_COW_codes_are_unique()
    {
        var all = _countries.All.ToList();
        Assert.Equal(217, all.Count);
        Assert.All(all.Where(c => c.Iso3 is not null), c => Assert.Matches("^[A-Z]{3}$", c.Iso3!));
    }

    [Fact]
    public void A_COW_code_outside_2_to_999_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CowCode.From(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CowCode.From(1000));
    }
}
