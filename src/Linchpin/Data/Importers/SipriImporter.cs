using System.Globalization;
using System.Text;
using Linchpin.World;

namespace Linchpin.Data.Importers;

/// <summary>
/// Imports a user's copy of SIPRI Military Expenditure Database figures, which Linchpin may not
/// redistribute. Two layouts are accepted: long, as Our World in Data exports it
/// (<c>Entity,Code,Year,&lt;measure&gt;</c>), and wide, as a SIPRI sheet saved to CSV
/// (<c>Country,1949,1950,...</c>). Countries are matched to COW codes by ISO3 code or name;
/// unmatched ones are kept with an empty code and counted in the summary.
/// </summary>
public static class SipriImporter
{
    /// <summary>The table written.</summary>
    public const string Table = "sipri_milex";

    private const string Citation =
        "SIPRI Military Expenditure Database, Stockholm International Peace Research Institute, https://www.sipri.org/databases/milex.";

    private static readonly ColumnInfo[] Columns =
    [
        new("country", "VARCHAR", "country as named in the file"), new("iso3", "VARCHAR", "ISO3 code (from the file or matched)"),
        new("ccode", "INTEGER", "COW code (empty if the country could not be matched)"), new("year", "INTEGER", "year"),
        new("measure", "VARCHAR", "what the value is (the file's column name, or --measure for wide files)"),
        new("value", "DOUBLE", "the value as in the file; missing stays empty"),
    ];

