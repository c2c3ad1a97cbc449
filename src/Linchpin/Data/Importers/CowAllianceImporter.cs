namespace Linchpin.Data.Importers;

/// <summary>
/// Imports a user's copy of the Correlates of War Formal Alliances data (v4.1; Gibler 2009), which
/// Linchpin may not redistribute. Accepts the member-level file (<c>alliance_v4.1_by_member.csv</c>
/// or its yearly form) or the dyad files (<c>_by_dyad.csv</c>, <c>_by_directed.csv</c>); every row
/// is validated and written, normalised, to the user's import folder.
/// </summary>
public static class CowAllianceImporter
{
    /// <summary>The member table: one row per member spell, with that member's own obligations.</summary>
    public const string MemberTable = "cow_alliance_member";

    /// <summary>The dyad table: one row per (directed or undirected) dyad spell.</summary>
    public const string DyadTable = "cow_alliance_dyad";

    private const string Citation =
        "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. Washington, DC: CQ Press. "
        + "Correlates of War Formal Alliances v4.1.";

    private const string Terms = "Your own copy; the COW Formal Alliances maintainer does not allow redistribution.";

    private static readonly string[] Obligations = ["defense", "neutrality", "nonaggression", "entente"];

    private static readonly ColumnInfo[] MemberColumns =
    [
        new("version4id", "INTEGER", "COW alliance id"), new("ccode", "INTEGER", "COW state code of the member"),
        new("state_name", "VARCHAR", "member name"), new("all_st_year", "INTEGER", "alliance start year"),
        new("all_end_year", "INTEGER", "alliance end year (empty: in force at the end of the data)"),
        new("ss_type", "VARCHAR", "alliance type (Type I defence pact, IIa/IIb non-aggression, II neutrality, III entente)"),
        new("mem_st_date", "DATE", "date the member joined"), new("mem_end_date", "DATE", "date it left (empty: still a member)"),
        new("left_censor", "INTEGER", "1 if the alliance began before 1816"), new("right_censor", "INTEGER", "1 if in force at the end of the data"),
        new("defense", "INTEGER", "1 if this member pledges to defend the others"), new("neutrality", "INTEGER", "1 if it pledges neutrality"),
        new("nonaggression", "INTEGER", "1 if it pledges non-aggression"), new("entente", "INTEGER", "1 if it pledges consultation (entente)"),
        new("version", "VARCHAR", "data version"),
    ];

    private static readonly ColumnInfo[] DyadColumns =
    [
        new("version4id", "INTEGER", "COW alliance id"), new("ccode1", "INTEGER", "COW code of the first state (directed: the one pledging)"),
        new("ccode2", "INTEGER", "COW code of the second state"), new("directed", "BOOLEAN", "true if the row's obligations are those ccode1 owes ccode2"),
        new("dyad_st_date", "DATE", "start date of the dyad"), new("dyad_end_date", "DATE", "end date (empty: in force at the end of the data)"),
        new("left_censor", "INTEGER", "1 if begun before 1816"), new("right_censor", "INTEGER", "1 if in force at the end of the data"),
        new("defense", "INTEGER", "defence obligation"), new("neutrality", "INTEGER", "neutrality obligation"),
        new("nonaggression", "INTEGER", "non-aggression obligation"), new("entente", "INTEGER", "entente (consultation) obligation"),
        new("asymmetric", "INTEGER", "1 if the two sides' obligations differ (undirected file only)"), new("version", "VARCHAR", "data version"),
    ];

    /// <summary>Imports <paramref name="path"/> into <paramref name="importFolder"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="importFolder">The user's import folder.</param>
    /// <param name="allowEmpty">Whether a file without rows may replace an earlier import.</param>
    /// <exception cref="LinchpinException">The file is not a COW alliance file, has no rows, or a row is malformed (file, line, field named).</exception>
    public static ImportSummary Import(string path, string importFolder, bool allowEmpty = false)
    {
        var input = CsvInput.Read(path);
        if (input.Has("ccode1") && input.Has("ccode2"))
        {
            return ImportDyads(input, path, importFolder, allowEmpty);
        }

        if (input.Has("ccode") && input.Has("mem_st_year"))
        {
            return ImportMembers(input, path, importFolder, allowEmpty);
        }

        throw LinchpinException.InFile(path, 1, null,
            "not a COW Formal Alliances file: expected the columns of alliance_v4.1_by_member.csv (version4id, ccode, mem_st_year, ...) "
            + "or of the dyad files (version4id, ccode1, ccode2, dyad_st_year, ...)");
    }

