using System.Globalization;
using Linchpin.Data;
using Linchpin.Data.Importers;

namespace Linchpin.World;

/// <summary>
/// Every COW state code with its ISO3 code (where one exists), names and state-system spells,
/// read from the shipped COW data. Resolves what users type — an ISO3 code (<c>KOR</c>), a COW
/// abbreviation (<c>ROK</c>) or a COW number (<c>732</c>) — to a <see cref="Country"/>.
/// </summary>
public sealed class CountryDirectory
{
    private readonly Dictionary<int, Country> _byCode;
    private readonly Dictionary<string, Country> _byText;

    private CountryDirectory(IEnumerable<Country> countries)
    {
        _byCode = countries.ToDictionary(c => c.Code.Value);
        _byText = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in _byCode.Values)
        {
            // ISO3 codes take precedence over COW abbreviations; a shared ISO3 (DEU for 255 and 260)
            // resolves to the first code in COW order, Germany 255.
            if (country.Iso3 is { } iso && !_byText.ContainsKey(iso))
            {
                _byText[iso] = country;
            }
        }

        foreach (var country in _byCode.Values)
        {
            _byText.TryAdd(country.Abbreviation, country);
        }
    }

    /// <summary>The directory built from the shipped data (cached).</summary>
    public static CountryDirectory Shipped { get; } = Load();

    /// <summary>All countries, by COW code.</summary>
    public IEnumerable<Country> All => _byCode.Values.OrderBy(c => c.Code.Value);

    /// <summary>The country with this COW code, or <c>null</c>.</summary>
    public Country? Find(CowCode code) => _byCode.GetValueOrDefault(code.Value);

    /// <summary>Resolves an ISO3 code, COW abbreviation or COW number.</summary>
    /// <exception cref="LinchpinException">Unknown code, named in the message.</exception>
    public Country Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return _byCode.GetValueOrDefault(number)
                ?? throw new LinchpinException($"unknown country code '{text}': no COW state has the number {number}");
        }

        if (_byText.TryGetValue(trimmed, out var country))
        {
            return country;
        }

        throw new LinchpinException($"unknown country code '{text}': use an ISO3 code (KOR), a COW abbreviation (ROK) or a COW number (732)");
    }

    /// <summary>The country with this ISO3 code, or <c>null</c>.</summary>
    public Country? FindIso3(string iso3) =>
        _byCode.Values.Where(c => string.Equals(c.Iso3, iso3, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Code.Value).FirstOrDefault();

    private static CountryDirectory Load()
    {
        var codes = ReadShipped("cow_iso3");
        var states = ReadShipped("cow_states");
        var spells = states.Rows
            .GroupBy(r => r.RequiredInt("ccode"))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<MembershipSpell>)[.. g.Select(r => new MembershipSpell(
                    new DateOnly(r.RequiredInt("styear"), r.RequiredInt("stmonth"), r.RequiredInt("stday")),
                    new DateOnly(r.RequiredInt("endyear"), r.RequiredInt("endmonth"), r.RequiredInt("endday"))))
                    .OrderBy(s => s.Start)]);
        var countries = codes.Rows.Select(r =>
        {
            var code = r.RequiredInt("ccode");
            return new Country(
                CowCode.From(code), r.Text("iso3"), r.RequiredText("stateabb"), r.RequiredText("statenme"),
                spells.GetValueOrDefault(code, []));
        });
        return new CountryDirectory(countries);
    }

    private static CsvInput ReadShipped(string name)
    {
        var dataset = DatasetCatalog.FindShipped(name)!;
        using var stream = DatasetCatalog.OpenShipped(dataset);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return CsvInput.Parse(dataset.FileName, buffer.ToArray());
    }
}