    // SIPRI's own spellings that differ from COW and ISO names.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["usa"] = "USA", ["uk"] = "GBR", ["uae"] = "ARE", ["ussr"] = "RUS", ["russia"] = "RUS", ["german dr"] = "",
        ["korea south"] = "KOR", ["korea north"] = "PRK", ["south korea"] = "KOR", ["north korea"] = "PRK",
        ["congo dr"] = "COD", ["congo republic"] = "COG", ["dr congo"] = "COD", ["cote divoire"] = "CIV", ["cote d ivoire"] = "CIV",
        ["viet nam"] = "VNM", ["czechia"] = "CZE", ["eswatini"] = "SWZ", ["bosnia herzegovina"] = "BIH", ["bosnia and herzegovina"] = "BIH",
        ["dominican republic"] = "DOM", ["central african republic"] = "CAF", ["trinidad and tobago"] = "TTO", ["north macedonia"] = "MKD",
        ["timor leste"] = "TLS", ["cape verde"] = "CPV", ["iran"] = "IRN", ["syria"] = "SYR", ["laos"] = "LAO", ["moldova"] = "MDA",
        ["tanzania"] = "TZA", ["taiwan"] = "TWN", ["turkey"] = "TUR", ["turkiye"] = "TUR", ["brunei"] = "BRN", ["myanmar"] = "MMR",
        ["gambia"] = "GMB", ["venezuela"] = "VEN", ["bolivia"] = "BOL", ["yemen"] = "YEM", ["kosovo"] = "XKX", ["serbia"] = "SRB",
    };

    /// <summary>Imports <paramref name="path"/> with the measure name taken from the file.</summary>
    public static ImportSummary Import(string path, string importFolder) => Import(path, importFolder, null);

    /// <summary>Imports <paramref name="path"/>; <paramref name="measure"/> names the values of a wide file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="importFolder">The user's import folder.</param>
    /// <param name="measure">The name of the values (default: the value column's name, or a generic one for a wide file).</param>
    /// <param name="allowEmpty">Whether a file without rows may replace an earlier import.</param>
    /// <exception cref="LinchpinException">Unknown layout, no rows, or a malformed or negative value (file, line, field named).</exception>
    public static ImportSummary Import(string path, string importFolder, string? measure, bool allowEmpty = false)
    {
        var input = CsvInput.Read(path);
        var rows = new List<IReadOnlyList<object?>>();
        var countries = CountryDirectory.Shipped;
        var names = NameIndex(countries);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        if (input.Has("Entity") && input.Has("Year"))
        {
            input.RequireColumns("Entity", "Code", "Year");
            var valueColumn = input.Header.Select(h => h.Trim())
                .FirstOrDefault(h => h is not ("Entity" or "Code" or "Year"))
                ?? throw LinchpinException.InFile(path, 1, null, "no value column after Entity, Code, Year");
            foreach (var row in input.Rows)
            {
                var country = row.RequiredText("Entity");
                var iso3 = row.Text("Code");
                if (iso3 is not null && iso3.StartsWith("OWID_", StringComparison.Ordinal))
                {
                    continue; // OWID aggregates (World, regions) are not states.
                }

                var year = row.RequiredInt("Year", 1800, 2100);
                var value = row.Number(valueColumn, nonNegative: true);
                var code = Match(countries, names, iso3, country);
                if (code is null)
                {
                    unmatched.Add(country);
                }

                rows.Add([country, iso3 ?? (code is null ? null : countries.Find(CowCode.From(code.Value))?.Iso3), code, year, measure ?? valueColumn, value]);
            }
        }
        else if (input.Has("Country") && input.Header.Skip(1).Any(IsYear))
        {
            var yearColumns = input.Header.Select(h => h.Trim()).Where(IsYear).ToList();
            foreach (var row in input.Rows)
            {
                var country = row.RequiredText("Country");
                var code = Match(countries, names, null, country);
                if (code is null)
                {
                    unmatched.Add(country);
                }

                var iso3 = code is null ? null : countries.Find(CowCode.From(code.Value))?.Iso3;
                foreach (var column in yearColumns)
                {
                    rows.Add([country, iso3, code, int.Parse(column, CultureInfo.InvariantCulture), measure ?? "value (unit as in the file)", row.Number(column, nonNegative: true)]);
                }
            }
        }
        else
        {
            throw LinchpinException.InFile(path, 1, null,
                "not a SIPRI export: expected a long file with columns Entity, Code, Year, <value> or a wide file with Country, 1949, 1950, ...");
        }

        ImportedDatasets.RequireRows(path, rows.Count, allowEmpty);
        var years = rows.Select(r => (int)r[3]!).DefaultIfEmpty(0).ToList();
        var info = new DatasetInfo(Table, "SIPRI military expenditure (your copy)", "as imported", Table + ".csv",
            new YearRange(years.Min(), years.Max()), Citation,
            "Your own copy; SIPRI's terms require attribution and restrict redistribution.",
            $"imported from {Path.GetFileName(path)} ({input.Encoding.WebName})", DatasetOrigin.Imported, Columns);
        ImportedDatasets.Save(importFolder, info, temp => CsvOutput.Write(temp, [.. Columns.Select(c => c.Name)], rows));
        var note = unmatched.Count == 0
            ? "every country matched a COW code"
            : $"{unmatched.Count} countries without a COW code: {string.Join("; ", unmatched.Take(8))}{(unmatched.Count > 8 ? "; ..." : "")}";
        return new ImportSummary([new ImportedTable(Table, rows.Count, info.Version, note)]);
    }

    private static bool IsYear(string text) =>
        text.Trim().Length == 4 && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2100;

    private static int? Match(CountryDirectory countries, Dictionary<string, int> names, string? iso3, string name)
    {
        if (iso3 is not null && countries.FindIso3(iso3) is { } byCode)
        {
            return byCode.Code.Value;
        }

        var key = Normalise(name);
        if (Aliases.TryGetValue(key, out var alias))
        {
            return alias.Length == 0 ? null : countries.FindIso3(alias)?.Code.Value;
        }

        return names.TryGetValue(key, out var code) ? code : null;
    }

    private static Dictionary<string, int> NameIndex(CountryDirectory countries)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var country in countries.All)
        {
            index.TryAdd(Normalise(country.Name), country.Code.Value);
        }

        return index;
    }

    private static char FoldAccent(char c)
    {
        const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
        const string Plain = "aaaaaaceeeeiiiinooooouuuuyy";
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }

    /// <summary>Lower case, accents and punctuation dropped, "rep." spelled out.</summary>
    internal static string Normalise(string name)
    {
        var text = new StringBuilder();
        foreach (var raw in name)
        {
            // Folded by table: Unicode normalisation is not available under invariant globalization.
            var c = FoldAccent(char.ToLowerInvariant(raw));
            text.Append(char.IsLetterOrDigit(c) ? c : c == '&' ? '&' : ' ');
        }

        var words = text.ToString().Replace("&", " and ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "rep" ? "republic" : w);
        return string.Join(' ', words);
    }
}