    private static ImportSummary ImportMembers(CsvInput input, string path, string importFolder, bool allowEmpty)
    {
        input.RequireColumns(["version4id", "ccode", "state_name", "all_st_year", "all_end_year", "ss_type",
            "mem_st_day", "mem_st_month", "mem_st_year", "mem_end_day", "mem_end_month", "mem_end_year",
            "left_censor", "right_censor", .. Obligations, "version"]);

        // The yearly file repeats each member spell once a year; a spell is kept once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<object?>>();
        string? version = null;
        foreach (var row in input.Rows)
        {
            var id = row.RequiredInt("version4id", 1, 100_000);
            var ccode = CowCode(row, "ccode");
            var start = Date(row, "mem_st", required: true);
            var end = Date(row, "mem_end", required: false);
            if (end is not null && end < start)
            {
                throw row.Error("mem_end_year", $"membership ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }

            version ??= row.RequiredText("version");
            var key = $"{id}|{ccode}|{start:yyyy-MM-dd}";
            if (!seen.Add(key))
            {
                continue;
            }

            rows.Add(
            [
                id, ccode, row.RequiredText("state_name"), row.RequiredInt("all_st_year", 1000, 2100), row.OptionalInt("all_end_year", 1000, 2100),
                row.RequiredText("ss_type"), start, end, OptionalFlag(row, "left_censor"), OptionalFlag(row, "right_censor"),
                .. Obligations.Select(o => (object?)OptionalFlag(row, o)), row.RequiredText("version"),
            ]);
        }

        ImportedDatasets.RequireRows(path, rows.Count, allowEmpty);
        var alliances = rows.Select(r => (int)r[0]!).Distinct().Count();
        Save(importFolder, MemberTable, "COW Formal Alliances, member level (your copy)", version ?? "unknown", path, MemberColumns, rows);
        return new ImportSummary([new ImportedTable(MemberTable, rows.Count, version ?? "unknown", $"{alliances} alliances")]);
    }

    private static ImportSummary ImportDyads(CsvInput input, string path, string importFolder, bool allowEmpty)
    {
        input.RequireColumns(["version4id", "ccode1", "ccode2", "dyad_st_day", "dyad_st_month", "dyad_st_year",
            "dyad_end_day", "dyad_end_month", "dyad_end_year", "left_censor", "right_censor", .. Obligations, "version"]);
        var directed = !input.Has("asymmetric");
        var rows = new List<IReadOnlyList<object?>>();
        string? version = null;
        foreach (var row in input.Rows)
        {
            var ccode1 = CowCode(row, "ccode1");
            var ccode2 = CowCode(row, "ccode2");
            if (ccode1 == ccode2)
            {
                throw row.Error("ccode2", $"a state ({ccode1}) cannot be allied with itself");
            }

            var start = Date(row, "dyad_st", required: true);
            var end = Date(row, "dyad_end", required: false);
            version ??= row.RequiredText("version");
            rows.Add(
            [
                row.RequiredInt("version4id", 1, 100_000), ccode1, ccode2, directed, start, end,
                OptionalFlag(row, "left_censor"), OptionalFlag(row, "right_censor"),
                .. Obligations.Select(o => (object?)OptionalFlag(row, o)),
                directed ? null : row.Flag("asymmetric") ? 1 : 0, row.RequiredText("version"),
            ]);
        }

        ImportedDatasets.RequireRows(path, rows.Count, allowEmpty);
        var alliances = rows.Select(r => (int)r[0]!).Distinct().Count();
        var kind = directed ? "directed" : "undirected";
        Save(importFolder, DyadTable, $"COW Formal Alliances, {kind} dyads (your copy)", version ?? "unknown", path, DyadColumns, rows);
        return new ImportSummary([new ImportedTable(DyadTable, rows.Count, version ?? "unknown", $"{alliances} alliances, {kind}")]);
    }

    private static void Save(string importFolder, string name, string title, string version, string path,
        IReadOnlyList<ColumnInfo> columns, List<IReadOnlyList<object?>> rows)
    {
        var years = rows.SelectMany(r => r.OfType<DateOnly>()).Select(d => d.Year).DefaultIfEmpty(1816).ToList();
        var info = new DatasetInfo(name, title, version, name + ".csv", new YearRange(years.Min(), Math.Max(years.Max(), 2012)),
            Citation, Terms, $"imported from {Path.GetFileName(path)}", DatasetOrigin.Imported, columns);
        ImportedDatasets.Save(importFolder, info, temp => CsvOutput.Write(temp, [.. columns.Select(c => c.Name)],
            rows.Select(r => (IReadOnlyList<object?>)[.. r.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : v)])));
    }

    // COW leaves a few obligation cells empty (e.g. alliance 6, UK): unknown stays missing, not 0.
    private static int? OptionalFlag(CsvRow row, string field) => row.OptionalInt(field, 0, 1);

    private static int CowCode(CsvRow row, string field) => row.RequiredInt(field, 2, 999);

    private static DateOnly? Date(CsvRow row, string prefix, bool required)
    {
        var year = required ? row.RequiredInt(prefix + "_year", 1000, 2100) : row.OptionalInt(prefix + "_year", 1000, 2100);
        if (year is null)
        {
            return null;
        }

        // COW marks an unknown day or month -9 (or leaves it empty): the first of the month or year is used.
        // Anything else must be a real date: 31 February or month 13 is an error, not a nearby day.
        var month = Part(row, prefix + "_month", 12);
        var day = Part(row, prefix + "_day", month is { } known ? DateTime.DaysInMonth(year.Value, known) : 31);
        if (day is not null && month is null)
        {
            throw row.Error(prefix + "_day", $"day {day} is given but the month is unknown");
        }

        return new DateOnly(year.Value, month ?? 1, day ?? 1);
    }

    private static int? Part(CsvRow row, string field, int max) => row.WholeNumber(field) switch
    {
        null or -9 => null,
        { } value when value >= 1 && value <= max => value,
        { } value => throw row.Error(field, field.EndsWith("_day", StringComparison.Ordinal)
            ? $"{value} is not a day of that month, which has {max} days (-9 for unknown)"
            : $"{value} is not a month (1-12, or -9 for unknown)"),
    };
}
